import { IsoDateSchema } from '../schema/common';
import type { Ladder } from '../schema/ladder';
import { loadOrg, type Org, OrgSchema } from '../schema/org';
import type { PolicyInput } from '../schema/policy';
import { applyTeamsFile } from './apply-teams-file';
import { detectFileKind, type FileKind, type InputFile } from './detect';
import type { HrisMapping } from './hris-columns';
import { importHrisCsv } from './hris-csv';
import { importLadderCsv } from './ladder-csv';
import { toOrgIssues } from './org-issues';
import { type ImportIssue, type ImportResult, IssueCollector } from './result';
import { importTeamsFile } from './teams-file';
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
 * (`detectFileKind`): exactly one org source (an org JSON, an HRIS CSV, or a UK organogram senior
 * CSV with at most one junior CSV, in either order), plus optionally one ladder CSV (the org's
 * ladder) and any teams files (applied in order with `applyTeamsFile`).
 *
 * Errors: an unrecognised file (with the reason), no org source or more than one, a junior file
 * without its senior file, a CSV without `asOf`, and every error of the importers used.
 */
export function importAny(files: readonly InputFile[], options: ImportAnyOptions = {}): ImportResult<Org> {
  const issues = new IssueCollector();
  const kinded: Kinded[] = [];
  for (const file of files) {
    const d = detectFileKind(file);
    if (d.kind === 'unknown') issues.error({ file: file.name, message: d.reason });
    else kinded.push({ ...file, kind: d.kind });
  }
  if (files.length === 0) issues.error({ message: 'no input files' });
  if (issues.failed) return issues.fail();
  const of = (...kinds: FileKind[]) => kinded.filter((f) => kinds.includes(f.kind));
  const sources = of('org-json', 'hris-csv', 'uk-senior');
  const juniors = of('uk-junior');
  const ladders = of('ladder-csv');
  if (sources.length !== 1) {
    issues.error({
      message:
        sources.length === 0
          ? 'no org file: give an org JSON, an HRIS CSV or a UK organogram senior CSV'
          : `one org file at a time, got ${sources.map((f) => f.name).join(', ')}`,
    });
  }
  if (juniors.length > 1 || (juniors.length === 1 && sources[0]?.kind !== 'uk-senior')) {
    issues.error({ message: 'a UK organogram junior file goes with exactly one senior file' });
  }
  if (ladders.length > 1) issues.error({ message: 'one ladder file at a time' });
  if (sources[0]?.kind !== 'org-json' && !IsoDateSchema.safeParse(options.asOf).success) {
    issues.error({ message: 'asOf (YYYY-MM-DD, the date the data describes) is required to import a CSV' });
  }
  if (issues.failed) return issues.fail();

  const sink: Sink = { errors: [], warnings: [] };
  const ladder = ladders[0]
    ? take(importLadderCsv(ladders[0].text, { fileName: ladders[0].name }), sink)
    : undefined;
  const opts = { ...options, ladder: ladder ?? options.ladder };
  let org = take(importSource(sources[0], juniors[0], opts), sink);
  for (const f of of('teams')) {
    const teams = take(importTeamsFile(f.text, f.name), sink);
    if (org && teams) org = applyTeamsFile(org, teams);
  }
  for (const e of sink.errors) issues.error(e);
  for (const w of sink.warnings) issues.warn(w);
  return org ? issues.finish(org) : issues.fail();
}

function importSource(
  source: Kinded,
  junior: Kinded | undefined,
  options: ImportAnyOptions,
): ImportResult<Org> {
  const asOf = options.asOf ?? '';
  if (source.kind === 'hris-csv')
    return importHrisCsv(source.text, { ...options, asOf, fileName: source.name });
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
