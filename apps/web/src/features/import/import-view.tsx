import type { DateFormat, HrisMapping } from '@reorg/model';
import { useEffect, useMemo, useRef, useState } from 'react';
import { loadMe } from '../../stores/me-store';
import { CheckSummary } from './check-summary';
import { FileDrop } from './file-drop';
import { overridesToSend } from './hris-mapping';
import type { CheckResult } from './import-check';
import { createImportChecker, type ImportChecker, Superseded } from './import-checker';
import { baseName, type InspectedFile, localToday, planImport } from './import-plan';
import { ImportProgress, type Progress } from './import-progress';
import { ImportSetup } from './import-setup';
import { IssueList } from './issue-list';
import { readFiles } from './read-files';
import { startUpload, type UploadFailure } from './start-upload';
import './import.css';

const UPLOAD_TEXT = {
  hris: 'Uploads the file as it is, with your column mapping; the server imports it the same way.',
  'uk-organogram': 'Uploads the senior and junior files as they are.',
  'org-json': 'Uploads the document as it is.',
  auto: 'Uploads the files as they are; the server reads them together the same way.',
} as const;

/** The chosen files: the originals (uploaded as they are) and what the browser read from them. */
interface Chosen {
  files: File[];
  inspected: InspectedFile[];
}

/**
 * Importing an org: choose files, see what they are and how their columns were matched (change
 * the mapping of a HRIS export), see the importer's errors row by row before anything is sent,
 * then upload with progress and open the new org. `onImported` gets the stored org's id.
 */
export function ImportView({ onImported }: { onImported: (orgId: string) => void }) {
  const checker = useRef<ImportChecker | null>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const [readError, setReadError] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [asOf, setAsOf] = useState(() => localToday(new Date()));
  const [overrides, setOverrides] = useState<HrisMapping>({});
  const [normalizeIds, setNormalizeIds] = useState(false);
  const [dateFormat, setDateFormat] = useState('');
  const [check, setCheck] = useState<{ result: CheckResult | null; running: boolean }>({
    result: null,
    running: false,
  });
  const [failure, setFailure] = useState<UploadFailure | null>(null);

  useEffect(() => {
    checker.current = createImportChecker();
    return () => checker.current?.dispose();
  }, []);

  const plan = useMemo(() => (chosen ? planImport(chosen.inspected) : null), [chosen]);
  const headers =
    plan?.kind === 'hris' ? plan.file.headers : plan?.kind === 'auto' ? (plan.mapped?.headers ?? null) : null;
  const mapping = useMemo(() => (headers ? overridesToSend(headers, overrides) : {}), [headers, overrides]);
  const mappingKey = JSON.stringify(mapping);

  // Re-run the importer in the browser whenever what it depends on changes.
  useEffect(() => {
    if (!plan || plan.kind === 'invalid' || !checker.current) return;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) return;
    let live = true;
    setCheck((c) => ({ ...c, running: true }));
    const timer = setTimeout(() => {
      checker
        .current!.check(plan.kind, {
          asOf,
          ...(name.trim() ? { name: name.trim() } : {}),
          ...(plan.kind === 'hris' || plan.kind === 'auto'
            ? { mapping: JSON.parse(mappingKey) as HrisMapping }
            : {}),
          ...(normalizeIds ? { normalizeIds } : {}),
          ...(dateFormat ? { dateFormat: dateFormat as DateFormat } : {}),
        })
        .then((result) => {
          if (live) setCheck({ result, running: false });
        })
        .catch((error: Error) => {
          if (live && !(error instanceof Superseded))
            setCheck({ result: { ok: false, errors: [{ message: error.message }] }, running: false });
        });
    }, 200);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [plan, asOf, name, mappingKey, normalizeIds, dateFormat]);

  const choose = async (files: File[]) => {
    setChosen(null);
    setFailure(null);
    setReadError(null);
    setOverrides({});
    setCheck({ result: null, running: false });
    setProgress({ stage: 'read', done: 0, total: files.reduce((n, f) => n + f.size, 0) });
    try {
      const texts = await readFiles(files, (done, total) => setProgress({ stage: 'read', done, total }));
      setProgress({ stage: 'check' });
      const inspected = await checker.current!.load(texts);
      const hris = inspected.find(
        (f) => f.kind === 'hris-csv' || f.kind === 'hris-json' || f.kind === 'backstage',
      );
      setName(hris ? baseName(hris.name) : '');
      setChosen({ files, inspected });
    } catch (error) {
      if (!(error instanceof Superseded)) setReadError((error as Error).message);
    } finally {
      setProgress(null);
    }
  };

  const upload = async () => {
    if (!chosen || !plan || plan.kind === 'invalid') return;
    setFailure(null);
    const outcome = await startUpload({
      plan,
      files: chosen.files,
      asOf,
      name: name.trim(),
      mapping,
      normalizeIds,
      ...(dateFormat ? { dateFormat } : {}),
      onProgress: setProgress,
    });
    setProgress(null);
    if (outcome.ok) {
      await loadMe(); // the new org and the caller's role on it
      onImported(outcome.orgId);
    } else setFailure(outcome.failure);
  };

  const busy = progress !== null;
  const ready = check.result?.ok === true && !check.running;
  return (
    <div className="import-view">
      <div className="import-inner">
        <header className="import-head">
          <h2>Import an org</h2>
          <p className="muted">
            The import becomes the org's baseline, which never changes: reorgs happen in scenarios on top of
            it.
          </p>
        </header>
        {!chosen && !busy && <FileDrop onFiles={(f) => void choose(f)} />}
        {readError && <p className="form-error">{readError}</p>}
        {chosen && plan && (
          <ImportSetup
            plan={plan}
            inspected={chosen.inspected}
            name={name}
            onName={setName}
            namePlaceholder={check.result?.ok ? check.result.org.name : 'From the file'}
            asOf={asOf}
            onAsOf={setAsOf}
            normalizeIds={normalizeIds}
            onNormalizeIds={setNormalizeIds}
            overrides={overrides}
            onOverrides={setOverrides}
            disabled={busy}
            onOtherFiles={(f) => void choose(f)}
            dateFormat={dateFormat}
            onDateFormat={setDateFormat}
          />
        )}
        {chosen && plan && plan.kind !== 'invalid' && !busy && (
          <CheckSummary result={check.result} running={check.running} />
        )}
        {failure && (
          <section
            className="import-card check-card check-failed"
            role="alert"
            aria-labelledby="failure-title"
          >
            <div className="card-head">
              <h3 id="failure-title">The server refused the import: {failure.title}</h3>
              <span className="chip">HTTP {failure.status}</span>
            </div>
            <p>{failure.detail}</p>
            {failure.errors.length > 0 && (
              <IssueList issues={failure.errors} label="Errors from the server" />
            )}
          </section>
        )}
        {progress && <ImportProgress progress={progress} />}
        {chosen && plan && plan.kind !== 'invalid' && !busy && (
          <div className="import-actions">
            <button type="button" className="btn btn-primary" disabled={!ready} onClick={() => void upload()}>
              Import {plan.kind === 'uk-organogram' ? 'organogram' : 'org'}
            </button>
            <span className="muted">
              {check.running ? 'Checking…' : ready ? UPLOAD_TEXT[plan.kind] : 'Fix the problems above first.'}
            </span>
          </div>
        )}
      </div>
    </div>
  );
}
