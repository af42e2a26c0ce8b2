import { useEffect, useMemo, useState } from 'react';
import type { OrgIndex } from '../../lib/org/org-index';
import { notify, useSession } from '../../stores/session-store';
import { useView } from '../../stores/view-store';
import { type ChartPage, PAPER_SIZES, type Paper, pageCapacity, paginateChart } from './chart-pages';
import type { PrintedPerson } from './chart-pdf';
import { download, fileSlug } from './export-image';

interface PdfChoice {
  scope: 'org' | 'subtree';
  paper: Paper;
  orientation: 'landscape' | 'portrait';
}

/** The pages of a choice, from the open scenario's index. */
function pagesFor(index: OrgIndex, choice: PdfChoice, selectedId: string | null): ChartPage[] {
  const subtree = choice.scope === 'subtree' && selectedId;
  const roots = subtree ? [selectedId] : index.roots;
  const tree = { childrenOf: (id: string) => index.children.get(id) ?? [] };
  return paginateChart(
    tree,
    roots,
    pageCapacity(choice.paper, choice.orientation),
    subtree ? chainOf(index, selectedId) : [],
  );
}

/** The chain of command above `id`, top first (a reporting loop ends it). */
function chainOf(index: OrgIndex, id: string): string[] {
  const chain: string[] = [];
  const seen = new Set([id]);
  let manager = index.byId.get(id)?.managerId ?? null;
  while (manager && !seen.has(manager) && index.byId.has(manager)) {
    seen.add(manager);
    chain.unshift(manager);
    manager = index.byId.get(manager)?.managerId ?? null;
  }
  return chain;
}

async function exportPdf(choice: PdfChoice, selectedId: string | null) {
  const { index, org, analysis, scenarioName } = useSession.getState();
  if (!index || !org) return;
  const pages = pagesFor(index, choice, selectedId);
  const spans = new Map((analysis?.managers ?? []).map((m) => [m.id, m]));
  const person = (id: string): PrintedPerson => {
    const p = index.byId.get(id);
    const m = spans.get(id);
    return {
      name: p?.name || (p?.status === 'open' || p?.status === 'planned' ? '' : id),
      title: p?.title,
      level: p?.level,
      status: p?.status,
      span: m ? { directReports: m.directReports, status: m.status, subtreeSize: m.subtreeSize } : undefined,
    };
  };
  const scope = choice.scope === 'subtree' && selectedId ? ` · below ${person(selectedId).name}` : '';
  const { renderChartPdf } = await import('./chart-pdf');
  const bytes = await renderChartPdf(pages, person, {
    title: scenarioName || org.name,
    subtitle: `${org.name}${scope} · as of ${org.asOf} · ${pages.length} pages`,
    paper: choice.paper,
    orientation: choice.orientation,
  });
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: 'application/pdf' }));
  download(`${fileSlug(scenarioName || org.name)}.pdf`, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "Chart as PDF": the whole org or the selected person's part of it, paginated to A4, Letter
 * or A3 with page numbers and "continued on page N" where a team goes on elsewhere; the page
 * count is shown before downloading.
 */
export function PdfDialog({ onClose }: { onClose: () => void }) {
  const index = useSession((s) => s.index);
  const selectedId = useView((s) => s.selectedId);
  const selected = selectedId ? index?.byId.get(selectedId) : undefined;
  const hasTeam = !!selectedId && (index?.children.get(selectedId)?.length ?? 0) > 0;
  const [choice, setChoice] = useState<PdfChoice>({
    scope: hasTeam ? 'subtree' : 'org',
    paper: 'a4',
    orientation: 'landscape',
  });
  const [busy, setBusy] = useState(false);
  const pageCount = useMemo(
    () => (index ? pagesFor(index, choice, selectedId).length : 0),
    [index, choice, selectedId],
  );
  useEffect(() => {
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', esc);
    return () => document.removeEventListener('keydown', esc);
  }, [onClose]);
  const submit = async () => {
    setBusy(true);
    try {
      await exportPdf(choice, selectedId);
      onClose();
    } catch (e) {
      notify('error', `PDF export failed: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="modal-backdrop">
      <form
        className="modal pdf-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="pdf-title"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="modal-head">
          <h2 id="pdf-title">Chart as PDF</h2>
          <button type="button" className="btn btn-ghost btn-sm" onClick={onClose}>
            Close
          </button>
        </div>
        <p className="muted">
          A handout: one page per team, page numbers, and where each team continues. No costs.
        </p>
        <fieldset className="pdf-scope">
          <legend className="field-label">What to print</legend>
          <label>
            <input
              type="radio"
              name="pdf-scope"
              checked={choice.scope === 'org'}
              onChange={() => setChoice({ ...choice, scope: 'org' })}
            />
            The whole org
          </label>
          <label>
            <input
              type="radio"
              name="pdf-scope"
              disabled={!hasTeam}
              checked={choice.scope === 'subtree'}
              onChange={() => setChoice({ ...choice, scope: 'subtree' })}
            />
            {hasTeam
              ? `${selected?.name ?? selectedId} and everyone below`
              : 'A part of it (select a manager first)'}
          </label>
        </fieldset>
        <div className="pdf-row">
          <div className="field">
            <label htmlFor="pdf-paper">Paper</label>
            <select
              id="pdf-paper"
              className="select"
              value={choice.paper}
              onChange={(e) => setChoice({ ...choice, paper: e.target.value as Paper })}
            >
              {Object.entries(PAPER_SIZES).map(([k, v]) => (
                <option key={k} value={k}>
                  {v.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="pdf-orientation">Orientation</label>
            <select
              id="pdf-orientation"
              className="select"
              value={choice.orientation}
              onChange={(e) =>
                setChoice({ ...choice, orientation: e.target.value as PdfChoice['orientation'] })
              }
            >
              <option value="landscape">Landscape</option>
              <option value="portrait">Portrait</option>
            </select>
          </div>
        </div>
        <div className="pdf-actions">
          <span className="muted" data-testid="pdf-page-count">
            {pageCount} {pageCount === 1 ? 'page' : 'pages'}
          </span>
          <button type="submit" className="btn btn-primary" disabled={busy || pageCount === 0}>
            {busy ? 'Making the PDF…' : 'Download PDF'}
          </button>
        </div>
      </form>
    </div>
  );
}
