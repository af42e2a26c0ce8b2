import type { HeadcountPlan, SimulationQuarter } from '@reorg/model';
import type { Workbook } from 'exceljs';
import { isRedacted } from '../../lib/cost';
import { toCsv } from './compare-csv';

/**
 * Exports of simulated headcount plans, for finance: one CSV (a row per plan and quarter) and one
 * xlsx workbook (a sheet per plan: its assumptions, its hires, its simulated quarters). Costs the
 * caller may not see are written "hidden", never 0. CSV text is defused against formula injection
 * (lib/csv); in the workbook text cells are strings, never formulas.
 */

/** One simulated plan to export. */
export interface PlanExport {
  name: string;
  /** What it was simulated on ("Baseline (OrbitMart)", a scenario's name). */
  on: string;
  currency: string;
  plan: HeadcountPlan;
  quarters: SimulationQuarter[];
}

const HIDDEN = 'hidden';

/** The columns of the quarters, with how to read each from a quarter. */
const QUARTER_COLUMNS: [string, (q: SimulationQuarter, currency: string) => string | number | null][] = [
  ['Quarter', (q) => q.quarter],
  ['Headcount p10', (q) => q.headcount.p10],
  ['Headcount p50', (q) => q.headcount.p50],
  ['Headcount p90', (q) => q.headcount.p90],
  ['Annual cost p10', (q) => cost(q, q.cost.p10)],
  ['Annual cost p50', (q) => cost(q, q.cost.p50)],
  ['Annual cost p90', (q) => cost(q, q.cost.p90)],
  ['Hires p50', (q) => q.hires.p50],
  ['Leavers p50', (q) => q.leavers.p50],
  ['Productive FTE p50', (q) => q.productiveFte.p50],
  ['Managers needed p50', (q) => q.managersNeeded.p50],
  ['New manager reqs p50', (q) => q.newManagerReqs.p50],
  ['Budget', (q) => (q.budget === undefined && !isRedacted(q) ? null : cost(q, q.budget))],
  ['P(within budget)', (q) => q.pWithinBudget ?? null],
  ['Headcount target', (q) => q.headcountTarget ?? null],
  ['P(at headcount target)', (q) => q.pAtHeadcountTarget ?? null],
];

function cost(q: SimulationQuarter, value: number | null | undefined): string | number {
  return value == null || isRedacted(q) ? HIDDEN : value;
}

/** The plans' simulated quarters as CSV: `Plan`, `Simulated on`, `Currency`, then a column per number. */
export function plansToCsv(plans: readonly PlanExport[]): string {
  const header = ['Plan', 'Simulated on', 'Currency', ...QUARTER_COLUMNS.map(([h]) => h)];
  const rows = plans.flatMap((p) =>
    p.quarters.map((q) => [
      p.name,
      p.on,
      p.currency,
      ...QUARTER_COLUMNS.map(([, read]) => read(q, p.currency)),
    ]),
  );
  return toCsv([header, ...rows]);
}

/** A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, unique in the book. */
export function sheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Plan';
  let out = base;
  for (let k = 2; taken.has(out.toLowerCase()); k++) out = `${base.slice(0, 31 - `${k}`.length - 1)} ${k}`;
  taken.add(out.toLowerCase());
  return out;
}

// In the workbook every text is a string cell (never a formula): Excel shows it as written.
const text = (v: string) => v;

/**
 * Fills `book` (an ExcelJS workbook, given so this module stays free of the library's weight) with
 * one sheet per plan: what it was simulated on and its assumptions, its hires, then its quarters.
 */
export function fillPlansWorkbook(book: Workbook, plans: readonly PlanExport[]): void {
  const taken = new Set<string>();
  for (const p of plans) {
    const sheet = book.addWorksheet(sheetName(p.name, taken));
    const pl = p.plan;
    const rows: (string | number | null)[][] = [
      ['Plan', text(p.name)],
      ['Simulated on', text(p.on)],
      ['Currency', p.currency],
      ['Start quarter', pl.startQuarter ?? ''],
      ['Quarters', pl.quarters],
      ['Annual attrition', pl.attrition.annualRate],
      ...Object.entries(pl.attrition.byLevel ?? {}).map(([l, r]) => [`Attrition ${text(l)}`, r]),
      ['Time to hire (quarters)', pl.timeToHireQuarters],
      ['Ramp-up (quarters)', pl.rampUpQuarters],
      [
        'Backfill',
        pl.backfill.enabled ? `on, ${pl.backfill.delayQuarters} quarter(s) after a departure` : 'off',
      ],
      ['Replacement cost (months)', pl.replacementCostMonths ?? 'org policy'],
      [
        'Annual cost budget',
        pl.budget
          ? (pl.budget.annualCost ?? HIDDEN)
          : (pl as { redacted?: boolean }).redacted
            ? HIDDEN
            : 'none',
      ],
      ['Headcount target', pl.headcountTarget?.count ?? 'none'],
      [],
      ['Team', 'Level', 'Count', 'Quarter', 'Manager', 'Annual cost', 'Location'],
      ...pl.hires.map((h) => [
        text(h.teamId),
        text(h.level),
        h.count,
        h.quarter,
        text(h.managerId ?? ''),
        h.cost === undefined ? 'rate card' : (h.cost ?? HIDDEN),
        text(h.location ?? ''),
      ]),
      [],
      QUARTER_COLUMNS.map(([h]) => h),
      ...p.quarters.map((q) => QUARTER_COLUMNS.map(([, read]) => read(q, p.currency))),
    ];
    sheet.addRows(rows);
    sheet.getColumn(1).width = 26;
    for (const r of [1, rows.findIndex((row) => row[0] === 'Team') + 1, rows.length - p.quarters.length]) {
      if (r > 0) sheet.getRow(r).font = { bold: true };
    }
  }
}

/** The workbook of the plans as an xlsx file (ExcelJS loaded on demand). */
export async function plansToXlsx(plans: readonly PlanExport[]): Promise<Blob> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'reorg';
  fillPlansWorkbook(book, plans);
  const buffer = await book.xlsx.writeBuffer();
  return new Blob([buffer], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
