import { IsoDateSchema } from '../schema/common';
import type { Ladder } from '../schema/ladder';
import { type Org, OrgSchema } from '../schema/org';
import type { PersonInput } from '../schema/person';
import type { PolicyInput } from '../schema/policy';
import { type CsvTable, normalizeHeader, parseCsv } from './csv';
import { type DateFormat, decideDateOrder, hasAmbiguousDates } from './dates';
import { findHeader, HRIS_FIELDS, type HrisMapping, matchHrisColumns } from './hris-columns';
import { type HrisColumns, type HrisRecord, readHrisRows } from './hris-rows';
import { findLikelyManagerColumn } from './likely-manager';
import { toOrgIssues } from './org-issues';
import { createManagerResolver } from './resolve-managers';
import { type ImportResult, IssueCollector } from './result';
import { TeamBuilder } from './team-builder';

/** Options of {@link importHrisCsv}. */
export interface HrisImportOptions {
  /** The org's id; default `org`. */
  orgId?: string;
  /** The org's name; default the file name, else `Imported org`. */
  name?: string;
  /** The date the data describes, `YYYY-MM-DD` (required: the model has no clock). */
  asOf: string;
  /**
   * ISO 4217 code of every cost. Default: the one currency of the file's currency column, else
   * the currency the cost cells' symbols name (£ GBP, € EUR, $ USD), else USD.
   */
  currency?: string;
  /** The career ladder; default the org schema's default ladder. */
  ladder?: Ladder;
  /** Policy numbers; missing ones take the DOMAIN.md defaults. */
  policy?: PolicyInput;
  /** The file's name, for messages. */
  fileName?: string;
  /** Field → header, overriding auto-matching (`''` leaves a field unmatched). */
  mapping?: HrisMapping;
  /**
   * How numeric dates such as `09-10-2023` are written. Default: decided from the file's values (a
   * part above 12 decides), else `MM-DD-YYYY` with one warning saying so.
   */
  dateFormat?: DateFormat;
}

/**
 * Imports a generic HRIS CSV export (one row per person) as an org.
 *
 * Columns are matched by header (see `matchHrisColumns`); cells are trimmed. A manager cell is
 * resolved by id, then email (case-insensitive), then a name exactly one row has; a value that
 * resolves to no one stays as written in `managerId` (the analysis reports it as
 * `graph.dangling_manager`), and an ambiguous one does too, with a warning. Dotted-line managers
 * (`;`-separated) resolve the same way. Duplicate ids are kept for the analysis to report.
 *
 * Teams: a team column makes teams (kind `team`, id = slug of the name); a department column
 * makes groups (kind `group`) that are the teams' parents, or the person's own `teamId` when the
 * row has no team. A department cell written as a `|` list (GitLab's `departments`,
 * "Engineering Function|Development Department|Geo BE Team") gives the group from the first
 * segment and, when there is no team column, the team from the last; a one-segment list is a team.
 *
 * Dates are read as people write them (see `parseDate`), the day/month order decided once per
 * file; a date that cannot be read is a warning on its row and the field is left empty. People
 * who have left (a status such as "Terminated", or a termination date on or before `asOf`) are
 * left out and counted in `importNotes.terminatedIds` (one `graph.terminated_left_out` finding).
 *
 * Errors (each with its row and column; nothing is imported if there is one): a missing id, a bad
 * number (FTE, cost), an unknown status or record type, a currency other than the
 * org's, a mapping naming a header the file lacks, no id column, a bad `asOf` or `currency`.
 */
export function importHrisCsv(text: string, options: HrisImportOptions): ImportResult<Org> {
  const issues = new IssueCollector(options.fileName);
  const table = parseCsv(text, issues);
  if (!table) return issues.fail();
  return importHrisTable(table, options, issues);
}

/**
 * Imports rows already split into cells (a CSV, or JSON records flattened by `readJsonRecords`)
 * as {@link importHrisCsv} does. `issues` collects into the caller's result.
 */
export function importHrisTable(
  table: CsvTable,
  options: HrisImportOptions,
  issues: IssueCollector,
): ImportResult<Org> {
  if (!IsoDateSchema.safeParse(options.asOf).success) {
    issues.error({ message: `asOf "${options.asOf}" is not a date as YYYY-MM-DD` });
  }
  if (options.currency !== undefined && !/^[A-Z]{3}$/.test(options.currency)) {
    issues.error({ message: `currency "${options.currency}" is not an ISO 4217 code such as GBP` });
  }
  const columns = matchColumns(table.headers, options.mapping ?? {}, issues);
  if (!columns) return issues.fail();
  const dateValues = (['startDate', 'managerSince', 'terminationDate'] as const).flatMap((f) =>
    columns[f] === undefined ? [] : table.rows.map((r) => r.cells[columns[f] ?? 0] ?? ''),
  );
  const order = decideDateOrder(dateValues, options.dateFormat);
  if (order.decidedBy === 'assumed' && hasAmbiguousDates(dateValues)) {
    issues.warn({
      message: `dates such as "${dateValues.find((v) => hasAmbiguousDates([v]))}" could be day or month first, and no date in the file decides: read as MM-DD-YYYY (month first); give the date format DD-MM-YYYY if the file is day first`,
    });
  }
  const managerHeader = table.headers[columns.manager ?? -1];
  const all = readHrisRows(table.rows, columns, table.headers, issues, {
    dateFormat: order.format,
    asOf: options.asOf,
    managerInParentheses:
      managerHeader !== undefined && normalizeHeader(managerHeader) === 'supervisoryorganization',
  });
  const records = all.filter((r) => !r.terminated);
  const terminatedIds = all.filter((r) => r.terminated).map((r) => r.person.id);
  if (columns.manager === undefined && columns.managerEmail === undefined) {
    const likely = findLikelyManagerColumn(table, columns, records);
    issues.warn({
      message: likely
        ? `no manager column matched: column "${likely.header}" looks like one (${likely.matches} of ${likely.filled} values name another row's ${likely.via}) but was not used; map it as the manager to read reporting lines. Until then everyone is at the top`
        : 'no manager column (such as "Manager ID" or "Reports To"): everyone is at the top',
    });
  }
  const currency = orgCurrency(records, options.currency, issues, table.headers[columns.currency ?? -1]);
  if (issues.failed) return issues.fail();

  const people = buildPeople(records, issues);
  const teamList = attachTeams(records, people, columns.team !== undefined, issues);
  const parsed = OrgSchema.safeParse({
    schemaVersion: 1,
    id: options.orgId ?? 'org',
    name: options.name ?? options.fileName ?? 'Imported org',
    asOf: options.asOf,
    currency,
    people,
    teams: teamList,
    interactions: [],
    ...(options.ladder ? { ladder: options.ladder } : {}),
    policy: options.policy ?? {},
    ...(terminatedIds.length > 0 ? { importNotes: { terminatedIds } } : {}),
  });
  if (!parsed.success) {
    for (const issue of toOrgIssues(
      parsed.error,
      records.map((r) => r.row),
    ))
      issues.error(issue);
    return issues.fail();
  }
  return issues.finish(parsed.data);
}

/** Field → column index, or `undefined` after recording why the file cannot be read. */
function matchColumns(
  headers: string[],
  mapping: HrisMapping,
  issues: IssueCollector,
): HrisColumns | undefined {
  for (const field of HRIS_FIELDS) {
    const header = mapping[field];
    if (header && findHeader(headers, header) < 0) {
      issues.error({
        message: `the mapping names column "${header}" for ${field}, but the file has no such column`,
      });
    }
  }
  const { mapping: matched } = matchHrisColumns(headers, mapping);
  const columns: HrisColumns = {};
  for (const field of HRIS_FIELDS) {
    const header = matched[field];
    if (header !== undefined) columns[field] = headers.indexOf(header);
  }
  if (columns.id === undefined) {
    issues.error({
      message: `no employee id column: expected a header such as "Employee ID", "Person ID", "employeeNumber", "ID" or "slug" (found: ${headers.filter((h) => h).join(', ')})`,
    });
  }
  if (issues.failed) return undefined;
  return columns;
}

/** The org's currency; every row stating another one is an error (costs are not converted). */
function orgCurrency(
  records: readonly HrisRecord[],
  given: string | undefined,
  issues: IssueCollector,
  column: string | undefined,
): string {
  const stated = [...new Set(records.map((r) => r.currency).filter((c): c is string => c !== undefined))];
  const currency = given ?? (stated.length === 1 ? stated[0] : stated.length === 0 ? 'USD' : undefined);
  if (currency === undefined) {
    issues.error({
      ...(column ? { column } : {}),
      message: `costs are in several currencies (${stated.join(', ')}): convert them to one, or pass the org's currency`,
    });
    return 'USD';
  }
  for (const r of records) {
    if (r.currency !== undefined && r.currency !== currency && r.person.cost !== undefined) {
      issues.error({
        row: r.row,
        ...(column ? { column } : {}),
        message: `cost is in ${r.currency} but the org's currency is ${currency}: costs are not converted`,
      });
    }
  }
  return currency;
}

/** People with their manager and dotted-line references resolved; ambiguous names warned about. */
function buildPeople(records: readonly HrisRecord[], issues: IssueCollector): PersonInput[] {
  const resolve = createManagerResolver(records.map((r) => r.person));
  const resolveRef = (ref: string, row: number): string => {
    const found = resolve(ref);
    if (found.kind === 'ambiguous') {
      issues.warn({
        row,
        message: `manager "${ref}" matches ${found.ids.length} people by ${found.via} (${found.ids.join(', ')}); left unresolved`,
      });
    }
    return 'id' in found ? found.id : ref;
  };
  return records.map((r) => ({
    ...r.person,
    managerId: r.managerRef === undefined ? null : resolveRef(r.managerRef, r.row),
    dottedManagerIds: r.dottedRefs.map((ref) => resolveRef(ref, r.row)),
  }));
}

type TeamKey = { kind: 'team' | 'group'; key: string } | undefined;

/** Builds the teams and groups the rows name and sets each person's `teamId` (same order as `records`). */
function attachTeams(
  records: readonly HrisRecord[],
  people: PersonInput[],
  hasTeamColumn: boolean,
  issues: IssueCollector,
) {
  const teams = new TeamBuilder();
  const departmentIsList = records.some((r) => r.department?.includes('|'));
  const keys = records.map((r) => assignTeam(r, teams, hasTeamColumn, departmentIsList));
  const list = teams.build(issues);
  people.forEach((p, i) => {
    const key = keys[i];
    if (key) p.teamId = key.kind === 'team' ? teams.teamId(key.key) : teams.groupId(key.key);
  });
  return list;
}

/**
 * Notes the row's team and group; returns which one the person belongs to. `departmentIsList`
 * is true when some department cell of the file is a `|` list (then each cell is read as one).
 */
function assignTeam(
  r: HrisRecord,
  teams: TeamBuilder,
  hasTeamColumn: boolean,
  departmentIsList: boolean,
): TeamKey {
  const segments = (r.department ?? '')
    .split('|')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  let team: string | undefined;
  let group: string | undefined;
  if (hasTeamColumn) [team, group] = [r.team, segments[0]];
  else if (departmentIsList) [team, group] = [segments.at(-1), segments.length > 1 ? segments[0] : undefined];
  else group = segments[0];
  if (team) return { kind: 'team', key: teams.addTeam(team, group, r.row) };
  if (group) return { kind: 'group', key: teams.addGroup(group) };
  return undefined;
}
