import type { RateCard } from '@reorg/model';
import { useState } from 'react';
import { saveOps } from '../../../lib/api/client';
import { newRowKey } from './plan-draft';
import {
  parseRateCardCsv,
  type RateRow,
  rateCardToRows,
  rowsToRateCard,
  validateRateRows,
} from './rate-card-model';

/**
 * The rate card of the plan's scenario: a cost per level (and optionally per location) that
 * prices planned hires without a cost and open reqs in the simulation. Edited in a small grid or
 * imported from CSV (`level,location,annualCost`); saved as a `setRateCard` op on the scenario
 * (a new revision, If-Match).
 */
export function RateCardEditor({
  card,
  scenarioId,
  revision,
  levels,
  currency,
  canEdit,
  onSaved,
}: {
  card: RateCard | undefined;
  scenarioId: string;
  revision: number;
  levels: string[];
  currency: string;
  canEdit: boolean;
  onSaved: (card: RateCard | undefined, revision: number) => void;
}) {
  const [rows, setRows] = useState<RateRow[]>(() => rateCardToRows(card, newRowKey));
  const [source, setSource] = useState(card?.source ?? '');
  const [note, setNote] = useState<{ ok: boolean; text: string } | null>(null);
  const hidden = (card?.rates ?? []).some((r) => r.annualCost == null);
  const readOnly = !canEdit || hidden;
  const errors = validateRateRows(rows, levels);
  const set = (k: number, field: 'level' | 'location' | 'cost', value: string) =>
    setRows(rows.map((r, j) => (j === k ? { ...r, [field]: value } : r)));

  const importCsv = async (file: File) => {
    const parsed = parseRateCardCsv(await file.text(), newRowKey);
    if (!parsed.ok) {
      setNote({
        ok: false,
        text: `${file.name}: ${parsed.problems.map((p) => `row ${p.row}${p.column ? `, column ${p.column}` : ''}: ${p.message}`).join('; ')}`,
      });
      return;
    }
    setRows(parsed.rows);
    setNote({ ok: true, text: `${file.name}: ${parsed.rows.length} rates read; check them and save.` });
  };
  const save = async () => {
    const next = rowsToRateCard(rows, levels, source);
    if (!next) {
      setNote({ ok: false, text: 'Not saved: fix the rates marked in red.' });
      return;
    }
    const empty = next.rates.length === 0;
    const result = await saveOps(
      scenarioId,
      [{ type: 'setRateCard', rateCard: empty ? null : next }],
      revision,
    );
    if (result.ok) {
      onSaved(empty ? undefined : next, result.revision);
      setNote({ ok: true, text: `Rate card saved on the scenario (revision ${result.revision}).` });
    } else if (result.stale)
      setNote({ ok: false, text: 'The scenario changed meanwhile: reload the plan and try again.' });
    else setNote({ ok: false, text: result.message });
  };

  return (
    <details className="plan-rate-card" open={rows.length > 0 || undefined}>
      <summary>
        Rate card of this scenario{' '}
        <span className="muted">
          ·{' '}
          {card?.rates.length
            ? `${card.rates.length} rates${card.source ? `, ${card.source}` : ''}`
            : 'none: hires without a cost take the median of their level'}
        </span>
      </summary>
      {hidden && <p className="muted">The rates are hidden from you (compensation).</p>}
      <table className="plan-totals rate-card-table" aria-label="Rate card">
        <thead>
          <tr>
            <th scope="col">Level</th>
            <th scope="col">Location (optional)</th>
            <th scope="col" className="num">
              Annual cost ({currency})
            </th>
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, k) => {
            const e = errors.get(r.key) ?? {};
            return (
              <tr key={r.key}>
                {(['level', 'location', 'cost'] as const).map((field) => (
                  <td key={field} className={e[field] ? 'has-error' : undefined}>
                    <input
                      className={`input input-narrow${field === 'cost' ? ' num' : ''}`}
                      aria-label={`Rate ${k + 1}: ${field}`}
                      list={field === 'level' ? 'plan-grid-levels' : undefined}
                      value={r[field]}
                      readOnly={readOnly}
                      aria-invalid={e[field] ? true : undefined}
                      onChange={(ev) => set(k, field, ev.target.value)}
                    />
                    {e[field] && <span className="field-error">{e[field]}</span>}
                  </td>
                ))}
                <td>
                  {!readOnly && (
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm"
                      aria-label={`Remove rate ${k + 1}`}
                      onClick={() => setRows(rows.filter((_, j) => j !== k))}
                    >
                      ×
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {!readOnly && (
        <div className="plan-json-actions">
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => setRows([...rows, { key: newRowKey(), level: '', location: '', cost: '' }])}
          >
            + Add rate
          </button>
          <label className="btn btn-sm">
            Import CSV
            <input
              type="file"
              accept=".csv,text/csv"
              className="sr-only"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void importCsv(file);
                e.target.value = '';
              }}
            />
          </label>
          <input
            className="input"
            aria-label="Source of the rates"
            placeholder="Source, e.g. Finance 2027 bands"
            value={source}
            onChange={(e) => setSource(e.target.value)}
          />
          <button type="button" className="btn btn-sm btn-primary" onClick={() => void save()}>
            Save rate card
          </button>
        </div>
      )}
      {note && (
        <p className={note.ok ? 'plan-note is-ok' : 'form-error'} role="status">
          {note.text}
        </p>
      )}
    </details>
  );
}
