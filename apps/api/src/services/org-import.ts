import { randomUUID } from 'node:crypto';
import {
  type DateFormat,
  type HrisMapping,
  type ImportIssue,
  type ImportResult,
  importAny,
  importHrisCsv,
  importUkOrganogram,
  loadOrg,
  normalizeManagerIds,
  type Org,
} from '@reorg/model';
import type { Context } from 'hono';
import { PROBLEM_TYPES, type ProblemInput } from '../problem';

/** The import formats of `POST /api/orgs`. */
export const IMPORT_FORMATS = ['json', 'hris', 'uk-organogram', 'auto'] as const;
/** One of {@link IMPORT_FORMATS}. */
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Options from the query string; the model's importers take them (JSON orgs carry their own). */
export interface ImportQuery {
  format?: ImportFormat;
  id?: string;
  name?: string;
  asOf?: string;
  currency?: string;
  /** HRIS CSV only: field → header overrides of the automatic column matching. */
  mapping?: HrisMapping;
  /** Rewrite manager ids that differ from a record's only in case or leading zeros (`normalizeManagerIds`). */
  normalizeIds?: boolean;
  /** How ambiguous numeric dates are written (HRIS and `auto` imports). */
  dateFormat?: DateFormat;
}

/** An imported org ready to store, or the problem to answer with (nothing is stored then). */
export type ImportOutcome =
  | { ok: true; org: Org; warnings: ImportIssue[]; source: ImportFormat }
  | { ok: false; problem: ProblemInput<400 | 415 | 422> };

/**
 * Reads the body of `POST /api/orgs` and imports it: a JSON org document (migrated and
 * validated by `loadOrg`), a HRIS CSV (the body, or a multipart `file` field), a UK organogram
 * (multipart `senior` and optional `junior` files), or `auto`: any multipart files, each
 * recognised by its content as `reorg analyze` does (`importAny`: an org source plus optional
 * junior, ladder and teams files). The format is `query.format`, else read from the Content-Type
 * (multipart: `uk-organogram` when there is a `senior` field, else `auto`). `today`
 * (`YYYY-MM-DD`) is the default as-of date of CSV imports. Without `?id=` and `?name=`, the
 * importer's defaults apply (a UK organogram: its organisation; a HRIS export: `org`).
 * `query.mapping` (field → header) overrides the automatic column matching of a HRIS CSV.
 * `query.normalizeIds` then rewrites manager ids that differ from a record's only in case or
 * leading zeros (`normalizeManagerIds`, listed in the org's `importNotes`).
 */
export async function readImport(c: Context, query: ImportQuery, today: string): Promise<ImportOutcome> {
  const outcome = await readImportBody(c, query, today);
  if (!outcome.ok || !query.normalizeIds) return outcome;
  return { ...outcome, org: normalizeManagerIds(outcome.org).org };
}

async function readImportBody(c: Context, query: ImportQuery, today: string): Promise<ImportOutcome> {
  const contentType = (c.req.header('content-type') ?? '').toLowerCase();
  const multipart = contentType.startsWith('multipart/form-data');
  const format = query.format ?? inferFormat(contentType);
  if (!format) {
    return fail(415, PROBLEM_TYPES.unsupportedMediaType, 'Unsupported media type', [
      {
        message: `send application/json (an org), text/csv (a HRIS export), or multipart/form-data files (senior + junior for a UK organogram); got "${contentType || 'no Content-Type'}"`,
      },
    ]);
  }
  const options = {
    ...(query.id ? { orgId: query.id } : {}),
    ...(query.name ? { name: query.name } : {}),
    asOf: query.asOf ?? today,
    ...(query.currency ? { currency: query.currency } : {}),
    ...(query.mapping ? { mapping: query.mapping } : {}),
    ...(query.dateFormat ? { dateFormat: query.dateFormat } : {}),
  };
  if (format === 'json') {
    if (multipart) return wrongBody('json', 'a JSON org document');
    return readJsonOrg(await c.req.text());
  }
  if (format === 'hris') {
    let csv: { name?: string; text: string };
    if (multipart) {
      const form = await readForm(c);
      if ('problem' in form) return form;
      const files = await readFiles(form, ['file'], []);
      if ('problem' in files) return files;
      csv = files.file;
    } else {
      csv = { text: await c.req.text() };
    }
    return fromImport(
      importHrisCsv(csv.text, { ...options, ...(csv.name ? { fileName: csv.name } : {}) }),
      'hris',
    );
  }
  if (!multipart && format === 'auto') {
    return fromImport(importAny([{ name: 'body', text: await c.req.text() }], options), 'auto');
  }
  if (!multipart) return wrongBody(format, 'multipart/form-data files');
  const form = await readForm(c);
  if ('problem' in form) return form;
  if (format === 'auto' || (query.format === undefined && !form.has('senior'))) {
    const files = await allFiles(form);
    return fromImport(importAny(files, options), 'auto');
  }
  const files = await readFiles(form, ['senior'], ['junior']);
  if ('problem' in files) return files;
  const { senior, junior } = files;
  return fromImport(
    importUkOrganogram(senior.text, junior?.text, {
      ...options,
      seniorFileName: senior.name,
      ...(junior?.name ? { juniorFileName: junior.name } : {}),
    }),
    'uk-organogram',
  );
}

function inferFormat(contentType: string): ImportFormat | undefined {
  if (contentType.startsWith('application/json') || /^application\/[\w.+-]*\+json/.test(contentType))
    return 'json';
  if (contentType.startsWith('text/csv') || contentType.startsWith('text/plain')) return 'hris';
  if (contentType.startsWith('multipart/form-data')) return 'uk-organogram';
  return undefined;
}

/**
 * Another id for an org whose importer-chosen id is taken: the id and 8 random hex digits. Only
 * CSV imports without `?id=` get one; an id the caller chose is never changed.
 */
export function uniqueVariant(id: string): string {
  return `${id.slice(0, 60)}-${randomUUID().slice(0, 8)}`;
}

function readJsonOrg(text: string): ImportOutcome {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (error) {
    return fail(400, PROBLEM_TYPES.malformed, 'Malformed JSON', [
      { in: 'body', message: (error as Error).message.slice(0, 200) },
    ]);
  }
  const loaded = loadOrg(doc);
  if (!loaded.ok) {
    return fail(
      422,
      PROBLEM_TYPES.validation,
      'Validation failed',
      loaded.issues.map((i) => ({ in: 'body', path: i.path, message: i.message })),
      `the org document has ${loaded.issues.length} problem(s); nothing was stored`,
    );
  }
  return { ok: true, org: loaded.org, warnings: [], source: 'json' };
}

function fromImport(result: ImportResult<Org>, source: ImportFormat): ImportOutcome {
  if (result.ok) return { ok: true, org: result.value, warnings: result.warnings, source };
  return fail(
    422,
    PROBLEM_TYPES.importFailed,
    'Import failed',
    result.errors.map((e) => ({ in: 'file', ...e })),
    'nothing was imported; fix the rows listed in errors and post the file again',
  );
}

type Failure = { ok: false; problem: ProblemInput<400 | 415 | 422> };
type NamedText = { name?: string; text: string };

async function readForm(c: Context): Promise<FormData | Failure> {
  try {
    return await c.req.raw.formData();
  } catch {
    return fail(400, PROBLEM_TYPES.malformed, 'Malformed multipart body', [
      { in: 'body', message: 'the multipart/form-data body could not be parsed' },
    ]);
  }
}

async function asText(value: string | File, field: string): Promise<NamedText> {
  return typeof value === 'string'
    ? { name: field, text: value }
    : { name: value.name || field, text: await value.text() };
}

/** The named fields of a multipart body as text: every `required` one, and the `optional` ones present. */
async function readFiles<R extends string, O extends string>(
  form: FormData,
  required: R[],
  optional: O[],
): Promise<(Record<R, NamedText> & Partial<Record<O, NamedText>>) | Failure> {
  const missing = required.filter((field) => form.get(field) === null);
  if (missing.length > 0) {
    return fail(
      422,
      PROBLEM_TYPES.validation,
      'Validation failed',
      missing.map((field) => ({
        in: 'body',
        path: field,
        message: `missing the multipart field "${field}"`,
      })),
    );
  }
  const out: Record<string, NamedText> = {};
  for (const field of [...required, ...optional]) {
    const value = form.get(field);
    if (value !== null) out[field] = await asText(value, field);
  }
  return out as Record<R, NamedText> & Partial<Record<O, NamedText>>;
}

/** Every field of a multipart body, as named files (a field without a file name takes the field's). */
async function allFiles(form: FormData): Promise<{ name: string; text: string }[]> {
  const files: { name: string; text: string }[] = [];
  for (const [field, value] of form.entries()) {
    const file = await asText(value, field);
    files.push({ name: file.name ?? field, text: file.text });
  }
  return files;
}

function wrongBody(format: ImportFormat, expected: string): ImportOutcome {
  return fail(415, PROBLEM_TYPES.unsupportedMediaType, 'Unsupported media type', [
    { message: `?format=${format} expects ${expected}` },
  ]);
}

function fail(
  status: 400 | 415 | 422,
  type: string,
  title: string,
  errors: ProblemInput['errors'],
  detail?: string,
): { ok: false; problem: ProblemInput<400 | 415 | 422> } {
  return { ok: false, problem: { type, title, status, errors, ...(detail ? { detail } : {}) } };
}
