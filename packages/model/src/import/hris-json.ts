import { loadOrg, type Org } from '../schema/org';
import type { CsvRow, CsvTable } from './csv';
import { matchHrisColumns } from './hris-columns';
import { type HrisImportOptions, importHrisTable } from './hris-csv';
import { type ImportIssue, type ImportResult, IssueCollector } from './result';
import { isRaw, type Raw } from './team-api';

/**
 * Keys under which tools return a list of HR records: Workday reports (`Report_Entry`), Microsoft
 * Graph (`value`), directory and HR tools (`people`, `employees`, `users`, `data`, `items`,
 * `results`, `records`, `workers`).
 */
const LIST_KEYS = [
  'Report_Entry',
  'value',
  'people',
  'employees',
  'users',
  'workers',
  'data',
  'items',
  'results',
  'records',
];

/** The fields besides the id that make a list of objects a list of people rather than of teams. */
const PERSON_FIELDS = [
  'manager',
  'managerEmail',
  'email',
  'title',
  'firstName',
  'lastName',
  'startDate',
] as const;

/**
 * The HR records of a JSON document, or `undefined` when it holds none: a bare array, or the list
 * under one of {@link LIST_KEYS}, of objects whose keys match an employee id and at least one
 * other person field (manager, email, title, first or last name, start date) by the HRIS column
 * aliases. An org JSON (a `schemaVersion` or `asOf`, or a document `loadOrg` reads) is not records. `where` names the list for messages.
 */
export function findJsonRecords(doc: unknown): { records: Raw[]; where: string } | undefined {
  const candidates: { list: unknown; where: string }[] = Array.isArray(doc)
    ? [{ list: doc, where: 'the array' }]
    : isRaw(doc) && !('schemaVersion' in doc) && !('asOf' in doc) && !loadOrg(doc).ok
      ? LIST_KEYS.filter((k) => Array.isArray(doc[k])).map((k) => ({ list: doc[k], where: `"${k}"` }))
      : [];
  for (const { list, where } of candidates) {
    const records = (list as unknown[]).filter(isRaw);
    if (records.length === 0 || records.length < (list as unknown[]).length) continue;
    const { mapping } = matchHrisColumns(headersOf(records));
    if (mapping.id !== undefined && PERSON_FIELDS.some((f) => mapping[f] !== undefined))
      return { records, where };
  }
  return undefined;
}

function headersOf(records: readonly Raw[]): string[] {
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r)) seen.add(k);
  return [...seen];
}

/** A JSON value as a cell: objects by their id (or descriptor, e-mail, name), lists joined with `;`. */
function toCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v))
    return v
      .map(toCell)
      .filter((c) => c !== '')
      .join('; ');
  if (isRaw(v)) {
    for (const k of [
      'id',
      'ID',
      'Employee_ID',
      'descriptor',
      'mail',
      'email',
      'userPrincipalName',
      'name',
      'displayName',
    ]) {
      const c = toCell(v[k]);
      if (c !== '') return c;
    }
  }
  return '';
}

/** The records as a table: one column per key (in order of first appearance), record N as row N. */
export function recordsToTable(records: readonly Raw[]): CsvTable {
  const headers = headersOf(records);
  const rows: CsvRow[] = records.map((r, i) => ({ row: i + 1, cells: headers.map((h) => toCell(r[h])) }));
  return { headers, rows };
}

/**
 * Imports a JSON list of HR records (see {@link findJsonRecords}) as {@link importHrisCsv} imports
 * a CSV: the same column aliases, mapping, dates and findings. Issues name the record (1-based,
 * `record`) and the key (`column`) instead of a spreadsheet row. Errors: not JSON, no records.
 */
export function importHrisJson(text: string, options: HrisImportOptions): ImportResult<Org> {
  const issues = new IssueCollector(options.fileName);
  let doc: unknown;
  try {
    doc = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    issues.error({ message: `not valid JSON: ${(e as Error).message}` });
    return issues.fail();
  }
  const found = findJsonRecords(doc);
  if (!found) {
    issues.error({ message: 'no list of people: expected an array of records with an employee id' });
    return issues.fail();
  }
  const result = importHrisTable(recordsToTable(found.records), options, issues);
  const toRecord = ({ row, ...rest }: ImportIssue): ImportIssue =>
    row === undefined ? rest : { ...rest, record: row };
  return result.ok
    ? { ...result, warnings: result.warnings.map(toRecord) }
    : { ok: false, errors: result.errors.map(toRecord) };
}
