import { IsoDateSchema } from '../schema/common';
import type { Ladder } from '../schema/ladder';
import { loadOrg, type Org, OrgSchema } from '../schema/org';
import type { PolicyInput } from '../schema/policy';
import { applyTeamsFile } from './apply-teams-file';
import { type BackstageCatalog, importBackstageCatalog, joinCatalogUsers } from './backstage';
import type { DateFormat } from './dates';
import { detectFileKind, type FileKind, type InputFile } from './detect';
import type { HrisMapping } from './hris-columns';
import { importHrisCsv } from './hris-csv';
import { importHrisJson } from './hris-json';
import { importLadderCsv } from './ladder-csv';
import { toOrgIssues } from './org-issues';
import { type ImportIssue, type ImportResult, IssueCollector } from './result';
import { importTeamsFiles, type TeamsDirection } from './teams-file';
import { importUkOrganogram } from './uk-organogram';

/** Options of {@link importAny}; each applies to the formats that use it. */
export interface ImportAnyOptions {
  /** The date the data describes (`YYYY-MM-DD`): required for CSV; overrides an org JSON's own. */
  asOf?: string;
  /** Org id and name for CSV imports (see each importer's default). */
  orgId?: string;
  name?: string;
  /** HRIS CSV only: the currency of costs. */
  currency?: string;
  /** HRIS CSV only: field → header overrides. */
  mapping?: HrisMapping;
  /** Replaces the ladder (of an org JSON too); a ladder CSV among the files wins over it. */
  ladder?: Ladder;
  /** Replaces the policy (of an org JSON too). */
  policy?: PolicyInput;
  /** HRIS files and teams files: how numeric dates are written (default: decided per file). */
  dateFormat?: DateFormat;
  /** Teams files: which way a team's own listed x-as-a-service interactions go (see `importTeamsFile`). */
  teamsDirection?: TeamsDirection;
}

type Kinded = InputFile & { kind: FileKind };
type Sink = { errors: ImportIssue[]; warnings: ImportIssue[] };

/** Unwraps a sub-import's result into the sink; returns its value when it succeeded. */
function take<T>(result: ImportResult<T>, sink: Sink): T | undefined {
  if (!result.ok) {
    sink.errors.push(...result.errors);
    return undefined;
  }
  sink.warnings.push(...result.warnings);
  return result.value;
}

/**
 * Imports a set of files as one org, choosing each file's importer from its content
 * (`detectFileKind`): at most one org source (an org JSON, an HRIS CSV or JSON list of HR
 * records, or a UK organogram senior CSV with at most one junior CSV, in either order), at most
 * one Backstage catalog, optionally one ladder CSV (the org's ladder) and any teams files
 * (read together with `importTeamsFiles`, so that they name each other's teams, then applied
 * with `applyTeamsFile`).
 *
 * A Backstage catalog beside an HRIS file gives the teams, and each HR person the team of the
 * catalog user matched by e-mail or `metadata.name` (`joinCatalogUsers`; users matching no one are
 * counted in one warning). A catalog alone, or teams files alone, make an org without reporting
 * lines (`importNotes.teamsOnly`): the analysis skips the people rules and says so.
 *
 * Errors: an unrecognised file (with the reason), no org source, catalog or teams file, more than
 * one org source, a junior file without its senior file, a CSV without `asOf`, and every error of
 * the importers used.
 */
export function importAny(files: readonly InputFile[], options: ImportAnyOptions = {}): ImportResult<Org> {
  const issues = new IssueCollector();
  const kinded: Kinded[] = [];
  for (const file of files) {
    const d = detectFileKind(file);
    if (d.kind === 'unknown') issues.error({ file: file.name, message: withoutName(d.reason, file.name) });
    else kinded.push({ ...file, kind: d.kind });
  }
  if (files.length === 0) issues.error({ message: 'no input files' });
  if (issues.failed) return issues.fail();
  const of = (...kinds: FileKind[]) => kinded.filter((f) => kinds.includes(f.kind));
  const sources = of('org-json', 'hris-csv', 'hris-json', 'uk-senior');
  const juniors = of('uk-junior');
  const ladders = of('ladder-csv');
  const catalogs = of('backstage');
  const teamsFiles = of('teams');
  if (sources.length > 1) {
    issues.error({ message: `one org file at a time, got ${sources.map((f) => f.name).join(', ')}` });
  } else if (sources.length === 0 && catalogs.length === 0 && teamsFiles.length === 0) {
    issues.error({
      message:
        'no org file: give an org JSON, an HRIS export (CSV or JSON), a UK organogram senior CSV, a Backstage catalog or Team API files',
    });
  }
  if (catalogs.length > 1) issues.error({ message: 'one Backstage catalog file at a time' });
  if (juniors.length > 1 || (juniors.length === 1 && sources[0]?.kind !== 'uk-senior')) {
    issues.error({ message: 'a UK organogram junior file goes with exactly one senior file' });
  }
  if (ladders.length > 1) issues.error({ message: 'one ladder file at a time' });
  if (sources[0]?.kind !== 'org-json' && !IsoDateSchema.safeParse(options.asOf).success) {
    issues.error({
      message:
        'asOf (YYYY-MM-DD, the date the data describes) is required to import a CSV, HR records, a catalog or teams',
    });
  }
  if (issues.failed) return issues.fail();

  const sink: Sink = { errors: [], warnings: [] };
  const ladder = ladders[0]
    ? take(importLadderCsv(ladders[0].text, { fileName: ladders[0].name }), sink)
    : undefined;
  const opts = { ...options, ladder: ladder ?? options.ladder };
  const catalog = catalogs[0]
    ? take(importBackstageCatalog(catalogs[0].text, catalogs[0].name), sink)
    : undefined;
  let org = sources[0]
    ? take(importSource(sources[0], juniors[0], opts), sink)
    : catalogs[0] && !catalog
      ? undefined
      : emptyOrg(
          opts,
          catalog
            ? 'the Backstage catalog has no reporting lines'
            : 'only teams files were given, with no people',
        );
  if (org && catalog)
    org = sources[0] ? joinCatalog(org, catalog, catalogs[0].name, sink) : withCatalog(org, catalog);
  if (teamsFiles.length > 0) {
    const teams = take(
      importTeamsFiles(teamsFiles, {
        ...(options.teamsDirection ? { direction: options.teamsDirection } : {}),
        ...(options.dateFormat ? { dateFormat: options.dateFormat } : {}),
      }),
      sink,
    );
    if (org && teams) org = applyTeamsFile(org, teams);
  }
  for (const e of sink.errors) issues.error(e);
  for (const w of sink.warnings) issues.warn(w);
  return org ? issues.finish(org) : issues.fail();
}

/** A detection reason without the file name it starts with (the issue names the file once). */
function withoutName(reason: string, name: string): string {
  if (reason.startsWith(`${name}: `)) return reason.slice(name.length + 2);
  if (reason.startsWith(`${name} `)) return `the file ${reason.slice(name.length + 1)}`;
  return reason;
}

/** An org with no people (yet), marked teams-only with `reason`. */
function emptyOrg(options: ImportAnyOptions, reason: string): Org {
  return OrgSchema.parse({
    schemaVersion: 1,
    id: options.orgId ?? 'org',
    name: options.name ?? 'Imported teams',
    asOf: options.asOf,
    ...(options.currency ? { currency: options.currency } : {}),
    ...(options.ladder ? { ladder: options.ladder } : {}),
    policy: options.policy ?? {},
    importNotes: { teamsOnly: reason },
  });
}

/** The catalog's teams and people on an org of none (no reporting lines: every person at the top). */
function withCatalog(org: Org, catalog: BackstageCatalog): Org {
  return OrgSchema.parse({ ...org, teams: catalog.teams, people: catalog.people });
}

/**
 * The catalog's teams added to the org (a catalog team replaces the org's team of the same id),
 * and each person matched to a catalog user in that user's team.
 */
function joinCatalog(org: Org, catalog: BackstageCatalog, file: string, sink: Sink): Org {
  const { teamIds, unmatched } = joinCatalogUsers(org.people, catalog);
  const matched = teamIds.filter((t) => t !== undefined).length;
  if (unmatched.length > 0) {
    const shown = unmatched.slice(0, 5).join(', ');
    sink.warnings.push({
      file,
      message: `${unmatched.length} catalog ${unmatched.length === 1 ? 'user matches' : 'users match'} no one in the HR file by e-mail or name (${shown}${unmatched.length > 5 ? ', …' : ''}): left out; ${matched} of ${org.people.length} people took their team from the catalog`,
    });
  }
  const catalogIds = new Set(catalog.teams.map((t) => t.id));
  const people = org.people.map((p, i) => {
    const t = teamIds[i];
    return t === undefined ? p : { ...p, teamId: t };
  });
  const teams = [...org.teams.filter((t) => !catalogIds.has(t.id)), ...catalog.teams];
  return OrgSchema.parse({ ...org, people, teams });
}

function importSource(
  source: Kinded,
  junior: Kinded | undefined,
  options: ImportAnyOptions,
): ImportResult<Org> {
  const asOf = options.asOf ?? '';
  if (source.kind === 'hris-csv')
    return importHrisCsv(source.text, { ...options, asOf, fileName: source.name });
  if (source.kind === 'hris-json')
    return importHrisJson(source.text, { ...options, asOf, fileName: source.name });
  if (source.kind === 'uk-senior') {
    return importUkOrganogram(source.text, junior?.text, {
      ...options,
      asOf,
      seniorFileName: source.name,
      juniorFileName: junior?.name,
    });
  }
  return importOrgJson(source, options);
}

/** An org JSON document, migrated and validated, with `asOf`, ladder and policy overridden if given. */
function importOrgJson(file: InputFile, options: ImportAnyOptions): ImportResult<Org> {
  const issues = new IssueCollector(file.name);
  let doc: unknown;
  try {
    doc = JSON.parse(file.text.replace(/^\uFEFF/, ''));
  } catch (e) {
    issues.error({ message: `not valid JSON: ${(e as Error).message}` });
    return issues.fail();
  }
  const loaded = loadOrg(doc);
  if (!loaded.ok) {
    for (const i of loaded.issues) issues.error({ message: `${i.path}: ${i.message}` });
    return issues.fail();
  }
  if (options.asOf === undefined && options.ladder === undefined && options.policy === undefined) {
    return issues.finish(loaded.org);
  }
  const parsed = OrgSchema.safeParse({
    ...loaded.org,
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    ...(options.ladder ? { ladder: options.ladder } : {}),
    ...(options.policy ? { policy: options.policy } : {}),
  });
  if (!parsed.success) {
    for (const i of toOrgIssues(parsed.error, [])) issues.error(i);
    return issues.fail();
  }
  return issues.finish(parsed.data);
}
