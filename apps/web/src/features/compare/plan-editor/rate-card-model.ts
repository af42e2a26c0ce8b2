import type { RateCard } from '@reorg/model';
import Papa from 'papaparse';
import { parseCost } from './plan-grid-model';

/**
 * The rate card editor's rows (level, optional location, annual cost, as typed) and their CSV
 * import: pure functions, so the component only renders. A rate card prices the posts without a
 * cost of their own in the simulation (planned hires, open reqs): by level at a location first,
 * then by level.
 */

/** One row of the rate card editor. */
export interface RateRow {
  key: string;
  level: string;
  location: string;
  cost: string;
}

/** What is wrong with a row, by column. */
export type RateRowErrors = Partial<Record<'level' | 'location' | 'cost', string>>;

/** The rows of a rate card. */
export function rateCardToRows(card: RateCard | undefined, newKey: () => string): RateRow[] {
  return (card?.rates ?? []).map((r) => ({
    key: newKey(),
    level: r.level,
    location: r.location ?? '',
    cost: r.annualCost == null ? '' : String(r.annualCost),
  }));
}

/**
 * The errors of each row (by key): a level of the ladder (`levels`, matched ignoring case), an
 * annual cost, and no second rate for the same level and location. Blank rows are ignored.
 */
export function validateRateRows(
  rows: readonly RateRow[],
  levels: readonly string[],
): Map<string, RateRowErrors> {
  const known = new Map(levels.map((l) => [l.toLowerCase(), l]));
  const seen = new Map<string, number>();
  const out = new Map<string, RateRowErrors>();
  rows.forEach((row, k) => {
    if (!row.level.trim() && !row.location.trim() && !row.cost.trim()) return;
    const e: RateRowErrors = {};
    const level = known.get(row.level.trim().toLowerCase());
    if (!level) e.level = row.level.trim() ? `unknown level "${row.level.trim()}"` : 'a level is required';
    if (parseCost(row.cost) === undefined)
      e.cost = row.cost.trim() ? `"${row.cost.trim()}" is not an annual cost` : 'an annual cost is required';
    const id = `${level ?? row.level.trim()}\u0000${row.location.trim().toLowerCase()}`;
    const first = seen.get(id);
    if (first !== undefined)
      e.location = `a second rate for ${level ?? row.level.trim()}${row.location.trim() ? ` at ${row.location.trim()}` : ''} (first on row ${first + 1})`;
    else seen.set(id, k);
    if (Object.keys(e).length) out.set(row.key, e);
  });
  return out;
}

/** The rate card of valid rows (blank rows dropped); undefined when a row has an error. */
export function rowsToRateCard(
  rows: readonly RateRow[],
  levels: readonly string[],
  source: string,
): RateCard | undefined {
  if (validateRateRows(rows, levels).size > 0) return undefined;
  const known = new Map(levels.map((l) => [l.toLowerCase(), l]));
  const rates = rows
    .filter((r) => r.level.trim() || r.cost.trim())
    .map((r) => ({
      level: known.get(r.level.trim().toLowerCase())!,
      ...(r.location.trim() ? { location: r.location.trim() } : {}),
      annualCost: parseCost(r.cost)!,
    }));
  return { ...(source.trim() ? { source: source.trim() } : {}), rates };
}

/** A problem of a rate card CSV: the row (1 = the header line) and column it is in. */
export interface CsvProblem {
  row: number;
  column?: string;
  message: string;
}

const LEVEL = ['level', 'grade', 'level id'];
const LOCATION = ['location', 'site', 'office', 'country'];
const COST = ['annualcost', 'annual cost', 'cost', 'rate', 'annual rate', 'salary'];

/**
 * Reads a rate card CSV (papaparse; comma, semicolon or tab): a header naming `level` and
 * `annualCost` (or `cost`, `rate`), optionally `location`, then one rate a line. Gives the rows,
 * or the problems (with their row and column) when the header lacks a column or the file is not CSV.
 * Cell errors (unknown level, bad cost) are the editor's, shown on the imported rows.
 */
export function parseRateCardCsv(
  text: string,
  newKey: () => string,
): { ok: true; rows: RateRow[] } | { ok: false; problems: CsvProblem[] } {
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const problems: CsvProblem[] = parsed.errors.map((e) => ({ row: (e.row ?? 0) + 1, message: e.message }));
  const [header, ...lines] = parsed.data;
  if (!header) return { ok: false, problems: [{ row: 1, message: 'the file is empty' }] };
  const names = header.map((h) => h.trim().toLowerCase());
  const col = (words: string[]) => names.findIndex((n) => words.includes(n));
  const [level, location, cost] = [col(LEVEL), col(LOCATION), col(COST)];
  if (level < 0) problems.push({ row: 1, column: 'level', message: 'no "level" column in the header' });
  if (cost < 0)
    problems.push({
      row: 1,
      column: 'annualCost',
      message: 'no "annualCost" (or "cost") column in the header',
    });
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    rows: lines.map((cells) => ({
      key: newKey(),
      level: (cells[level] ?? '').trim(),
      location: location < 0 ? '' : (cells[location] ?? '').trim(),
      cost: (cells[cost] ?? '').trim(),
    })),
  };
}
