import Papa from 'papaparse';
import type { IssueSink } from './result';

/** One data row of a CSV file: its spreadsheet row number (header = 1) and its trimmed cells. */
export interface CsvRow {
  /** Spreadsheet row: the header is row 1, the first data row is row 2. */
  row: number;
  /** Cells trimmed of surrounding whitespace; a short row is padded with empty cells. */
  cells: string[];
}

/** A parsed CSV file: the header cells as written (trimmed) and the non-empty data rows. */
export interface CsvTable {
  headers: string[];
  rows: CsvRow[];
}

/** Picks the delimiter from the header line: the most frequent of `,`, tab and `;` (`,` on a tie). */
export function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  let best = ',';
  let bestCount = 0;
  for (const d of [',', '\t', ';']) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Parses CSV text (a leading byte-order mark is dropped; the delimiter is `,`, tab or `;`, read from
 * the header line). Every cell stays a string, trimmed. Rows whose cells are all empty are skipped
 * but still counted, so row numbers match a spreadsheet. Returns `undefined` after recording an error
 * when the text has no header or a broken quote.
 */
export function parseCsv(text: string, issues: IssueSink): CsvTable | undefined {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (clean.trim() === '') {
    issues.error({ message: 'the file is empty: expected a header row and data rows' });
    return undefined;
  }
  const parsed = Papa.parse<string[]>(clean, {
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    delimiter: guessDelimiter(clean),
  });
  const broken = parsed.errors.filter((e) => e.type === 'Quotes');
  for (const e of broken) {
    issues.error({ row: e.row === undefined ? undefined : e.row + 1, message: `CSV syntax: ${e.message}` });
  }
  if (broken.length > 0) return undefined;
  const [headerCells = [], ...data] = parsed.data;
  const headers = headerCells.map((h) => h.trim());
  const rows: CsvRow[] = [];
  data.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const trimmed = cells.map((c) => c.trim());
    while (trimmed.length < headers.length) trimmed.push('');
    rows.push({ row: i + 2, cells: trimmed });
  });
  return { headers, rows };
}

/**
 * A header reduced for matching: lower case, any parenthesised part removed ("Salary (£)" →
 * "salary", "Grade (or equivalent)" → "grade"), and spaces, `_`, `#`, `-`, `.`, `/` dropped.
 */
export function normalizeHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/[\s_#\-./]+/g, '');
}

/**
 * Finds the column of a field: the first synonym (in the order given, so earlier synonyms win)
 * equal to a normalised header not already `taken`. Returns the column index, or -1.
 */
export function findColumn(
  headers: readonly string[],
  synonyms: readonly string[],
  taken?: Set<number>,
): number {
  const normalized = headers.map(normalizeHeader);
  for (const synonym of synonyms) {
    const i = normalized.findIndex((h, k) => h === synonym && !taken?.has(k));
    if (i >= 0) return i;
  }
  return -1;
}

/** The header cells of CSV text (trimmed), reading only the first record; `[]` for empty text. */
export function readCsvHeaders(text: string): string[] {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const parsed = Papa.parse<string[]>(clean, { header: false, preview: 1, delimiter: guessDelimiter(clean) });
  return (parsed.data[0] ?? []).map((h) => h.trim());
}
