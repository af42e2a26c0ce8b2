import { basename, extname, join } from 'node:path';
import {
  createOrg,
  type DateFormat,
  detectFileKind,
  type ImportIssue,
  importAny,
  importLadderCsv,
  LadderSchema,
  normalizeManagerIds,
  type Org,
  PolicySchema,
  type TeamsDirection,
  toLoadIssues,
} from '@reorg/model';
import type { CliIo } from './io';

/** An org loaded from files, with warnings as lines, or every error as a line naming file, row and column. */
export type LoadedOrg = { ok: true; org: Org; warnings: string[] } | { ok: false; errors: string[] };

/** Formats an import issue as `file, row 12, column "Manager": message` (`withFile: false` leaves the file out). */
export function formatIssue(issue: ImportIssue, withFile = true): string {
  const where = [
    withFile ? issue.file : undefined,
    issue.row !== undefined ? `row ${issue.row}` : undefined,
    issue.record !== undefined ? `record ${issue.record}` : undefined,
    issue.column !== undefined ? `column "${issue.column}"` : undefined,
  ].filter(Boolean);
  return where.length > 0 ? `${where.join(', ')}: ${issue.message}` : issue.message;
}

/** Most lines printed per file for its errors or warnings (project's own choice: a screenful for several files). */
export const LINES_PER_FILE = 5;

/**
 * Import issues as lines, grouped by file so that each file is named once: a file with one issue
 * is one line (`bad.yaml: YAML document 1: …`); a file with several is a `file: N errors` line
 * then at most `max` indented lines and `… and N more`. Issues naming no file come first.
 */
export function formatIssueLines(
  issues: readonly ImportIssue[],
  what: string,
  max = LINES_PER_FILE,
): string[] {
  const groups = new Map<string, ImportIssue[]>();
  for (const issue of issues) {
    const key = issue.file ?? '';
    groups.set(key, [...(groups.get(key) ?? []), issue]);
  }
  const lines: string[] = [];
  for (const [file, list] of [...groups].sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : 0))) {
    const more = /^…and (\d+) more/.exec(list.at(-1)?.message ?? '');
    const real = more ? list.slice(0, -1) : list;
    const total = real.length + (more ? Number(more[1]) : 0);
    if (file === '' || (total === 1 && real.length === 1)) {
      lines.push(...real.slice(0, file === '' ? undefined : max).map((i) => formatIssue(i)));
      continue;
    }
    lines.push(`${file}: ${total} ${what}`);
    lines.push(...real.slice(0, max).map((i) => `  ${formatIssue(i, false)}`));
    if (total > max) lines.push(`  … and ${total - Math.min(max, real.length)} more`);
  }
  return lines;
}

/** File extensions read from a folder given as an input (Team API repositories, catalog folders). */
const FOLDER_EXTENSIONS = /\.(ya?ml|json|md|markdown|csv)$/i;

/**
 * The files named by `paths`, a folder standing for its files (`.yaml`, `.yml`, `.json`, `.md`,
 * `.csv`, in name order; `README.md` and dot-files are skipped). A folder with none is an error.
 */
async function expandPaths(
  paths: string[],
  io: CliIo,
): Promise<{ ok: true; paths: string[] } | { ok: false; errors: string[] }> {
  const out: string[] = [];
  for (const p of paths) {
    const entries = io.listDir ? await io.listDir(p) : undefined;
    if (entries === undefined) {
      out.push(p);
      continue;
    }
    const files = entries
      .filter((e) => FOLDER_EXTENSIONS.test(e) && !e.startsWith('.') && !/^readme\./i.test(e))
      .sort();
    if (files.length === 0)
      return { ok: false, errors: [`${p}: the folder has no .yaml, .json, .md or .csv file`] };
    out.push(...files.map((f) => join(p, f)));
  }
  return { ok: true, paths: out };
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
 * Reads the files at `paths` (a folder stands for its files) and imports them as one org (org
 * JSON, HRIS CSV or JSON records, UK organogram senior + junior pair, Backstage catalog,
 * optionally with a ladder CSV and teams files), detecting each file's format from its content.
 * Imports other than an org JSON are dated `asOf`, else today; an org JSON keeps its own.
 * Errors come as lines grouped by file (`formatIssueLines`), at most a few per file. A ladder file alone gives an org
 * with no people and that ladder, so the `ladder.*` checks run on it. `normalizeIds` rewrites manager
 * ids that differ from a record's id only in case or leading zeros (`normalizeManagerIds`; the
 * analysis then reports one `graph.ids_normalized` finding counting them).
 */
export async function loadOrgInput(
  paths: string[],
  options: {
    asOf?: string;
    normalizeIds?: boolean;
    dateFormat?: DateFormat;
    teamsDirection?: TeamsDirection;
    /** Most lines per file for warnings (errors are always capped at {@link LINES_PER_FILE}); default all. */
    warningLines?: number;
  },
  io: CliIo,
): Promise<LoadedOrg> {
  const expanded = await expandPaths(paths, io);
  if (!expanded.ok) return expanded;
  const files = await Promise.all(
    expanded.paths.map(async (p) => ({ name: basename(p), text: await io.readFile(p) })),
  );
  const name = basename(paths[0].replace(/[/\\]+$/, ''), extname(paths[0]));
  const asOf = options.asOf ?? io.today();
  const warnings = (list: readonly ImportIssue[]) =>
    formatIssueLines(list, 'warnings', options.warningLines ?? Number.POSITIVE_INFINITY);
  const kinds = files.map((f) => detectFileKind(f).kind);
  if (files.length === 1 && kinds[0] === 'ladder-csv') {
    const ladder = importLadderCsv(files[0].text, { fileName: files[0].name });
    if (!ladder.ok) return { ok: false, errors: formatIssueLines(ladder.errors, 'errors') };
    return {
      ok: true,
      org: createOrg({ id: slug(name), name: `Ladder ${name}`, asOf, ladder: ladder.value }),
      warnings: warnings(ladder.warnings),
    };
  }
  // UK organograms name the org from their Organisation column; other files from the file name.
  // An org JSON keeps its own asOf (the analysis date) unless --as-of is given, teams files or not.
  const result = importAny(files, {
    asOf: options.asOf ?? (kinds.includes('org-json') ? undefined : asOf),
    ...(kinds.includes('uk-senior') ? {} : { orgId: slug(name), name }),
    ...(options.dateFormat ? { dateFormat: options.dateFormat } : {}),
    ...(options.teamsDirection ? { teamsDirection: options.teamsDirection } : {}),
  });
  if (!result.ok) return { ok: false, errors: formatIssueLines(result.errors, 'errors') };
  const org = options.normalizeIds ? normalizeManagerIds(result.value).org : result.value;
  return { ok: true, org, warnings: warnings(result.warnings) };
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
  if (!ladder.ok) return { ok: false, errors: ladder.errors.map((i) => formatIssue(i)) };
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
