/**
 * First characters that make a spreadsheet read a cell as a formula, or that it trims before
 * reading one (OWASP CSV injection): `=`, `+`, `-`, `@`, tab and carriage return, and also any
 * leading whitespace (` =1+1`, a line feed, a no-break or ideographic space) and the fullwidth
 * `＝＋－＠`, which some spreadsheets read as their ASCII forms.
 */
const FORMULA_START = /^[\s=+\-@\uFF1D\uFF0B\uFF0D\uFF20]/u;

/** True when a text cell would be read as a formula (see {@link defuseCell}). */
export function isFormulaLike(text: string): boolean {
  return FORMULA_START.test(text);
}

/** Text a spreadsheet would run as a formula, with a leading `'` so it stays text; other text as it is. */
export function defuseCell(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/**
 * One CSV cell (RFC 4180): numbers as they are (non-finite ones empty), booleans as `true`/`false`,
 * null and undefined empty; text is defused ({@link defuseCell}) and then quoted, quotes doubled,
 * when it holds commas, quotes, line breaks or edge spaces.
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  const s = defuseCell(value);
  return /[",\n\r]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
