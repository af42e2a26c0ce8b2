import { IsoDateSchema } from '../schema/common';
import type { Ladder } from '../schema/ladder';
import { type Org, OrgSchema } from '../schema/org';
import type { PersonInput } from '../schema/person';
import type { PolicyInput } from '../schema/policy';
import { parseAmount, slugify } from './cells';
import { type CsvRow, type CsvTable, findColumn, parseCsv } from './csv';
import { toOrgIssues } from './org-issues';
import { type ImportResult, IssueCollector, type IssueSink } from './result';
import { TeamBuilder } from './team-builder';
import { normalizeUkGrade, UK_CIVIL_SERVICE_LADDER } from './uk-grades';

/** Options of {@link importUkOrganogram}. */
export interface UkOrganogramOptions {
  /** The date the organogram describes, `YYYY-MM-DD` (required: the model has no clock). */
  asOf: string;
  /** The org's id; default the slug of the senior file's first Organisation cell, else `org`. */
  orgId?: string;
  /** The org's name; default the senior file's first Organisation cell, else `UK organogram`. */
  name?: string;
  /** Default {@link UK_CIVIL_SERVICE_LADDER}. */
  ladder?: Ladder;
  policy?: PolicyInput;
  /** File names, for messages. */
  seniorFileName?: string;
  juniorFileName?: string;
}

const SENIOR_COLUMNS = {
  id: ['postuniquereference', 'postreference', 'postref'],
  name: ['name'],
  grade: ['grade', 'gradeorequivalent'],
  title: ['jobtitle'],
  unit: ['unit'],
  organisation: ['organisation', 'organization'],
  manager: ['reportstoseniorpost', 'reportingseniorpost'],
  fte: ['fte', 'numberofpostsinfte'],
  payFloor: ['actualpayfloor', 'payfloor'],
  payCeiling: ['actualpayceiling', 'payceiling'],
} as const;

const JUNIOR_COLUMNS = {
  manager: ['reportingseniorpost', 'reportstoseniorpost'],
  grade: ['grade', 'gradeorequivalent'],
  title: ['genericjobtitle', 'jobtitle'],
  unit: ['unit'],
  fte: ['numberofpostsinfte', 'fte'],
  payMin: ['payscaleminimum', 'payscalemin'],
  payMax: ['payscalemaximum', 'payscalemax'],
} as const;

type Columns<K extends string> = Record<K, number>;

function columnsOf<K extends string>(headers: string[], spec: Record<K, readonly string[]>): Columns<K> {
  const out = {} as Columns<K>;
  for (const key of Object.keys(spec) as K[]) out[key] = findColumn(headers, spec[key]);
  return out;
}

/** Cells that mean "no figure" in organograms: not disclosed, not applicable. */
const NO_FIGURE = new Set(['', 'n/d', 'nd', 'n/a', 'na', '-']);

/** Reads a UK organogram number: `undefined` for "N/D" and the like, a warning for other text. */
function amount(raw: string, where: { row: number; column: string }, issues: IssueSink) {
  if (NO_FIGURE.has(raw.toLowerCase())) return undefined;
  const parsed = parseAmount(raw);
  if (parsed.ok && parsed.value.value >= 0) return parsed.value.value;
  issues.warn({ ...where, message: `"${raw}" is not a number; ignored` });
  return undefined;
}

/**
 * Imports a UK government organogram: the senior-staff CSV and, optionally, the junior-staff CSV
 * of the same release (data.gov.uk format; headers matched leniently, extra columns such as the
 * unnamed leading index and "Valid?" ignored).
 *
 * Senior rows become people: id = Post Unique Reference; name unless "Vacant" (then status
 * `open`), "Eliminated" (status `leaving`) or "N/D"/"ND"; title = Job Title; level = the grade
 * normalised by `normalizeUkGrade`; managerId = Reports to Senior Post ("XX" or blank = none,
 * otherwise as written, case-sensitive); fte = FTE (default 1); cost = the midpoint of Actual Pay
 * Floor and Ceiling when both are above 0; teamId = the Unit, as a group (id = slug of the unit).
 *
 * Each junior row becomes one aggregate record: id `junior-<n>` (n = 1-based data row, i.e. the
 * spreadsheet row − 1), fte = Number of Posts in FTE, managerId = Reporting Senior Post (blank or
 * XX = none, with a warning), level, title = Generic Job Title, cost = the midpoint of Payscale Minimum
 * and Maximum × fte when both are above 0, teamId = the unit group.
 *
 * The org uses {@link UK_CIVIL_SERVICE_LADDER} and GBP. Dirty data never fails the import:
 * duplicate ids, dangling or case-mismatched managers and unknown grades are kept for the analysis
 * to report, and unreadable numbers are warnings (FTE then defaults to 1 for a senior post, 0 for
 * a junior row). Errors: a bad `asOf`, a file that is not CSV, a missing Post Unique Reference
 * column (or a junior file without Reporting Senior Post or FTE), a senior row without an id.
 */
export function importUkOrganogram(
  seniorText: string,
  juniorText: string | undefined,
  options: UkOrganogramOptions,
): ImportResult<Org> {
  const issues = new IssueCollector(options.seniorFileName);
  if (!IsoDateSchema.safeParse(options.asOf).success) {
    issues.error({ message: `asOf "${options.asOf}" is not a date as YYYY-MM-DD` });
  }
  const senior = parseCsv(seniorText, issues);
  const junior =
    juniorText === undefined ? undefined : parseCsv(juniorText, issues.forFile(options.juniorFileName));
  if (!senior || (juniorText !== undefined && !junior)) return issues.fail();
  const groups = new TeamBuilder();
  const seniorPeople = readSenior(senior, groups, issues);
  const juniorPeople = junior ? readJunior(junior, groups, issues.forFile(options.juniorFileName)) : [];
  if (issues.failed) return issues.fail();

  const people = [...seniorPeople.people, ...juniorPeople.map((j) => j.person)];
  const rows = [...seniorPeople.rows, ...juniorPeople.map((j) => j.row)];
  const organisation = seniorPeople.organisation;
  const parsed = OrgSchema.safeParse({
    schemaVersion: 1,
    id: options.orgId ?? (organisation ? slugify(organisation) || 'org' : 'org'),
    name: options.name ?? organisation ?? 'UK organogram',
    asOf: options.asOf,
    currency: 'GBP',
    people,
    teams: groups.build(issues),
    interactions: [],
    ladder: options.ladder ?? UK_CIVIL_SERVICE_LADDER,
    policy: options.policy ?? {},
  });
  if (!parsed.success) {
    for (const issue of toOrgIssues(parsed.error, rows)) issues.error(issue);
    return issues.fail();
  }
  return issues.finish(parsed.data);
}

/** "XX" is the organogram's "reports to no senior post"; blank means the same. */
const NO_MANAGER = new Set(['', 'xx']);
// Units are groups only (no teams), so a group's id is known as soon as it is added.
const NO_NAME = new Set(['n/d', 'nd', '']);

function readSenior(table: CsvTable, groups: TeamBuilder, issues: IssueSink) {
  const c = columnsOf(table.headers, SENIOR_COLUMNS);
  const people: PersonInput[] = [];
  const rows: number[] = [];
  if (c.id < 0) {
    issues.error({ message: 'not a UK organogram senior file: no "Post Unique Reference" column' });
    return { people, rows, organisation: undefined };
  }
  const cell = (r: CsvRow, i: number) => (i < 0 ? '' : r.cells[i]);
  for (const r of table.rows) {
    const id = cell(r, c.id);
    if (id === '') {
      issues.error({ row: r.row, column: table.headers[c.id], message: 'missing Post Unique Reference' });
      continue;
    }
    const person: PersonInput = { id, ...seniorName(cell(r, c.name)) };
    const title = cell(r, c.title);
    if (title) person.title = title;
    const grade = cell(r, c.grade);
    if (grade) person.level = normalizeUkGrade(grade);
    const manager = cell(r, c.manager);
    person.managerId = NO_MANAGER.has(manager.toLowerCase()) ? null : manager;
    const where = (i: number) => ({ row: r.row, column: table.headers[i] });
    person.fte = amount(cell(r, c.fte), where(c.fte), issues) ?? 1;
    const floor = amount(cell(r, c.payFloor), where(c.payFloor), issues) ?? 0;
    const ceiling = amount(cell(r, c.payCeiling), where(c.payCeiling), issues) ?? 0;
    if (floor > 0 && ceiling > 0) person.cost = (floor + ceiling) / 2;
    const unit = cell(r, c.unit);
    if (unit) person.teamId = groups.groupId(groups.addGroup(unit));
    people.push(person);
    rows.push(r.row);
  }
  const organisation = table.rows.map((r) => cell(r, c.organisation)).find((o) => o !== '');
  return { people, rows, organisation };
}

/** Name and status from a senior Name cell: Vacant → open, Eliminated → leaving, N/D → no name. */
function seniorName(raw: string): Pick<PersonInput, 'name' | 'status'> {
  const word = raw.toLowerCase();
  if (word === 'vacant') return { status: 'open' };
  if (word === 'eliminated') return { status: 'leaving' };
  return NO_NAME.has(word) ? {} : { name: raw };
}

function readJunior(table: CsvTable, groups: TeamBuilder, issues: IssueSink) {
  const c = columnsOf(table.headers, JUNIOR_COLUMNS);
  const out: { person: PersonInput; row: number }[] = [];
  if (c.manager < 0 || c.fte < 0) {
    issues.error({
      message:
        'not a UK organogram junior file: expected "Reporting Senior Post" and "Number of Posts in FTE" columns',
    });
    return out;
  }
  const cell = (r: CsvRow, i: number) => (i < 0 ? '' : r.cells[i]);
  const topRows: number[] = [];
  for (const r of table.rows) {
    const where = (i: number) => ({ row: r.row, column: table.headers[i] });
    const fte = amount(cell(r, c.fte), where(c.fte), issues) ?? 0;
    const person: PersonInput = { id: `junior-${r.row - 1}`, aggregate: true, fte };
    const manager = cell(r, c.manager);
    const top = NO_MANAGER.has(manager.toLowerCase());
    person.managerId = top ? null : manager;
    if (top) topRows.push(r.row);
    const grade = cell(r, c.grade);
    if (grade) person.level = normalizeUkGrade(grade);
    const title = cell(r, c.title);
    if (title) person.title = title;
    const min = amount(cell(r, c.payMin), where(c.payMin), issues) ?? 0;
    const max = amount(cell(r, c.payMax), where(c.payMax), issues) ?? 0;
    if (min > 0 && max > 0) person.cost = ((min + max) / 2) * fte;
    const unit = cell(r, c.unit);
    if (unit) person.teamId = groups.groupId(groups.addGroup(unit));
    out.push({ person, row: r.row });
  }
  if (topRows.length > 0) {
    const listed = topRows.slice(0, 20).join(', ') + (topRows.length > 20 ? ', …' : '');
    issues.warn({
      message: `${topRows.length} junior rows have no Reporting Senior Post (rows ${listed}): they import with no manager`,
    });
  }
  return out;
}
