import type { ManagerChange } from '@reorg/model';
import { costCsvValue } from '../../lib/cost';
import { csvCell } from '../../lib/csv/csv-cell';
import type { BandSeries } from './band-chart';
import type { CompareTable } from './compare-rows';

/** One CSV cell, formulas defused (OWASP CSV injection): see `lib/csv/csv-cell`. */
export { csvCell };

/** Rows of cells as CSV text with CRLF line ends. */
export function toCsv(rows: readonly (readonly (string | number | null | undefined)[])[]): string {
  return `${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * The comparison table as CSV, the numbers unformatted: `Group, Metric, Baseline, <scenario>,
 * Δ <scenario>, …`; then the span distribution (managers by direct reports) and people per layer.
 * Costs are annual, in the currency named in the cost row.
 */
export function compareTableToCsv(table: CompareTable): string {
  const scenarios = table.columns.slice(1);
  const header = [
    'Group',
    'Metric',
    table.columns[0]!.name,
    ...scenarios.flatMap((c) => [c.name, `Δ ${c.name}`]),
  ];
  const rows: (string | number | null)[][] = [header];
  const line = (
    group: string,
    label: string,
    values: (number | string | null)[],
    deltas: (number | null)[],
  ) => {
    rows.push([
      group,
      label,
      values[0] ?? null,
      ...scenarios.flatMap((_, k) => [values[k + 1] ?? null, deltas[k + 1] ?? null]),
    ]);
  };
  for (const g of table.groups) {
    for (const r of g.rows) {
      const label = r.format === 'money' ? `${r.label} (${table.currency})` : r.label;
      const values = r.values.map((v, k) => (r.hidden?.[k] ? costCsvValue(v, { redacted: true }) : v));
      line(g.title, label, values, r.deltas);
    }
  }
  table.spans.buckets.forEach((bucket, b) => {
    const values = table.spans.byColumn.map((col) => col[b] ?? 0);
    const label = `Managers with ${bucket} direct ${bucket === '1' ? 'report' : 'reports'}`;
    line(
      'Span distribution',
      label,
      values,
      values.map((v, k) => (k === 0 ? null : v - values[0]!)),
    );
  });
  for (let layer = 1; layer <= table.layers.maxLayer; layer++) {
    const values = table.layers.byColumn.map((col) => col[layer - 1]?.people ?? 0);
    line(
      'Layers',
      `People in layer ${layer}`,
      values,
      values.map((v, k) => (k === 0 ? null : v - values[0]!)),
    );
  }
  return toCsv(rows);
}

/**
 * Simulated bands as CSV, one row per plan, metric and quarter:
 * `Plan, Simulated on, Metric, Quarter, p10, p50, p90`. A series the caller may not see
 * (`hidden`, redacted cost) is one row saying "hidden" in place of the numbers.
 */
export function bandsToCsv(
  series: readonly { label: string; on: string; metric: string; bands: BandSeries; hidden?: boolean }[],
): string {
  const rows: (string | number)[][] = [['Plan', 'Simulated on', 'Metric', 'Quarter', 'p10', 'p50', 'p90']];
  for (const s of series) {
    if (s.hidden) {
      const h = String(costCsvValue(null, { redacted: true }));
      rows.push([s.label, s.on, s.metric, '', h, h, h]);
      continue;
    }
    for (const p of s.bands.points) rows.push([s.label, s.on, s.metric, p.quarter, p.p10, p.p50, p.p90]);
  }
  return toCsv(rows);
}

/**
 * The people of one scenario who change manager (an `OrgDiff`'s `people.managerChanged`), in the
 * diff's record order: `Person id, Person, From manager id, From manager, To manager id, To
 * manager`; an empty manager id means none (the top of the org). Text goes through {@link csvCell}.
 */
export function managerChangesToCsv(changes: readonly ManagerChange[]): string {
  const rows: (string | null | undefined)[][] = [
    ['Person id', 'Person', 'From manager id', 'From manager', 'To manager id', 'To manager'],
  ];
  for (const c of changes) rows.push([c.id, c.name, c.from, c.fromName, c.to, c.toName]);
  return toCsv(rows);
}
