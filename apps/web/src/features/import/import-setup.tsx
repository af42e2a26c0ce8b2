import type { HrisMapping } from '@reorg/model';
import { IconFile } from '../../components/icons';
import { FileDrop } from './file-drop';
import { formatBytes, type ImportPlan, type InspectedFile, KIND_TEXT } from './import-plan';
import { MappingTable } from './mapping-table';

interface Props {
  plan: ImportPlan;
  inspected: InspectedFile[];
  name: string;
  onName: (name: string) => void;
  namePlaceholder: string;
  asOf: string;
  onAsOf: (asOf: string) => void;
  normalizeIds: boolean;
  onNormalizeIds: (normalizeIds: boolean) => void;
  overrides: HrisMapping;
  onOverrides: (overrides: HrisMapping) => void;
  disabled: boolean;
  onOtherFiles: (files: File[]) => void;
}

const FORMAT_TITLE: Record<ImportPlan['kind'], string> = {
  hris: 'HRIS export',
  'uk-organogram': 'UK government organogram',
  'org-json': 'Org document',
  invalid: 'These files cannot be imported together',
};

function FileCard({ file }: { file: InspectedFile }) {
  const csv = file.kind !== 'org-json' && file.kind !== 'teams' && file.kind !== 'unknown';
  return (
    <li className="file-card" data-kind={file.kind}>
      <span className="file-icon" aria-hidden="true">
        <IconFile />
      </span>
      <div className="file-text">
        <div className="file-name">{file.name}</div>
        <div className="muted">
          {KIND_TEXT[file.kind]}
          {csv && ` · ${file.rows.toLocaleString('en-US')} rows · ${file.headers.length} columns`} ·{' '}
          {formatBytes(file.size)}
        </div>
      </div>
      <span className={`chip ${file.kind === 'unknown' ? 'chip-bad' : 'chip-good'}`}>
        {file.kind === 'unknown' ? 'Not recognised' : 'Recognised'}
      </span>
    </li>
  );
}

/**
 * The chosen files as recognised (kind, rows, columns), what they import as, and the options of
 * the import: the org's name and as-of date for a CSV, and the column mapping of a HRIS export.
 */
export function ImportSetup(p: Props) {
  const csv = p.plan.kind === 'hris' || p.plan.kind === 'uk-organogram';
  return (
    <>
      <section className="import-card" aria-labelledby="files-title">
        <div className="card-head">
          <h3 id="files-title">{FORMAT_TITLE[p.plan.kind]}</h3>
          {p.plan.kind === 'uk-organogram' && !p.plan.junior && (
            <span className="muted">no junior file: only senior posts will be imported</span>
          )}
        </div>
        <ul className="file-cards">
          {p.inspected.map((f) => (
            <FileCard key={f.name} file={f} />
          ))}
        </ul>
        {p.plan.kind === 'invalid' && (
          <p className="form-error" role="alert">
            {p.plan.message}
          </p>
        )}
        {!p.disabled && <FileDrop compact onFiles={p.onOtherFiles} />}
      </section>
      {csv && (
        <section className="import-card" aria-labelledby="options-title">
          <div className="card-head">
            <h3 id="options-title">Org</h3>
          </div>
          <div className="option-grid">
            <div className="field">
              <label htmlFor="import-name">Name</label>
              <input
                id="import-name"
                className="input"
                value={p.name}
                placeholder={p.namePlaceholder}
                onChange={(e) => p.onName(e.target.value)}
                disabled={p.disabled}
              />
            </div>
            <div className="field">
              <label htmlFor="import-as-of">As of</label>
              <input
                id="import-as-of"
                className="input"
                type="date"
                value={p.asOf}
                onChange={(e) => p.onAsOf(e.target.value)}
                required
                disabled={p.disabled}
              />
              <span className="muted field-hint">
                The date the data describes: tenure (new managers) is measured to it.
              </span>
            </div>
            <div className="field">
              <label className="check-field">
                <input
                  type="checkbox"
                  data-testid="import-normalize-ids"
                  checked={p.normalizeIds}
                  onChange={(e) => p.onNormalizeIds(e.target.checked)}
                  disabled={p.disabled}
                />
                Normalise manager ids
              </label>
              <span className="muted field-hint">
                A manager id that names no post but differs from one only in case or leading zeros (00005654
                for 5654) is read as that post's.
              </span>
            </div>
          </div>
        </section>
      )}
      {p.plan.kind === 'org-json' && (
        <p className="muted">The document's id, name, as-of date, ladder and policy are kept as they are.</p>
      )}
      {p.plan.kind === 'hris' && (
        <MappingTable
          headers={p.plan.file.headers}
          preview={p.plan.file.preview}
          overrides={p.overrides}
          onChange={p.onOverrides}
        />
      )}
    </>
  );
}
