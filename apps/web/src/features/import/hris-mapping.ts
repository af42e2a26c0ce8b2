import { HRIS_FIELDS, type HrisField, type HrisMapping, matchHrisColumns } from '@reorg/model';

/** Each HRIS field in words, with what the importer reads from it (shown beside its column). */
export const FIELD_TEXT: Record<HrisField, { label: string; hint: string }> = {
  id: { label: 'Employee id', hint: 'Required: one per person' },
  name: { label: 'Name', hint: 'Full name' },
  firstName: { label: 'First name', hint: 'Used with last name when there is no name' },
  lastName: { label: 'Last name', hint: 'Used with first name' },
  email: { label: 'Email', hint: 'Also resolves managers given by email' },
  title: { label: 'Job title', hint: '' },
  manager: { label: 'Manager', hint: "The manager's id, email or unique name" },
  managerEmail: { label: 'Manager email', hint: 'Read when the manager cell is blank' },
  level: { label: 'Level', hint: 'A level of the career ladder (e.g. L4, M5)' },
  team: { label: 'Team', hint: 'Makes teams' },
  department: { label: 'Department', hint: 'Makes groups; a | list is group … team' },
  location: { label: 'Location', hint: '' },
  startDate: { label: 'Start date', hint: 'ISO, DD-MM-YYYY or MM-DD-YYYY, or an Excel date' },
  managerSince: { label: 'Manager since', hint: 'A date: under 12 months is a new manager' },
  terminationDate: { label: 'Termination date', hint: 'On or before the as-of date: left out' },
  employeeType: { label: 'Employee type', hint: 'Read, not used' },
  cost: { label: 'Annual cost', hint: 'Loaded cost or salary per year' },
  currency: { label: 'Currency', hint: 'ISO 4217, one per file' },
  status: { label: 'Status', hint: 'active, open, planned or leaving; terminated is left out' },
  fte: { label: 'FTE', hint: 'Default 1' },
  isAssistant: { label: 'Assistant', hint: 'yes/no: assistants are left out of span' },
  dottedManagerIds: { label: 'Dotted-line managers', hint: '; separated ids' },
  recordType: { label: 'Record type', hint: 'person, or a vacancy/open req' },
};

/** The fields shown first (the ones a reporting structure needs); the rest are "more fields". */
export const KEY_FIELDS: readonly HrisField[] = [
  'id',
  'name',
  'title',
  'manager',
  'level',
  'team',
  'department',
  'status',
];

/**
 * The user's choice of `header` (`''`: not mapped) for `field`, added to their earlier choices.
 * A header is read by one field only: another field the user had put on the same header loses it
 * (becomes not mapped). Returns new overrides; the input is not changed.
 */
export function chooseColumn(overrides: HrisMapping, field: HrisField, header: string): HrisMapping {
  const next: HrisMapping = { ...overrides, [field]: header };
  if (header === '') return next;
  for (const other of HRIS_FIELDS) {
    if (other !== field && next[other] === header) next[other] = '';
  }
  return next;
}

/**
 * The mapping the importer will use for these headers and overrides (field → header), the
 * headers no field reads, and how many fields the user changed from the automatic match.
 */
export function effectiveMapping(
  headers: readonly string[],
  overrides: HrisMapping,
): { mapping: HrisMapping; unmatched: string[]; changed: HrisField[] } {
  const auto = matchHrisColumns(headers).mapping;
  const { mapping, unmatched } = matchHrisColumns(headers, overrides);
  const changed = HRIS_FIELDS.filter((f) => (auto[f] ?? '') !== (mapping[f] ?? ''));
  return { mapping, unmatched, changed };
}

/**
 * The overrides worth sending: only fields whose header differs from the automatic match
 * (an unchanged choice is left out, so the request says just what the user changed).
 */
export function overridesToSend(headers: readonly string[], overrides: HrisMapping): HrisMapping {
  const { mapping, changed } = effectiveMapping(headers, overrides);
  const out: HrisMapping = {};
  for (const field of changed) out[field] = mapping[field] ?? '';
  return out;
}

/** The first `count` non-empty values of a column in preview rows (for a sample beside a field). */
export function sampleValues(
  headers: readonly string[],
  rows: readonly { cells: readonly string[] }[],
  header: string | undefined,
  count = 3,
): string[] {
  if (header === undefined) return [];
  const i = headers.indexOf(header);
  if (i < 0) return [];
  const out: string[] = [];
  for (const row of rows) {
    const v = (row.cells[i] ?? '').trim();
    if (v !== '') out.push(v);
    if (out.length >= count) break;
  }
  return out;
}
