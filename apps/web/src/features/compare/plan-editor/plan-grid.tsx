import { type ClipboardEvent, type KeyboardEvent, useRef } from 'react';
import {
  type CellErrors,
  COLUMN_LABELS,
  emptyRow,
  GRID_COLUMNS,
  type GridColumn,
  type GridRow,
  moveCell,
  type PlanOrgContext,
  parsePastedCells,
  pasteIntoRows,
} from './plan-grid-model';

const LISTS: Partial<Record<GridColumn, string>> = {
  team: 'plan-grid-teams',
  level: 'plan-grid-levels',
  manager: 'plan-grid-people',
};
const NUMERIC = new Set<GridColumn>(['count', 'cost']);
const PLACEHOLDER: Partial<Record<GridColumn, string>> = {
  quarter: '2027-Q1',
  cost: 'from rate card',
  manager: 'team’s manager',
};

function Lists({ ctx }: { ctx: PlanOrgContext }) {
  const uniq = (m: PlanOrgContext['teams']) => [...new Map([...m.values()].map((v) => [v.id, v])).values()];
  return (
    <>
      {(['teams', 'levels', 'people'] as const).map((k) => (
        <datalist key={k} id={`plan-grid-${k}`}>
          {uniq(ctx[k]).map((v) => (
            <option key={v.id} value={v.id} label={v.name === v.id ? undefined : v.name} />
          ))}
        </datalist>
      ))}
    </>
  );
}

/**
 * The hire grid of the plan editor, edited like a spreadsheet: arrows, Tab and Enter move between
 * cells (Enter or Tab past the end adds a row), pasting rows from a spreadsheet fills the cells
 * from the cursor (or by the pasted header), and each cell says what is wrong with it inline.
 */
export function PlanGrid({
  rows,
  errors,
  ctx,
  readOnly,
  onChange,
  newKey,
}: {
  rows: GridRow[];
  errors: Map<string, CellErrors>;
  ctx: PlanOrgContext;
  readOnly: boolean;
  onChange: (rows: GridRow[]) => void;
  newKey: () => string;
}) {
  const table = useRef<HTMLTableElement>(null);
  const cellAt = (row: number, col: number) =>
    table.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`);
  /** Focuses a cell now when it exists (the next key goes there), else once React drew it. */
  const focus = (row: number, col: number) => {
    const now = cellAt(row, col);
    if (now) now.focus();
    else requestAnimationFrame(() => cellAt(row, col)?.focus());
  };
  const setCell = (r: number, col: GridColumn, value: string) =>
    onChange(rows.map((row, k) => (k === r ? { ...row, [col]: value } : row)));
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>, r: number, c: number) => {
    const input = e.currentTarget;
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    if ((e.key === 'ArrowLeft' && !atStart) || (e.key === 'ArrowRight' && !atEnd)) return;
    if (!['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Tab', 'Enter'].includes(e.key)) return;
    const next = moveCell({ row: r, col: c }, e.key, e.shiftKey, {
      rows: rows.length,
      cols: GRID_COLUMNS.length,
    });
    if (next.row === r && next.col === c) return;
    e.preventDefault();
    if (next.add) onChange([...rows, emptyRow(newKey())]);
    focus(next.row, next.col);
  };
  const onPaste = (e: ClipboardEvent<HTMLInputElement>, r: number, c: number) => {
    const text = e.clipboardData.getData('text/plain');
    if (!text.includes('\t') && !text.includes('\n')) return; // one value: the input pastes it
    e.preventDefault();
    onChange(pasteIntoRows(rows, { row: r, col: c }, parsePastedCells(text), newKey));
  };
  const remove = (r: number) => onChange(rows.filter((_, k) => k !== r));

  return (
    <div className="plan-grid-wrap">
      <Lists ctx={ctx} />
      <table className="plan-grid" ref={table} aria-label="Planned hires" aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            <th scope="col" className="plan-grid-n">
              #
            </th>
            {GRID_COLUMNS.map((col) => (
              <th key={col} scope="col" className={NUMERIC.has(col) ? 'num' : undefined}>
                {COLUMN_LABELS[col]}
              </th>
            ))}
            <th scope="col">
              <span className="sr-only">Remove</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => {
            const e = errors.get(row.key) ?? {};
            return (
              <tr key={row.key} data-row-key={row.key}>
                <th scope="row" className="plan-grid-n">
                  {r + 1}
                </th>
                {GRID_COLUMNS.map((col, c) => (
                  <td key={col} className={e[col] ? 'has-error' : undefined}>
                    <input
                      className={`plan-cell${NUMERIC.has(col) ? ' num' : ''}`}
                      value={row[col]}
                      data-row={r}
                      data-col={c}
                      list={LISTS[col]}
                      placeholder={PLACEHOLDER[col]}
                      readOnly={readOnly}
                      aria-label={`${COLUMN_LABELS[col]}, row ${r + 1}`}
                      aria-invalid={e[col] ? true : undefined}
                      aria-describedby={e[col] ? `cell-${row.key}-${col}` : undefined}
                      onChange={(ev) => setCell(r, col, ev.target.value)}
                      onKeyDown={(ev) => onKeyDown(ev, r, c)}
                      onPaste={(ev) => onPaste(ev, r, c)}
                    />
                    {e[col] && (
                      <span className="cell-error" id={`cell-${row.key}-${col}`} role="alert">
                        {e[col]}
                      </span>
                    )}
                  </td>
                ))}
                <td className="plan-grid-actions">
                  {!readOnly && (
                    <button
                      type="button"
                      className="btn btn-ghost btn-sm"
                      aria-label={`Remove row ${r + 1}`}
                      title="Remove this row"
                      onClick={() => remove(r)}
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
        <div className="plan-grid-foot">
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => {
              onChange([...rows, emptyRow(newKey())]);
              focus(rows.length, 0);
            }}
          >
            + Add row
          </button>
          <span className="muted">
            Paste rows from a spreadsheet into any cell (a header line such as Team, Level, Count, Quarter
            maps the columns). Arrows, Tab and Enter move between cells.
          </span>
        </div>
      )}
    </div>
  );
}
