import { isCalendarDate } from '../schema/common';
/** A cell read as a value, or the reason it could not be. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; message: string };

const CURRENCY_SYMBOLS: Record<string, string> = { '£': 'GBP', '€': 'EUR', $: 'USD', '¥': 'JPY' };

/** A number read from a cell, and the currency its symbol named (`£` GBP, `€` EUR, `$` USD, `¥` JPY). */
export interface ParsedAmount {
  value: number;
  currency?: string;
}

/**
 * Reads a number written by a person: currency symbols or a leading/trailing ISO code ("£45,000",
 * "USD 1200", "45 000 €"), thousands separators (`,`, spaces, `'`) and a decimal point. A trailing
 * `%` divides by 100 ("50%" → 0.5). Commas are always thousands separators, never decimal marks.
 */
export function parseAmount(raw: string): CellResult<ParsedAmount> {
  let s = raw.trim();
  let currency: string | undefined;
  const code = /^([A-Z]{3})\s*|\s*([A-Z]{3})$/.exec(s);
  if (code) {
    currency = code[1] ?? code[2];
    s = s.replace(code[0], '');
  }
  for (const [symbol, iso] of Object.entries(CURRENCY_SYMBOLS)) {
    if (s.includes(symbol)) {
      currency ??= iso;
      s = s.replace(symbol, '');
    }
  }
  let scale = 1;
  if (s.endsWith('%')) {
    scale = 0.01;
    s = s.slice(0, -1);
  }
  s = s.replace(/[,'\s\u00a0]/g, '');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) {
    return { ok: false, message: `"${raw}" is not a number` };
  }
  return { ok: true, value: { value: Number(s) * scale, ...(currency ? { currency } : {}) } };
}

/**
 * Reads a calendar date as `YYYY-MM-DD`: accepts `YYYY-MM-DD`, `YYYY/MM/DD`, an ISO date-time
 * (the time is dropped) and a date with a UTC offset as Workday writes it (`2021-04-01-07:00`). Day-first and month-first dates are refused as ambiguous.
 */
export function parseIsoDate(raw: string): CellResult<string> {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*|Z|[-+]\d{2}:?\d{2})?$/.exec(raw.trim());
  if (!m) return { ok: false, message: `"${raw}" is not a date: expected YYYY-MM-DD` };
  const iso = `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}`;
  if (!isCalendarDate(iso)) return { ok: false, message: `"${raw}" is not a real calendar date` };
  return { ok: true, value: iso };
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', '1', 'x', 't']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0', 'f', '']);

/** Reads a yes/no cell: true/yes/y/1/x/t or false/no/n/0/f/blank, any case. */
export function parseBoolean(raw: string): CellResult<boolean> {
  const s = raw.trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return { ok: true, value: true };
  if (FALSE_WORDS.has(s)) return { ok: true, value: false };
  return { ok: false, message: `"${raw}" is not yes or no` };
}

/**
 * A readable id made from a name: lower case, accents dropped, every run of other characters
 * turned into one `-` ("R&D / Platform" → "r-d-platform"). Empty when the name has no letter or digit.
 */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Collapses whitespace and lower-cases, for comparing names and emails. */
export function foldKey(s: string): string {
  return s.trim().replace(/\s+/g, ' ').toLowerCase();
}
