import { z } from 'zod';

/** An ISO calendar date, `YYYY-MM-DD` (no time, no zone). */
export const IsoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'not a real calendar date');
/** An ISO calendar date string, `YYYY-MM-DD`. */
export type IsoDate = z.infer<typeof IsoDateSchema>;

/** A record id: any non-empty string. Ids are case-sensitive and never trimmed or renumbered. */
export const IdSchema = z.string().min(1, 'an id must not be empty');

/** Whole days from `from` to `to` (both `YYYY-MM-DD`); negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
