import { HRIS_FIELDS, type HrisField, type HrisMapping } from '@reorg/model';
import { chooseColumn, effectiveMapping, FIELD_TEXT, KEY_FIELDS, sampleValues } from './hris-mapping';
import type { PreviewRow } from './import-plan';

interface Props {
  headers: string[];
  preview: PreviewRow[];
  overrides: HrisMapping;
  onChange: (overrides: HrisMapping) => void;
}

function FieldRow({
  field,
  headers,
  header,
  changed,
  samples,
  onPick,
}: {
  field: HrisField;
  headers: string[];
  header: string | undefined;
  changed: boolean;
  samples: string[];
  onPick: (header: string) => void;
}) {
  const text = FIELD_TEXT[field];
  const id = `map-${field}`;
  return (
    <tr data-field={field} className={header === undefined ? 'unmapped' : undefined}>
      <th scope="row">
        <label htmlFor={id}>{text.label}</label>
        {text.hint && <div className="muted field-hint">{text.hint}</div>}
      </th>
      <td>
        <select
          id={id}
          className="select"
          aria-label={`Column for ${text.label}`}
          value={header ?? ''}
          onChange={(e) => onPick(e.target.value)}
        >
          <option value="">Not mapped</option>
          {headers.map(
            (h) =>
              h !== '' && (
                <option key={h} value={h}>
                  {h}
                </option>
              ),
          )}
        </select>
      </td>
      <td>
        <div className="samples">
          {changed && <span className="chip chip-changed">Changed</span>}
          {samples.length > 0 ? (
            samples.map((v, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: samples may repeat and never reorder
              <span key={k} className="sample" title={v}>
                {v}
              </span>
            ))
          ) : (
            <span className="muted">{header === undefined ? '—' : 'empty in the first rows'}</span>
          )}
        </div>
      </td>
    </tr>
  );
}

/**
 * The HRIS column mapping: each of our fields with the file's column matched to it (a select to
 * change it, "Not mapped" allowed) and sample values; then the first rows as the importer will read them.
 */
export function MappingTable({ headers, preview, overrides, onChange }: Props) {
  const { mapping, unmatched, changed } = effectiveMapping(headers, overrides);
  const others = HRIS_FIELDS.filter((f) => !KEY_FIELDS.includes(f));
  const mapped = HRIS_FIELDS.filter((f) => mapping[f] !== undefined);
  const row = (field: HrisField) => (
    <FieldRow
      key={field}
      field={field}
      headers={headers}
      header={mapping[field]}
      changed={changed.includes(field)}
      samples={sampleValues(headers, preview, mapping[field])}
      onPick={(h) => onChange(chooseColumn(overrides, field, h))}
    />
  );
  return (
    <>
      <section className="import-card" aria-labelledby="mapping-title">
        <div className="card-head">
          <h3 id="mapping-title">Columns</h3>
          <span className="muted">
            {mapped.length} of {HRIS_FIELDS.length} fields matched
            {changed.length > 0 ? ` · ${changed.length} changed by you` : ''}
          </span>
        </div>
        <table className="mapping-table">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Column in the file</th>
              <th scope="col">First values</th>
            </tr>
          </thead>
          <tbody>
            {KEY_FIELDS.map(row)}
            <tr className="mapping-group">
              <th scope="rowgroup" colSpan={3}>
                More fields
              </th>
            </tr>
            {others.map(row)}
          </tbody>
        </table>
        {unmatched.length > 0 && (
          <p className="muted unmatched">Not read: {unmatched.map((h) => `"${h}"`).join(', ')}</p>
        )}
      </section>
      <section className="import-card" aria-labelledby="preview-title">
        <div className="card-head">
          <h3 id="preview-title">Preview</h3>
          <span className="muted">the first {preview.length} rows as they will be read</span>
        </div>
        <div className="preview-wrap">
          <table className="preview-table" aria-labelledby="preview-title">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Row
                </th>
                {mapped.map((f) => (
                  <th key={f} scope="col">
                    {FIELD_TEXT[f].label}
                    <div className="source">{mapping[f]}</div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.map(({ row, cells }) => (
                <tr key={row}>
                  <td className="num muted">{row}</td>
                  {mapped.map((f) => (
                    <td key={f}>{cells[headers.indexOf(mapping[f]!)] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
