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
  /** `''` (decided from the files), `DD-MM-YYYY` or `MM-DD-YYYY`. */
  dateFormat: string;
  onDateFormat: (dateFormat: string) => void;
}

const FORMAT_TITLE: Record<ImportPlan['kind'], string> = {
  hris: 'HRIS export',
  'uk-organogram': 'UK government organogram',
  'org-json': 'Org document',
  auto: 'Files read together',
  invalid: 'These files cannot be imported together',
};

function FileCard({ file }: { file: InspectedFile }) {
  const csv =
    file.kind !== 'org-json' && file.kind !== 'teams' && file.kind !== 'backstage' && file.kind !== 'unknown';
  const unit = file.kind === 'hris-json' ? 'records' : 'rows';
  return (
    <li className="file-card" data-kind={file.kind}>
      <span className="file-icon" aria-hidden="true">
        <IconFile />
      </span>
      <div className="file-text">
        <div className="file-name">{file.name}</div>
        <div className="muted">
          {KIND_TEXT[file.kind]}
          {csv && ` · ${file.rows.toLocaleString('en-US')} ${unit} · ${file.headers.length} columns`} ·{' '}
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
  const csv = p.plan.kind === 'hris' || p.plan.kind === 'uk-organogram' || p.plan.kind === 'auto';
  const dated = p.plan.kind === 'hris' || p.plan.kind === 'auto';
  const mapped = p.plan.kind === 'hris' ? p.plan.file : p.plan.kind === 'auto' ? p.plan.mapped : undefined;
  return (
    <>
      <section className="import-card" aria-labelledby="files-title">
        <div className="card-head">
          <h3 id="files-title">{p.plan.kind === 'auto' ? p.plan.title : FORMAT_TITLE[p.plan.kind]}</h3>
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
            {dated && (
              <div className="field">
                <label htmlFor="import-date-format">Dates written as</label>
                <select
                  id="import-date-format"
                  className="input"
                  value={p.dateFormat}
                  onChange={(e) => p.onDateFormat(e.target.value)}
                  disabled={p.disabled}
                >
                  <option value="">Decided from the file</option>
                  <option value="DD-MM-YYYY">DD-MM-YYYY (day first)</option>
                  <option value="MM-DD-YYYY">MM-DD-YYYY (month first)</option>
                </select>
                <span className="muted field-hint">
                  For dates such as 09-10-2023 when no date of the file is past the 12th.
                </span>
              </div>
            )}
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
      {mapped && (
        <MappingTable
          headers={mapped.headers}
          preview={mapped.preview}
          overrides={p.overrides}
          onChange={p.onOverrides}
        />
      )}
    </>
  );
}
