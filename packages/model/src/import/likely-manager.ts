import { foldKey } from './cells';
import type { CsvTable } from './csv';
import type { HrisColumns, HrisRecord } from './hris-rows';

/** A column that was not matched as the manager but whose values name other rows. */
export interface LikelyManagerColumn {
  header: string;
  /** Non-empty cells of the column. */
  filled: number;
  /** Cells naming another row by `via`. */
  matches: number;
  via: 'id' | 'email' | 'name';
}

/**
 * Looks, among the columns no field uses, for the one most likely to hold each row's manager:
 * the column whose non-empty cells most often name another row's id, email or name (case and
 * spacing ignored). A column qualifies when at least half of its non-empty cells, and at least
 * one, do (project's own threshold). Returns the best, or `undefined`.
 */
export function findLikelyManagerColumn(
  table: CsvTable,
  columns: HrisColumns,
  records: readonly HrisRecord[],
): LikelyManagerColumn | undefined {
  const used = new Set(Object.values(columns));
  const keys = {
    id: new Set(records.map((r) => foldKey(r.person.id))),
    email: new Set(records.flatMap((r) => (r.person.email ? [foldKey(r.person.email)] : []))),
    name: new Set(records.flatMap((r) => (r.person.name ? [foldKey(r.person.name)] : []))),
  };
  let best: LikelyManagerColumn | undefined;
  table.headers.forEach((header, i) => {
    if (used.has(i) || header === '') return;
    const cells = table.rows.map((r) => r.cells[i] ?? '').filter((c) => c !== '');
    for (const via of ['id', 'email', 'name'] as const) {
      const matches = cells.filter((c) => keys[via].has(foldKey(c))).length;
      if (matches === 0 || matches * 2 < cells.length) continue;
      if (!best || matches > best.matches) best = { header, filled: cells.length, matches, via };
    }
  });
  return best;
}
