import type { Org, PlanHire } from '@reorg/model';
import Papa from 'papaparse';

/**
 * The hire grid of the plan editor as plain data: one row per plan line, every cell the text the
 * planner typed. Validation, paste and totals are pure functions of the rows and the org, so the
 * grid component only renders and dispatches.
 */

/** The grid's columns, in order (paste without a header fills them left to right). */
export const GRID_COLUMNS = ['team', 'level', 'count', 'quarter', 'manager', 'cost', 'location'] as const;
/** One column of the grid. */
export type GridColumn = (typeof GRID_COLUMNS)[number];

/** Column headings, and the header words a pasted first line may use for each column. */
export const COLUMN_LABELS: Record<GridColumn, string> = {
  team: 'Team',
  level: 'Level',
  count: 'Count',
  quarter: 'Quarter',
  manager: 'Manager',
  cost: 'Annual cost',
  location: 'Location',
};
const HEADER_WORDS: Record<GridColumn, string[]> = {
  team: ['team', 'teamid', 'team id', 'team name'],
  level: ['level', 'grade', 'band'],
  count: ['count', 'hires', 'headcount', 'number', 'qty', 'n'],
  quarter: ['quarter', 'start quarter', 'open quarter', 'when'],
  manager: ['manager', 'managerid', 'manager id', 'reports to', 'hiring manager'],
  cost: ['cost', 'annual cost', 'salary', 'annualcost', 'loaded cost'],
  location: ['location', 'site', 'office', 'country'],
};

/** One row of the grid: a stable key and the text of each cell. */
export type GridRow = { key: string } & Record<GridColumn, string>;

/** What each cell is checked against: the org's teams, levels and people, by id and by name. */
export interface PlanOrgContext {
  teams: Map<string, { id: string; name: string }>;
  levels: Map<string, { id: string; name: string }>;
  people: Map<string, { id: string; name: string }>;
  teamIds: string[];
  levelIds: string[];
}

/** The context of an org: lookups by lower-cased id and by lower-cased name (ids win). */
export function getPlanOrgContext(org: Pick<Org, 'teams' | 'ladder' | 'people'>): PlanOrgContext {
  const index = (items: { id: string; name?: string }[]) => {
    const map = new Map<string, { id: string; name: string }>();
    for (const it of items) {
      const v = { id: it.id, name: it.name ?? it.id };
      if (it.name && !map.has(it.name.trim().toLowerCase())) map.set(it.name.trim().toLowerCase(), v);
    }
    for (const it of items) map.set(it.id.toLowerCase(), { id: it.id, name: it.name ?? it.id });
    return map;
  };
  const levels = [...org.ladder.tracks.ic, ...org.ladder.tracks.manager].sort((a, b) => a.rank - b.rank);
  const people = org.people.filter((p) => !p.aggregate && p.status !== 'open' && p.status !== 'planned');
  return {
    teams: index(org.teams),
    levels: index(levels),
    people: index(people),
    teamIds: org.teams.map((t) => t.id),
    levelIds: levels.map((l) => l.id),
  };
}

/** An empty row with this key. */
export function emptyRow(key: string): GridRow {
  return { key, team: '', level: '', count: '', quarter: '', manager: '', cost: '', location: '' };
}

/** True when every cell of the row is blank (blank rows are ignored when saving). */
export function isBlankRow(row: GridRow): boolean {
  return GRID_COLUMNS.every((c) => row[c].trim() === '');
}

/**
 * A quarter as typed (`2027-Q3`, `2027 Q3`, `Q3 2027`, `q3-2027`, `2027Q3`) in the plan's form
 * `YYYY-Qn`; undefined when it is not one.
 */
export function normalizeQuarter(text: string): string | undefined {
  const t = text.trim().toUpperCase();
  const a = /^(\d{4})\s*[-/ ]?\s*Q([1-4])$/.exec(t);
  if (a) return `${a[1]}-Q${a[2]}`;
  const b = /^Q([1-4])\s*[-/ ]?\s*(\d{4})$/.exec(t);
  return b ? `${b[2]}-Q${b[1]}` : undefined;
}

/**
 * An annual cost as typed: digits with optional thousands separators, spaces, a currency sign
 * or code, and a `k` (thousands) or `m` (millions) suffix: `120,000`, `$120k`, `95 000 EUR`.
 * Undefined when it is not a non-negative number.
 */
export function parseCost(text: string): number | undefined {
  const t = text
    .trim()
    .replace(/^[A-Z]{3}\s*|\s*[A-Z]{3}$/gi, '')
    .replace(/[$€£¥\s\u00a0\u202f,_]/g, '');
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(t);
  if (!m) return undefined;
  const scale = m[2] === '' ? 1 : m[2]!.toLowerCase() === 'k' ? 1_000 : 1_000_000;
  return Math.round(Number(m[1]) * scale * 100) / 100;
}

/** A whole count ≥ 1 as typed, or undefined. */
export function parseCount(text: string): number | undefined {
  const t = text.trim().replace(/[,\s]/g, '');
  return /^\d+$/.test(t) && Number(t) >= 1 ? Number(t) : undefined;
}

/** The plan's horizon: first quarter and number of quarters (for the quarter cells). */
export interface Horizon {
  startQuarter: string;
  quarters: number;
}

/** Messages of the cells of one row that do not hold (none for a blank row). */
export type CellErrors = Partial<Record<GridColumn, string>>;

const list = (ids: string[]) => (ids.length > 8 ? `${ids.slice(0, 8).join(', ')}, …` : ids.join(', '));

/**
 * Checks each cell of a row against the org: the team and level must exist (by id or name), the
 * count be a whole number ≥ 1, the quarter be `YYYY-Qn` inside the horizon; a manager, when
 * given, must be a person of the org, and a cost a non-negative number.
 */
export function validateRow(row: GridRow, ctx: PlanOrgContext, horizon?: Horizon): CellErrors {
  if (isBlankRow(row)) return {};
  const errors: CellErrors = {};
  const team = row.team.trim();
  if (!team) errors.team = 'a team is required';
  else if (!ctx.teams.has(team.toLowerCase())) errors.team = `unknown team "${team}"`;
  const level = row.level.trim();
  if (!level) errors.level = 'a level is required';
  else if (!ctx.levels.has(level.toLowerCase()))
    errors.level = `unknown level "${level}" (the ladder has ${list(ctx.levelIds)})`;
  if (parseCount(row.count) === undefined) errors.count = 'a whole number of hires, 1 or more';
  const quarter = normalizeQuarter(row.quarter);
  if (!quarter)
    errors.quarter = row.quarter.trim()
      ? `"${row.quarter.trim()}" is not a quarter such as 2027-Q1`
      : 'a quarter is required';
  else if (horizon) {
    const q = quarterIndex(quarter);
    const first = quarterIndex(horizon.startQuarter);
    if (q < first) errors.quarter = `${quarter} is before the plan starts (${horizon.startQuarter})`;
    else if (q >= first + horizon.quarters)
      errors.quarter = `${quarter} is after the plan's last quarter (${quarterAt(first + horizon.quarters - 1)})`;
  }
  const manager = row.manager.trim();
  if (manager && !ctx.people.has(manager.toLowerCase())) errors.manager = `unknown person "${manager}"`;
  if (row.cost.trim() && parseCost(row.cost) === undefined)
    errors.cost = `"${row.cost.trim()}" is not an annual cost`;
  return errors;
}

/** The plan line of a valid, non-blank row (ids resolved, numbers parsed); undefined otherwise. */
export function rowToHire(row: GridRow, ctx: PlanOrgContext): PlanHire | undefined {
  if (isBlankRow(row) || Object.keys(validateRow(row, ctx)).length > 0) return undefined;
  const manager = row.manager.trim();
  const cost = row.cost.trim() ? parseCost(row.cost) : undefined;
  const location = row.location.trim();
  return {
    teamId: ctx.teams.get(row.team.trim().toLowerCase())!.id,
    level: ctx.levels.get(row.level.trim().toLowerCase())!.id,
    count: parseCount(row.count)!,
    quarter: normalizeQuarter(row.quarter)!,
    ...(manager ? { managerId: ctx.people.get(manager.toLowerCase())!.id } : {}),
    ...(cost !== undefined ? { cost } : {}),
    ...(location ? { location } : {}),
  };
}

/** The row of a plan line, with ids as written. */
export function hireToRow(hire: PlanHire, key: string): GridRow {
  return {
    key,
    team: hire.teamId,
    level: hire.level,
    count: String(hire.count),
    quarter: hire.quarter,
    manager: hire.managerId ?? '',
    cost: hire.cost === undefined ? '' : String(hire.cost),
    location: hire.location ?? '',
  };
}

/**
 * The cells of text pasted from a spreadsheet: tab-separated lines (Excel, Google Sheets and
 * Numbers all copy so), quoted cells holding tabs or line breaks read as one; blank lines dropped.
 * Text without a tab but with commas is read as CSV.
 */
export function parsePastedCells(text: string): string[][] {
  const delimiter = text.includes('\t') ? '\t' : text.includes(',') && text.includes('\n') ? ',' : '\t';
  const parsed = Papa.parse<string[]>(text.replace(/\r\n?/g, '\n'), {
    delimiter,
    skipEmptyLines: 'greedy',
  });
  return parsed.data.map((cells) => cells.map((c) => c.trim()));
}

/** The column each cell of a header line names, or undefined when the line is not a header. */
export function readHeader(cells: string[]): (GridColumn | undefined)[] | undefined {
  const cols = cells.map((c) => {
    const word = c.trim().toLowerCase();
    return GRID_COLUMNS.find((col) => HEADER_WORDS[col].includes(word));
  });
  return cols.filter(Boolean).length >= 2 ? cols : undefined;
}

/**
 * Pastes cells into the grid at (row, column): a first line that names columns (`Team`, `Level`,
 * …) maps the cells below it by name, wherever the columns are; otherwise cells fill the columns
 * to the right of `col`, rows from `row` down, adding rows at the end as needed (keys from
 * `newKey`). Cells beyond the last column are dropped. Returns the new rows (the input unchanged).
 */
export function pasteIntoRows(
  rows: readonly GridRow[],
  at: { row: number; col: number },
  cells: string[][],
  newKey: () => string,
): GridRow[] {
  if (cells.length === 0) return [...rows];
  const header = readHeader(cells[0]!);
  const body = header ? cells.slice(1) : cells;
  const columnsOf = (width: number): (GridColumn | undefined)[] =>
    header ?? Array.from({ length: width }, (_, k) => GRID_COLUMNS[at.col + k]);
  const out = [...rows];
  let r = at.row;
  for (const line of body) {
    while (out.length <= r) out.push(emptyRow(newKey()));
    const target: GridRow = { ...out[r]! };
    columnsOf(line.length).forEach((col, k) => {
      if (col) target[col] = line[k] ?? '';
    });
    out[r] = target;
    r++;
  }
  return out;
}

/** Totals of one quarter of the horizon: hires, their cost where known, and unpriced hires. */
export interface QuarterTotal {
  quarter: string;
  /** Hires opened this quarter (valid rows only). */
  hires: number;
  /** Annual cost of the hires with a cost, in the org's currency. */
  cost: number;
  /** Hires without a cost of their own: priced by the rate card (else a median) in the simulation. */
  unpriced: number;
}

/** Hires and cost per quarter of the horizon, over the valid rows; rows outside it are left out. */
export function getQuarterTotals(
  rows: readonly GridRow[],
  ctx: PlanOrgContext,
  horizon: Horizon,
): QuarterTotal[] {
  const first = quarterIndex(horizon.startQuarter);
  const totals = Array.from({ length: horizon.quarters }, (_, k) => ({
    quarter: quarterAt(first + k),
    hires: 0,
    cost: 0,
    unpriced: 0,
  }));
  for (const row of rows) {
    const hire = rowToHire(row, ctx);
    if (!hire) continue;
    const t = totals[quarterIndex(hire.quarter) - first];
    if (!t) continue;
    t.hires += hire.count;
    if (hire.cost === undefined) t.unpriced += hire.count;
    else t.cost += hire.cost * hire.count;
  }
  return totals;
}

/** A quarter `YYYY-Qn` as a count of quarters since year 0. */
export function quarterIndex(quarter: string): number {
  const [y, q] = quarter.split('-Q');
  return Number(y) * 4 + Number(q) - 1;
}

/** The inverse of {@link quarterIndex}. */
export function quarterAt(index: number): string {
  return `${Math.floor(index / 4)}-Q${(index % 4) + 1}`;
}

/** A cell position in the grid. */
export interface CellPos {
  row: number;
  col: number;
}

/**
 * Where the focus goes for a key, spreadsheet-like: arrows move one cell (clamped), Tab and
 * Shift+Tab move right and left and wrap to the next or previous row, Enter moves down (and
 * Shift+Enter up). `rows` may grow: Enter and Tab past the last cell ask for a new row (`add`).
 */
export function moveCell(
  pos: CellPos,
  key: string,
  shift: boolean,
  size: { rows: number; cols: number },
): CellPos & { add?: boolean } {
  const last = { row: size.rows - 1, col: size.cols - 1 };
  const clampRow = (r: number) => Math.max(0, Math.min(last.row, r));
  switch (key) {
    case 'ArrowUp':
      return { ...pos, row: clampRow(pos.row - 1) };
    case 'ArrowDown':
      return { ...pos, row: clampRow(pos.row + 1) };
    case 'ArrowLeft':
      return { ...pos, col: Math.max(0, pos.col - 1) };
    case 'ArrowRight':
      return { ...pos, col: Math.min(last.col, pos.col + 1) };
    case 'Enter':
      if (shift) return { ...pos, row: clampRow(pos.row - 1) };
      return pos.row === last.row
        ? { row: pos.row + 1, col: pos.col, add: true }
        : { ...pos, row: pos.row + 1 };
    case 'Tab':
      if (shift) {
        if (pos.col > 0) return { ...pos, col: pos.col - 1 };
        return pos.row > 0 ? { row: pos.row - 1, col: last.col } : pos;
      }
      if (pos.col < last.col) return { ...pos, col: pos.col + 1 };
      return pos.row === last.row ? { row: pos.row + 1, col: 0, add: true } : { row: pos.row + 1, col: 0 };
    default:
      return pos;
  }
}
