import { useEffect, useRef, useState } from 'react';
import { IconDownload } from '../../components/icons';
import { seesAllCompensation } from '../../lib/auth/permissions';
import { useMe } from '../../stores/me-store';
import { notify, useSession } from '../../stores/session-store';
import { download, fileSlug, renderViewImage } from './export-image';
import { orgToCsv } from './org-csv';
import { PdfDialog } from './pdf-dialog';
import './export.css';

/** Export the current view as PNG or SVG, the chart as a paginated PDF, or the org as CSV (formula-safe). */
export function ExportMenu() {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [pdf, setPdf] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const name = useSession((s) => s.scenarioName);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('mousedown', close);
    return () => document.removeEventListener('mousedown', close);
  }, [open]);

  const image = async (format: 'png' | 'svg') => {
    const root = document.querySelector<HTMLElement>('[data-export-root]');
    setOpen(false);
    if (!root) return notify('error', 'Nothing to export in this view.');
    setBusy(true);
    try {
      const url = await renderViewImage(root, format);
      download(`${fileSlug(name)}.${format}`, url);
    } catch (e) {
      notify('error', `Export failed: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  const csv = () => {
    setOpen(false);
    const { org, analysis, orgId } = useSession.getState();
    if (!org) return;
    const seesAll = seesAllCompensation(useMe.getState().identity, orgId);
    const text = orgToCsv(org, analysis, { seesAllCompensation: seesAll });
    const blob = new Blob([text], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    download(`${fileSlug(name)}.csv`, url);
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <div className="menu" ref={ref}>
      <button
        type="button"
        className="btn btn-sm"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
        disabled={busy}
      >
        <IconDownload /> {busy ? 'Exporting…' : 'Export'}
      </button>
      {open && (
        <div className="menu-list" role="menu">
          <button type="button" role="menuitem" onClick={() => void image('png')}>
            View as PNG
          </button>
          <button type="button" role="menuitem" onClick={() => void image('svg')}>
            View as SVG
          </button>
          <button
            type="button"
            role="menuitem"
            onClick={() => {
              setOpen(false);
              setPdf(true);
            }}
          >
            Chart as PDF…
          </button>
          <button type="button" role="menuitem" onClick={csv}>
            Org as CSV
          </button>
        </div>
      )}
      {pdf && <PdfDialog onClose={() => setPdf(false)} />}
    </div>
  );
}
