import { z } from 'zod';

/** An ISO calendar date, `YYYY-MM-DD` (no time, no zone). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine(isCalendarDate, 'not a real calendar date (that month has no such day)');

/**
 * True when `YYYY-MM-DD` names a day that exists: month 01–12 and a day the month has
 * (29 February only in leap years). `Date.parse` alone accepts any day up to 31.
 */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}
/** An ISO calendar date string, `YYYY-MM-DD`. */
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** A record id: any non-empty string. Ids are case-sensitive and never trimmed or renumbered. */
export const IdSchema = z.string().min(1, 'an id must not be empty');

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
