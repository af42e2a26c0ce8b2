import {
  type DateFormat,
  detectFileKind,
  findJsonRecords,
  type HrisMapping,
  type ImportIssue,
  type ImportResult,
  type InputFile,
  importAny,
  importHrisCsv,
  importUkOrganogram,
  loadOrg,
  normalizeManagerIds,
  type Org,
  recordsToTable,
} from '@reorg/model';
import Papa from 'papaparse';
import type { InspectedFile, PreviewRow } from './import-plan';

/** Data rows shown in the preview. */
export const PREVIEW_ROWS = 8;

/**
 * Reads what the import screen shows of a file: its kind (the model's `detectFileKind`) and, for
 * a CSV, its headers, first {@link PREVIEW_ROWS} data rows and data-row count (rows whose cells
 * are all empty are not counted, as the importers skip them).
 */
export function inspectFile(file: InputFile & { size: number }): InspectedFile {
  const detected = detectFileKind(file);
  const base = { name: file.name, size: file.size, headers: [], preview: [], rows: 0 };
  if (detected.kind === 'unknown') return { ...base, kind: 'unknown', reason: detected.reason };
  if (detected.kind === 'hris-json')
    return { ...base, kind: detected.kind, ...previewJsonRecords(file.text) };
  if (detected.kind === 'org-json' || detected.kind === 'teams' || detected.kind === 'backstage') {
    return { ...base, kind: detected.kind };
  }
  const text = file.text.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  const [headers = [], ...data] = parsed.data;
  const preview: PreviewRow[] = [];
  let rows = 0;
  data.forEach((cells, k) => {
    if (cells.every((c) => c.trim() === '')) return;
    rows++;
    if (preview.length < PREVIEW_ROWS) preview.push({ row: k + 2, cells: cells.map((c) => c.trim()) });
  });
  return { ...base, kind: detected.kind, headers: headers.map((h) => h.trim()), preview, rows };
}

/** Headers, first records and record count of a JSON list of HR records (records numbered from 1). */
function previewJsonRecords(text: string): Pick<InspectedFile, 'headers' | 'preview' | 'rows'> {
  const found = findJsonRecords(JSON.parse(text.replace(/^\uFEFF/, '')));
  if (!found) return { headers: [], preview: [], rows: 0 };
  const table = recordsToTable(found.records);
  return { headers: table.headers, preview: table.rows.slice(0, PREVIEW_ROWS), rows: table.rows.length };
}

/** Options of a check: those the API takes in its query, for the importer run in the browser. */
export interface CheckOptions {
  asOf: string;
  name?: string;
  mapping?: HrisMapping;
  /** Read manager ids that differ from a record's only in case or leading zeros as that record's (`normalizeManagerIds`). */
  normalizeIds?: boolean;
  /** How dates such as 09-10-2023 are written, when the file does not decide (HR exports and teams files). */
  dateFormat?: DateFormat;
}

/** What the importer found: the org's headline counts and warnings, or every error. */
export type CheckResult =
  | {
      ok: true;
      org: { id: string; name: string; asOf: string };
      people: number;
      aggregates: number;
      open: number;
      teams: number;
      /** Interactions between teams (Team API files). */
      interactions: number;
      /** Set when the org has no reporting lines (teams files alone, a catalog alone): why. */
      teamsOnly?: string;
      /** Manager ids rewritten by `normalizeIds` (0 without it). */
      normalizedIds: number;
      warnings: ImportIssue[];
    }
  | { ok: false; errors: ImportIssue[] };

/** The files of a check, by role. */
export type CheckFiles =
  | { kind: 'hris'; file: InputFile }
  | { kind: 'uk-organogram'; senior: InputFile; junior?: InputFile }
  | { kind: 'org-json'; file: InputFile }
  | { kind: 'auto'; files: InputFile[] };

/**
 * Runs the same importer the API will run on these files (nothing is sent anywhere), so row
 * errors are listed before uploading. An org JSON is migrated and validated by `loadOrg`; its
 * issues are listed by path in the `column` place.
 */
export function checkImport(files: CheckFiles, options: CheckOptions): CheckResult {
  const result = importFiles(files, options);
  if (!result.ok || !options.normalizeIds || files.kind === 'org-json') return summarize(result);
  return summarize({ ...result, value: normalizeManagerIds(result.value).org });
}

function importFiles(files: CheckFiles, options: CheckOptions): ImportResult<Org> {
  const named = options.name ? { name: options.name } : {};
  if (files.kind === 'auto') {
    return importAny(files.files, {
      asOf: options.asOf,
      ...named,
      ...(options.mapping ? { mapping: options.mapping } : {}),
      ...(options.dateFormat ? { dateFormat: options.dateFormat } : {}),
    });
  }
  if (files.kind === 'hris') {
    return importHrisCsv(files.file.text, {
      asOf: options.asOf,
      fileName: files.file.name,
      ...named,
      ...(options.mapping ? { mapping: options.mapping } : {}),
      ...(options.dateFormat ? { dateFormat: options.dateFormat } : {}),
    });
  }
  if (files.kind === 'uk-organogram') {
    return importUkOrganogram(files.senior.text, files.junior?.text, {
      asOf: options.asOf,
      seniorFileName: files.senior.name,
      ...(files.junior ? { juniorFileName: files.junior.name } : {}),
      ...named,
    });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(files.file.text);
  } catch (error) {
    return { ok: false, errors: [{ file: files.file.name, message: (error as Error).message }] };
  }
  const loaded = loadOrg(doc);
  if (!loaded.ok) {
    return {
      ok: false,
      errors: loaded.issues.map((i) => ({ file: files.file.name, column: i.path, message: i.message })),
    };
  }
  return { ok: true, value: loaded.org, warnings: [] };
}

function summarize(result: ImportResult<Org>): CheckResult {
  if (!result.ok) return { ok: false, errors: result.errors };
  const org = result.value;
  let aggregates = 0;
  let open = 0;
  for (const p of org.people) {
    if (p.aggregate) aggregates++;
    else if (p.status === 'open' || p.status === 'planned') open++;
  }
  return {
    ok: true,
    org: { id: org.id, name: org.name, asOf: org.asOf },
    people: org.people.length - aggregates,
    aggregates,
    open,
    teams: org.teams.length,
    interactions: org.interactions.length,
    ...(org.importNotes?.teamsOnly ? { teamsOnly: org.importNotes.teamsOnly } : {}),
    normalizedIds: org.importNotes?.normalizedIds.length ?? 0,
    warnings: result.warnings,
  };
}
