import { parseAllDocuments } from 'yaml';
import { isBackstageEntity } from './backstage';
import { normalizeHeader, readCsvHeaders } from './csv';
import { matchHrisColumns } from './hris-columns';
import { findJsonRecords } from './hris-json';
import { frontMatter, isMarkdownName } from './markdown';
import { isRaw } from './team-api';

/** A file given to the importers: its name (for messages and the extension) and its text. */
export interface InputFile {
  name: string;
  text: string;
}

/** What one file holds. A UK organogram comes as a senior file and, optionally, a junior file. */
export type FileKind =
  | 'org-json'
  | 'hris-csv'
  | 'hris-json'
  | 'backstage'
  | 'uk-senior'
  | 'uk-junior'
  | 'ladder-csv'
  | 'teams';

/** The formats a set of input files can be. */
export type InputFormat =
  | 'org-json'
  | 'hris-csv'
  | 'hris-json'
  | 'backstage'
  | 'uk-organogram'
  | 'ladder-csv'
  | 'teams';

/** A file's kind, or why it was not recognised. */
export type DetectedFile = { kind: FileKind } | { kind: 'unknown'; reason: string };

/** The format of a set of files (with each file's kind, in order), or why it was not recognised. */
export type DetectedFormat =
  | { format: InputFormat; kinds: FileKind[] }
  | { format: 'unknown'; reason: string };

const has = (headers: string[], ...names: string[]) => names.some((n) => headers.includes(n));

/**
 * Recognises one file from its content (the extension only tells YAML from a one-column CSV, and
 * Markdown from the rest):
 * JSON that `loadOrg` reads (`people` or `employees`, a `schemaVersion`) is an org; a JSON list
 * of HR records (a bare array, Workday's `Report_Entry`, Microsoft Graph's `value`, `people`…,
 * see `findJsonRecords`) is `hris-json`; Backstage catalog entities (`kind: Group`/`User`, as YAML
 * documents, a JSON array or `{ items }`) are `backstage`; JSON with `teams`, or another JSON
 * array, is a teams file; YAML documents with `info`, `name` or `teams`, and Markdown files whose
 * YAML front matter has a team name, are a teams file;
 * CSV headers decide between a UK organogram senior file ("Post Unique Reference"), a junior
 * file ("Reporting Senior Post" with "Number of Posts in FTE"), a ladder (a track column such as
 * `ladder` and a level number such as `level_num`, but no employee id) and an HRIS export (an
 * employee id column).
 */
export function detectFileKind(file: InputFile): DetectedFile {
  const text = file.text.replace(/^\uFEFF/, '').trim();
  if (text === '') return { kind: 'unknown', reason: `${file.name} is empty` };
  if (text.startsWith('{') || text.startsWith('[')) return detectJson(file.name, text);
  if (isMarkdownName(file.name)) {
    const front = frontMatter(text);
    if (front === undefined)
      return { kind: 'unknown', reason: `${file.name} is Markdown without YAML front matter` };
    const found = detectYaml(file.name, front);
    return found.kind === 'teams'
      ? found
      : { kind: 'unknown', reason: `${file.name}: the front matter has no team ("name" or "info")` };
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const yamlName = /\.ya?ml$/i.test(file.name);
  if (yamlName || (!/[,;\t]/.test(firstLine) && /^(---|#|[\w"'-][^,]*:(\s|$))/.test(firstLine))) {
    return detectYaml(file.name, text);
  }
  return detectCsv(file.name, readCsvHeaders(text));
}

function detectJson(name: string, text: string): DetectedFile {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return { kind: 'unknown', reason: `${name} is not valid JSON: ${(e as Error).message}` };
  }
  const entities = Array.isArray(doc) ? doc : isRaw(doc) && Array.isArray(doc.items) ? doc.items : undefined;
  if (entities?.some(isBackstageEntity)) return { kind: 'backstage' };
  if (findJsonRecords(doc)) return { kind: 'hris-json' };
  if (Array.isArray(doc)) return { kind: 'teams' };
  if (isRaw(doc) && (Array.isArray(doc.people) || Array.isArray(doc.employees) || 'schemaVersion' in doc)) {
    return { kind: 'org-json' };
  }
  if (isRaw(doc) && (Array.isArray(doc.teams) || Array.isArray(doc.interactions))) return { kind: 'teams' };
  return {
    kind: 'unknown',
    reason: `${name} is JSON but not an org ("people"), a list of HR records, a Backstage catalog or teams ("teams")`,
  };
}

function detectYaml(name: string, text: string): DetectedFile {
  const docs = parseAllDocuments(text);
  const list = (Array.isArray(docs) ? docs : [docs]).map((d) => d.toJS() as unknown);
  if (list.some(isBackstageEntity)) return { kind: 'backstage' };
  if (list.some((d) => Array.isArray(d) || (isRaw(d) && ('info' in d || 'name' in d || 'teams' in d)))) {
    return { kind: 'teams' };
  }
  return {
    kind: 'unknown',
    reason: `${name} is YAML but no document has a team ("info", "name" or "teams")`,
  };
}

function detectCsv(name: string, headers: string[]): DetectedFile {
  const h = headers.map(normalizeHeader);
  if (has(h, 'postuniquereference')) return { kind: 'uk-senior' };
  if (has(h, 'reportingseniorpost') && has(h, 'numberofpostsinfte', 'fte')) return { kind: 'uk-junior' };
  const hasId = matchHrisColumns(headers).mapping.id !== undefined;
  if (!hasId && has(h, 'ladder', 'track') && has(h, 'levelnum', 'rank', 'grade', 'levelnumber')) {
    return { kind: 'ladder-csv' };
  }
  if (hasId) return { kind: 'hris-csv' };
  return {
    kind: 'unknown',
    reason: `${name}: CSV headers not recognised (${headers.filter((x) => x).join(', ')}): no employee id column such as "Employee ID", not a UK organogram ("Post Unique Reference"), not a ladder ("ladder", "level_num")`,
  };
}

const FORMAT_OF: Record<FileKind, InputFormat> = {
  'org-json': 'org-json',
  'hris-csv': 'hris-csv',
  'hris-json': 'hris-json',
  backstage: 'backstage',
  'uk-senior': 'uk-organogram',
  'uk-junior': 'uk-organogram',
  'ladder-csv': 'ladder-csv',
  teams: 'teams',
};

/**
 * The format of a set of input files: that of the first file (a UK junior file given first still
 * makes a UK organogram), with every file's kind. Unknown when there is no file or a file is not
 * recognised (the reason names it).
 */
export function detectInputFormat(files: readonly InputFile[]): DetectedFormat {
  if (files.length === 0) return { format: 'unknown', reason: 'no input files' };
  const kinds: FileKind[] = [];
  for (const file of files) {
    const detected = detectFileKind(file);
    if (detected.kind === 'unknown') return { format: 'unknown', reason: detected.reason };
    kinds.push(detected.kind);
  }
  return { format: FORMAT_OF[kinds[0]], kinds };
}
