import { basename, extname } from 'node:path';
import {
  createOrg,
  detectFileKind,
  type ImportIssue,
  importAny,
  importLadderCsv,
  LadderSchema,
  normalizeManagerIds,
  type Org,
  PolicySchema,
  toLoadIssues,
} from '@reorg/model';
import type { CliIo } from './io';

/** An org loaded from files, with warnings as lines, or every error as a line naming file, row and column. */
export type LoadedOrg = { ok: true; org: Org; warnings: string[] } | { ok: false; errors: string[] };

/** Formats an import issue as `file, row 12, column "Manager": message`. */
export function formatIssue(issue: ImportIssue): string {
  const where = [
    issue.file,
    issue.row !== undefined ? `row ${issue.row}` : undefined,
    issue.column !== undefined ? `column "${issue.column}"` : undefined,
  ].filter(Boolean);
  return where.length > 0 ? `${where.join(', ')}: ${issue.message}` : issue.message;
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'org'
  );
}

/**
 * Reads the files at `paths` and imports them as one org (org JSON, HRIS CSV, UK organogram
 * senior + junior pair, optionally with a ladder CSV or teams file), detecting each file's format
 * from its content. CSV imports are dated `asOf`, else today. A ladder file alone gives an org
 * with no people and that ladder, so the `ladder.*` checks run on it. `normalizeIds` rewrites manager
 * ids that differ from a record's id only in case or leading zeros (`normalizeManagerIds`; the
 * analysis then reports one `graph.ids_normalized` finding counting them).
 */
export async function loadOrgInput(
  paths: string[],
  options: { asOf?: string; normalizeIds?: boolean },
  io: CliIo,
): Promise<LoadedOrg> {
  const files = await Promise.all(
    paths.map(async (p) => ({ name: basename(p), text: await io.readFile(p) })),
  );
  const name = basename(paths[0], extname(paths[0]));
  const asOf = options.asOf ?? io.today();
  if (files.length === 1 && detectFileKind(files[0]).kind === 'ladder-csv') {
    const ladder = importLadderCsv(files[0].text, { fileName: files[0].name });
    if (!ladder.ok) return { ok: false, errors: ladder.errors.map(formatIssue) };
    return {
      ok: true,
      org: createOrg({ id: slug(name), name: `Ladder ${name}`, asOf, ladder: ladder.value }),
      warnings: ladder.warnings.map(formatIssue),
    };
  }
  // UK organograms name the org from their Organisation column; other files from the file name.
  const isUk = files.some((f) => detectFileKind(f).kind === 'uk-senior');
  const result = importAny(files, {
    asOf: options.asOf ?? (isJson(files) ? undefined : asOf),
    ...(isUk ? {} : { orgId: slug(name), name }),
  });
  if (!result.ok) return { ok: false, errors: result.errors.map(formatIssue) };
  const org = options.normalizeIds ? normalizeManagerIds(result.value).org : result.value;
  return { ok: true, org, warnings: result.warnings.map(formatIssue) };
}

function isJson(files: { text: string }[]): boolean {
  return files.length === 1 && files[0].text.trimStart().startsWith('{');
}

type Replaced = { ok: true; org: Org } | { ok: false; errors: string[] };

/** Replaces the org's ladder with the one in `path`: a ladder JSON or a ladder CSV (e.g. Dropbox's framework). */
export async function applyLadderFile(org: Org, path: string, io: CliIo): Promise<Replaced> {
  const text = await io.readFile(path);
  const file = basename(path);
  if (text.trimStart().startsWith('{')) {
    const parsed = parseJson(text, file);
    if (!parsed.ok) return parsed;
    const ladder = LadderSchema.safeParse(parsed.value);
    if (!ladder.success)
      return { ok: false, errors: toLoadIssues(ladder.error).map((i) => `${file}, ${i.path}: ${i.message}`) };
    return { ok: true, org: { ...org, ladder: ladder.data } };
  }
  const ladder = importLadderCsv(text, { fileName: file });
  if (!ladder.ok) return { ok: false, errors: ladder.errors.map(formatIssue) };
  return { ok: true, org: { ...org, ladder: ladder.value } };
}

/** Replaces the org's policy with the (partial) policy JSON in `path`; missing numbers take their defaults. */
export async function applyPolicyFile(org: Org, path: string, io: CliIo): Promise<Replaced> {
  const file = basename(path);
  const parsed = parseJson(await io.readFile(path), file);
  if (!parsed.ok) return parsed;
  const policy = PolicySchema.safeParse(parsed.value);
  if (!policy.success)
    return { ok: false, errors: toLoadIssues(policy.error).map((i) => `${file}, ${i.path}: ${i.message}`) };
  return { ok: true, org: { ...org, policy: policy.data } };
}

function parseJson(
  text: string,
  file: string,
): { ok: true; value: unknown } | { ok: false; errors: string[] } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, errors: [`${file}: not valid JSON (${(error as Error).message})`] };
  }
}
