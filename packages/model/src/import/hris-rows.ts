import type { PersonInput, PersonStatus } from '../schema/person';
import { type CellResult, parseAmount, parseBoolean, parseIsoDate } from './cells';
import type { CsvRow } from './csv';
import type { HrisField } from './hris-columns';
import type { IssueCollector } from './result';
import { parseStatusWord, STATUS_WORD_LIST } from './status-words';

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
}

/** Reads one cell of a row by field; `''` when the field has no column. */
function cellOf(row: CsvRow, columns: HrisColumns, field: HrisField): string {
  const i = columns[field];
  return i === undefined ? '' : (row.cells[i] ?? '');
}

type Reader = <T>(field: HrisField, parse: (raw: string) => CellResult<T>) => T | undefined;

/**
 * Reads the data rows of an HRIS CSV into records. Every bad cell (missing id, bad number, bad date,
 * unknown status, bad yes/no) becomes an error naming its row and column; rows with errors are
 * still read to the end so that every error is listed.
 */
export function readHrisRows(
  rows: readonly CsvRow[],
  columns: HrisColumns,
  headers: readonly string[],
  issues: IssueCollector,
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
    const id = get('id');
    if (id === '') issues.error({ row: row.row, column: column('id'), message: 'missing employee id' });
    const record = readRecord(row.row, id, get, read);
    const status = readStatus(get('status'), get('recordType'));
    if (typeof status === 'string') record.person.status = status;
    else issues.error({ row: row.row, column: column(status.field), message: status.message });
    if (id !== '') records.push(record);
  }
  return records;
}

function readRecord(row: number, id: string, get: (f: HrisField) => string, read: Reader): HrisRecord {
  const person: HrisRecord['person'] = { id };
  const text = (field: 'email' | 'title' | 'level' | 'location') => {
    const v = get(field);
    if (v !== '') person[field] = v;
  };
  (['email', 'title', 'level', 'location'] as const).forEach(text);
  const name = get('name') || [get('firstName'), get('lastName')].filter((s) => s !== '').join(' ');
  if (name !== '') person.name = name;
  const fte = read('fte', nonNegative('FTE'));
  if (fte !== undefined) person.fte = fte.value;
  const cost = read('cost', nonNegative('annual cost'));
  if (cost !== undefined) person.cost = cost.value;
  const startDate = read('startDate', parseIsoDate);
  if (startDate !== undefined) person.startDate = startDate;
  const managerSince = read('managerSince', parseIsoDate);
  if (managerSince !== undefined) person.managerSince = managerSince;
  const assistant = read('isAssistant', parseBoolean);
  if (assistant !== undefined) person.isAssistant = assistant;
  const currency = read('currency', parseCurrency) ?? cost?.currency;
  const managerRef = get('manager') || get('managerEmail');
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
