import { z } from 'zod';

/** A calendar quarter written `YYYY-Qn`, e.g. `2027-Q1` (January–March 2027). */
export const QuarterSchema = z.string().regex(/^\d{4}-Q[1-4]$/, 'expected a quarter such as 2027-Q1');
/** A calendar quarter string, `YYYY-Qn`. */
export type Quarter = z.infer<typeof QuarterSchema>;

/**
 * The quarter as a running number (year × 4 + quarter − 1), so quarters can be subtracted.
 * Returns `NaN` for a string that is not `YYYY-Qn`.
 */
export function quarterNumber(quarter: string): number {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  return m ? Number(m[1]) * 4 + Number(m[2]) - 1 : Number.NaN;
}

/** The quarter of a running number from {@link quarterNumber}. */
export function quarterFromNumber(n: number): Quarter {
  return `${Math.floor(n / 4)}-Q${(n % 4) + 1}`;
}

/** `quarter` moved by `count` quarters (negative moves back): `addQuarters('2026-Q4', 1)` is `2027-Q1`. */
export function addQuarters(quarter: Quarter, count: number): Quarter {
  return quarterFromNumber(quarterNumber(quarter) + count);
}

/** The quarter a `YYYY-MM-DD` date falls in: `2026-10-01` is in `2026-Q4`. */
export function quarterOfDate(date: string): Quarter {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return `${year}-Q${Math.floor((month - 1) / 3) + 1}`;
}

/** The last day of a quarter as `YYYY-MM-DD`: `2027-Q1` ends on `2027-03-31`. */
export function quarterEndDate(quarter: Quarter): string {
  const n = quarterNumber(quarter);
  const year = Math.floor(n / 4);
  const lastMonth = (n % 4) * 3 + 3;
  const days = [31, 30, 30, 31][n % 4];
  return `${year}-${String(lastMonth).padStart(2, '0')}-${days}`;
}
