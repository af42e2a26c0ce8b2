import { isCalendarDate } from '../schema/common';
import { type CellResult, parseIsoDate } from './cells';

/**
 * How a file writes numeric dates whose first two parts could be day or month (`09-10-2023`):
 * `DD-MM-YYYY` (day first, as in most of the world) or `MM-DD-YYYY` (month first, as US HR
 * systems such as BambooHR export them). The separator (`-`, `/`, `.`) does not matter.
 */
export const DATE_FORMATS = ['DD-MM-YYYY', 'MM-DD-YYYY'] as const;
/** One of {@link DATE_FORMATS}. */
export type DateFormat = (typeof DATE_FORMATS)[number];

/** The order a file's numeric dates use, and how it was decided (for a message). */
export interface DateOrder {
  format: DateFormat;
  /** `given` (an option), `values` (a part above 12 decided it) or `assumed` (no value decided it). */
  decidedBy: 'given' | 'values' | 'assumed';
}

const NUMERIC = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})(?:[T ].*)?$/;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** `9 Oct 2023`, `09-Oct-2023`, `9 October 2023`. */
const DAY_MONTH_NAME = /^(\d{1,2})[\s-]+([a-z]{3,9})\.?[\s-]+(\d{4})$/i;
/** `Oct 9, 2023`, `October 9 2023`. */
const MONTH_NAME_DAY = /^([a-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})$/i;
/**
 * Excel serial dates are read from 5-digit numbers only (10000 = 1927-05-18 … 99999 = 2173-10-14):
 * shorter numbers are more likely a year or an id than a date (project's own choice).
 */
const EXCEL_SERIAL = /^(\d{5})(?:\.\d+)?$/;

/**
 * Decides the day/month order of a file's dates from its values: a value whose first part is
 * above 12 (and second not) votes day first, one whose second part is above 12 votes month first;
 * a value impossible both ways (`31/13/2022`) does not vote. The larger vote wins. When no value
 * votes (every part ≤ 12) or the votes tie, the order is `MM-DD-YYYY` (`assumed`) unless `given`.
 */
export function decideDateOrder(values: Iterable<string>, given?: DateFormat): DateOrder {
  if (given) return { format: given, decidedBy: 'given' };
  let dayFirst = 0;
  let monthFirst = 0;
  for (const v of values) {
    const m = NUMERIC.exec(v.trim());
    if (!m) continue;
    const [a, b] = [Number(m[1]), Number(m[2])];
    if (a > 12 && b <= 12) dayFirst++;
    if (b > 12 && a <= 12) monthFirst++;
  }
  if (dayFirst !== monthFirst)
    return { format: dayFirst > monthFirst ? 'DD-MM-YYYY' : 'MM-DD-YYYY', decidedBy: 'values' };
  return { format: 'MM-DD-YYYY', decidedBy: 'assumed' };
}

/** True when some value is a numeric date whose day and month could be swapped (`09-10-2023`). */
export function hasAmbiguousDates(values: Iterable<string>): boolean {
  for (const v of values) {
    const m = NUMERIC.exec(v.trim());
    if (m && Number(m[1]) <= 12 && Number(m[2]) <= 12 && m[1] !== m[2]) return true;
  }
  return false;
}

const iso = (y: number, m: number, d: number) =>
  `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/**
 * Reads a date as people write it, as `YYYY-MM-DD`: ISO dates and date-times (`2023-10-09`,
 * `2023-10-09T08:00:00Z`, `2023/10/9`), numeric day/month dates in the file's `format`
 * (`09-10-2023`, `9/10/2023`, `09.10.2023`), dates with a month name (`9 Oct 2023`,
 * `Oct 9, 2023`) and Excel serial dates (`45208` = 2023-10-09; days since 1899-12-30, Excel's
 * 1900 date system). Fails, with the reason, on anything else or a day the calendar lacks.
 */
export function parseDate(raw: string, format: DateFormat = 'MM-DD-YYYY'): CellResult<string> {
  const s = raw.trim();
  if (/^\d{4}[-/]/.test(s)) return parseIsoDate(s);
  let parts: [number, number, number] | undefined;
  const numeric = NUMERIC.exec(s);
  if (numeric) {
    const [a, b, y] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
    parts = format === 'DD-MM-YYYY' ? [y, b, a] : [y, a, b];
  }
  const dm = DAY_MONTH_NAME.exec(s);
  if (dm) parts = monthNamed(dm[3], dm[2], dm[1]);
  const md = MONTH_NAME_DAY.exec(s);
  if (md) parts = monthNamed(md[3], md[1], md[2]);
  const serial = EXCEL_SERIAL.exec(s);
  if (serial) return { ok: true, value: fromExcelSerial(Number(serial[1])) };
  if (!parts) {
    return {
      ok: false,
      message: `"${raw}" is not a date: expected YYYY-MM-DD, ${format}, "9 Oct 2023" or an Excel serial date`,
    };
  }
  const value = iso(...parts);
  if (!isCalendarDate(value)) {
    return { ok: false, message: `"${raw}" is not a real calendar date (read as ${format})` };
  }
  return { ok: true, value };
}

function monthNamed(year: string, month: string, day: string): [number, number, number] | undefined {
  const m = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
  return m < 0 ? undefined : [Number(year), m + 1, Number(day)];
}

/** The calendar date of an Excel serial day number (1900 date system; serial 25569 = 1970-01-01). */
export function fromExcelSerial(serial: number): string {
  return new Date(Date.UTC(1970, 0, 1 + Math.floor(serial) - 25569)).toISOString().slice(0, 10);
}

/** A date option as written on a command line or in a mapping (`DD-MM-YYYY`, `dd/mm/yyyy`, `MM-DD-YYYY`…). */
export function parseDateFormat(raw: string): DateFormat | undefined {
  const s = raw.toUpperCase().replace(/[/.]/g, '-');
  return DATE_FORMATS.find((f) => f === s || f.replace('YYYY', 'YY') === s);
}
