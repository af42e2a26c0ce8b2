import type { FileKind } from '@reorg/model';

/** What the browser learnt about one chosen file before importing it. */
export interface InspectedFile {
  name: string;
  /** Size in bytes. */
  size: number;
  /** The model's `detectFileKind`, or `unknown` with the reason. */
  kind: FileKind | 'unknown';
  reason?: string;
  /**
   * CSV only: the header cells as written (trimmed), the first data rows with their spreadsheet
   * row numbers (header = 1, as in import errors), and how many data rows there are.
   */
  headers: string[];
  preview: PreviewRow[];
  rows: number;
}

/** A data row of a CSV preview: its spreadsheet row (header = 1) and its cells. */
export interface PreviewRow {
  row: number;
  cells: string[];
}

/** What the chosen files make: one of the imports the app offers, or why not. */
export type ImportPlan =
  | { kind: 'hris'; file: InspectedFile }
  | { kind: 'uk-organogram'; senior: InspectedFile; junior?: InspectedFile }
  | { kind: 'org-json'; file: InspectedFile }
  /**
   * Files read together by the model's `importAny` (and `POST /api/orgs?format=auto`): HR records
   * as JSON, a Backstage catalog, Team API files (a folder), with at most one org source.
   * `mapped` is the HR file whose columns are matched (shown with its mapping), if any.
   */
  | { kind: 'auto'; files: InspectedFile[]; mapped?: InspectedFile; title: string }
  | { kind: 'invalid'; message: string };

/** Each file kind in words. */
export const KIND_TEXT: Record<FileKind | 'unknown', string> = {
  'hris-csv': 'HRIS export (one row per person)',
  'hris-json': 'HR records (JSON list, one per person)',
  backstage: 'Backstage catalog (Groups and Users)',
  'uk-senior': 'UK organogram: senior posts',
  'uk-junior': 'UK organogram: junior posts (counts by grade)',
  'org-json': 'reorg org document (JSON)',
  'ladder-csv': 'Career ladder (CSV)',
  teams: 'Teams file',
  unknown: 'Not recognised',
};

const ACCEPTED =
  'Choose one HRIS export (CSV or JSON), a UK organogram senior file (with its junior file), an org JSON document, a Backstage catalog or Team API files (a folder).';

/** The kinds only `importAny` reads (with teams files and ladders beside an org source). */
const AUTO_KINDS: readonly FileKind[] = ['hris-json', 'backstage', 'teams'];

/**
 * Decides what a set of inspected files imports as: one HRIS CSV; a UK organogram senior file
 * with at most one junior file (in either order); or one org JSON. Anything else is `invalid`
 * with a sentence saying what to choose instead.
 */
export function planImport(files: readonly InspectedFile[]): ImportPlan {
  if (files.length === 0) return { kind: 'invalid', message: ACCEPTED };
  const unknown = files.find((f) => f.kind === 'unknown');
  if (unknown) return { kind: 'invalid', message: unknown.reason ?? `${unknown.name} is not recognised.` };
  const of = (kind: FileKind) => files.filter((f) => f.kind === kind);
  if (files.some((f) => AUTO_KINDS.includes(f.kind as FileKind))) return planAuto(files);
  const extra = files.find((f) => f.kind === 'ladder-csv');
  if (extra) {
    return {
      kind: 'invalid',
      message: `${extra.name} is a ${KIND_TEXT[extra.kind].toLowerCase()}: import the org first; ladders and teams files are read by \`reorg analyze\` and POST /api/orgs?format=auto.`,
    };
  }
  const [seniors, juniors, hris, json] = [of('uk-senior'), of('uk-junior'), of('hris-csv'), of('org-json')];
  const sources = seniors.length + hris.length + json.length;
  if (sources > 1) {
    return {
      kind: 'invalid',
      message: `These files hold ${sources} orgs (${files.map((f) => f.name).join(', ')}). ${ACCEPTED}`,
    };
  }
  if (juniors.length > 1) return { kind: 'invalid', message: 'Choose one junior file for the senior file.' };
  if (seniors.length === 1) return { kind: 'uk-organogram', senior: seniors[0], junior: juniors[0] };
  if (juniors.length === 1) {
    return {
      kind: 'invalid',
      message: `${juniors[0].name} is the junior half of a UK organogram: add its senior file (the one with "Post Unique Reference").`,
    };
  }
  if (hris.length === 1) return { kind: 'hris', file: hris[0] };
  return { kind: 'org-json', file: json[0] };
}

/**
 * The plan of files `importAny` reads together: at most one org source (org JSON, HR export, UK
 * senior file), at most one Backstage catalog, any teams files and at most one ladder.
 */
function planAuto(files: readonly InspectedFile[]): ImportPlan {
  const of = (...kinds: FileKind[]) => files.filter((f) => kinds.includes(f.kind as FileKind));
  const sources = of('org-json', 'hris-csv', 'hris-json', 'uk-senior');
  if (sources.length > 1) {
    return {
      kind: 'invalid',
      message: `These files hold ${sources.length} orgs (${sources.map((f) => f.name).join(', ')}). ${ACCEPTED}`,
    };
  }
  if (of('backstage').length > 1) return { kind: 'invalid', message: 'Choose one Backstage catalog file.' };
  if (of('ladder-csv').length > 1) return { kind: 'invalid', message: 'Choose one career ladder file.' };
  const [catalog, teams, mapped] = [of('backstage')[0], of('teams'), of('hris-csv', 'hris-json')[0]];
  const title = [
    mapped
      ? KIND_TEXT[mapped.kind].replace(/ \(.*\)$/, '')
      : sources[0]
        ? KIND_TEXT[sources[0].kind]
        : undefined,
    catalog ? 'Backstage catalog' : undefined,
    teams.length > 0 ? `Team API (${teams.length} file${teams.length === 1 ? '' : 's'})` : undefined,
  ]
    .filter(Boolean)
    .join(' + ');
  return { kind: 'auto', files: [...files], ...(mapped ? { mapped } : {}), title };
}

/** A file size in words: `812 B`, `14.2 KB`, `3.4 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * An id for an org named `name`: its slug (lower case letters, digits and `-`, at most 60
 * characters; `org` when nothing is left), with `-2`, `-3`… when an org already has it.
 */
export function orgIdFor(name: string, taken: ReadonlySet<string>): string {
  const slug =
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'org';
  if (!taken.has(slug)) return slug;
  let n = 2;
  while (taken.has(`${slug}-${n}`)) n++;
  return `${slug}-${n}`;
}

/** A file name without its extension (`people.export.csv` → `people.export`). */
export function baseName(fileName: string): string {
  return fileName.replace(/\.[^.]+$/, '') || fileName;
}

/** Today in the browser's time zone, `YYYY-MM-DD` (the default as-of date of a CSV import). */
export function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
