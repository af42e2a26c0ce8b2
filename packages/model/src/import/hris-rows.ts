import type { PersonInput, PersonStatus } from '../schema/person';
import { type CellResult, parseAmount, parseBoolean } from './cells';
import type { CsvRow } from './csv';
import { type DateFormat, parseDate } from './dates';
import type { HrisField } from './hris-columns';
import type { IssueSink } from './result';
import { isTerminatedWord, parseStatusWord, STATUS_WORD_LIST } from './status-words';

/** Field → column index of a matched file. */
export type HrisColumns = Partial<Record<HrisField, number>>;

/** One data row read into a person, with its references still as written. */
export interface HrisRecord {
  row: number;
  /** The person without `managerId`, `dottedManagerIds` and `teamId` (filled in after resolution). */
  person: PersonInput & { id: string };
  /** The manager as written (an id, email or name), if any. */
  managerRef?: string;
  /** Dotted-line managers as written. */
  dottedRefs: string[];
  team?: string;
  department?: string;
  /** The currency this row's cost is in (currency column, or the cost's symbol), if stated. */
  currency?: string;
  /** True when the person has already left (a terminated status, or a termination date on or before `asOf`). */
  terminated?: boolean;
}

/** How the rows of one file are read: its date order, the org's date and how its manager column is written. */
export interface HrisReadContext {
  /** The file's day/month order (see `decideDateOrder`). */
  dateFormat: DateFormat;
  /** The org's date, `YYYY-MM-DD`: a termination date on or before it means the person has left. */
  asOf: string;
  /** True when the manager column is Workday's "Supervisory Organization" ("Sales (Ana Lima)"). */
  managerInParentheses?: boolean;
}

/** Reads one cell of a row by field; `''` when the field has no column. */
function cellOf(row: CsvRow, columns: HrisColumns, field: HrisField): string {
  const i = columns[field];
  return i === undefined ? '' : (row.cells[i] ?? '');
}

type Reader = <T>(field: HrisField, parse: (raw: string) => CellResult<T>) => T | undefined;

/**
 * Reads the data rows of an HRIS CSV into records. Every bad cell (missing id, bad number,
 * unknown status, bad yes/no) becomes an error naming its row and column; rows with errors are
 * still read to the end so that every error is listed. A date that cannot be read is a warning
 * on its row and the field is left empty (a hire date is not worth refusing a file for).
 */
export function readHrisRows(
  rows: readonly CsvRow[],
  columns: HrisColumns,
  headers: readonly string[],
  issues: IssueSink,
  context: HrisReadContext,
): HrisRecord[] {
  const records: HrisRecord[] = [];
  for (const row of rows) {
    const get = (field: HrisField) => cellOf(row, columns, field);
    const column = (field: HrisField) => headers[columns[field] ?? -1];
    const read: Reader = (field, parse) => {
      const raw = get(field);
      if (raw === '') return undefined;
      const parsed = parse(raw);
      if (parsed.ok) return parsed.value;
      issues.error({ row: row.row, column: column(field), message: parsed.message });
      return undefined;
    };
    const readDate = (field: 'startDate' | 'managerSince' | 'terminationDate') => {
      const raw = get(field);
      if (raw === '') return undefined;
      const parsed = parseDate(raw, context.dateFormat);
      if (parsed.ok) return parsed.value;
      issues.warn({ row: row.row, column: column(field), message: `${parsed.message}; left empty` });
      return undefined;
    };
    const id = get('id');
    if (id === '') issues.error({ row: row.row, column: column('id'), message: 'missing employee id' });
    const record = readRecord(row.row, id, get, read, readDate, context);
    const ended = readDate('terminationDate');
    if (isTerminatedWord(get('status')) || isTerminatedWord(get('employeeType'))) record.terminated = true;
    else {
      const status = readStatus(get('status'), get('recordType'));
      if (typeof status === 'string') record.person.status = status;
      else issues.error({ row: row.row, column: column(status.field), message: status.message });
    }
    if (ended !== undefined && ended <= context.asOf) record.terminated = true;
    else if (ended !== undefined && record.person.status === 'active') record.person.status = 'leaving';
    if (id !== '') records.push(record);
  }
  return records;
}

function readRecord(
  row: number,
  id: string,
  get: (f: HrisField) => string,
  read: Reader,
  readDate: (f: 'startDate' | 'managerSince') => string | undefined,
  context: HrisReadContext,
): HrisRecord {
  const person: HrisRecord['person'] = { id };
  const text = (field: 'email' | 'title' | 'level' | 'location') => {
    const v = get(field);
    if (v !== '') person[field] = v;
  };
  (['email', 'title', 'level', 'location'] as const).forEach(text);
  const name = readName(get);
  if (name !== '') person.name = name;
  const fte = read('fte', nonNegative('FTE'));
  if (fte !== undefined) person.fte = fte.value;
  const cost = read('cost', nonNegative('annual cost'));
  if (cost !== undefined) person.cost = cost.value;
  const startDate = readDate('startDate');
  if (startDate !== undefined) person.startDate = startDate;
  const managerSince = readDate('managerSince');
  if (managerSince !== undefined) person.managerSince = managerSince;
  const assistant = read('isAssistant', parseBoolean);
  if (assistant !== undefined) person.isAssistant = assistant;
  const currency = read('currency', parseCurrency) ?? cost?.currency;
  const managerCell = context.managerInParentheses ? inParentheses(get('manager')) : get('manager');
  const managerRef = managerCell || get('managerEmail');
  const dottedRefs = get('dottedManagerIds')
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  return {
    row,
    person,
    dottedRefs,
    ...(managerRef ? { managerRef } : {}),
    ...(get('team') ? { team: get('team') } : {}),
    ...(get('department') ? { department: get('department') } : {}),
    ...(currency ? { currency } : {}),
  };
}

/**
 * The person's name: the name column, else first and last name. Org-chart CSVs (d3-org-chart's
 * `name,lastName`) put the first name in `name`: with a last-name column and no first-name
 * column, the two are joined (unless the name already ends with the last name).
 */
function readName(get: (f: HrisField) => string): string {
  const [name, first, last] = [get('name'), get('firstName'), get('lastName')];
  if (name === '') return [first, last].filter((s) => s !== '').join(' ');
  if (first === '' && last !== '' && !name.toLowerCase().endsWith(last.toLowerCase()))
    return `${name} ${last}`;
  return name;
}

/** The manager named in a Workday supervisory organization: "Sales (Ana Lima)" → "Ana Lima"; else the cell. */
function inParentheses(cell: string): string {
  return /\(([^()]+)\)\s*$/.exec(cell)?.[1]?.trim() ?? cell;
}

function nonNegative(what: string) {
  return (raw: string): CellResult<{ value: number; currency?: string }> => {
    const parsed = parseAmount(raw);
    if (parsed.ok && parsed.value.value < 0) {
      return { ok: false, message: `${what} must not be negative (got "${raw}")` };
    }
    return parsed;
  };
}

function parseCurrency(raw: string): CellResult<string> {
  const code = raw.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code)
    ? { ok: true, value: code }
    : { ok: false, message: `"${raw}" is not an ISO 4217 currency code such as GBP` };
}

/**
 * The status of a row: a record type of `vacancy` (or open/req) makes it `open`; otherwise the
 * status column's word, `active` when blank. Returns the field at fault when a word is unknown.
 */
function readStatus(
  statusRaw: string,
  recordTypeRaw: string,
): PersonStatus | { field: HrisField; message: string } {
  if (recordTypeRaw !== '') {
    const kind = recordTypeRaw.toLowerCase().replace(/[^a-z]/g, '');
    if (parseStatusWord(kind) === 'open') return 'open';
    if (!['person', 'employee', 'worker', 'staff'].includes(kind)) {
      return {
        field: 'recordType',
        message: `unknown record type "${recordTypeRaw}": expected person, employee or vacancy`,
      };
    }
  }
  if (statusRaw === '') return 'active';
  return (
    parseStatusWord(statusRaw) ?? {
      field: 'status',
      message: `unknown status "${statusRaw}": expected one of ${STATUS_WORD_LIST}`,
    }
  );
}
