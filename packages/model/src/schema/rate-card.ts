import { z } from 'zod';

/**
 * One rate of a rate card: the annual loaded cost of one post at `level` (a level id of the
 * org's ladder), optionally only at `location` (matched to a person's or hire's `location`,
 * ignoring case and surrounding spaces), in the org's currency.
 */
export const RateSchema = z.object({
  level: z.string().trim().min(1),
  location: z.string().trim().min(1).optional(),
  annualCost: z.number().nonnegative(),
});
/** One rate of a rate card. */
export type Rate = z.infer<typeof RateSchema>;

/**
 * A rate card (DESIGN.md "Headcount plans"): the cost of a post by level and, optionally, by
 * location. The simulation gives it to every post without a cost of its own (plan hires without
 * a `cost`, open and planned records, people with no cost) before falling back to medians.
 * A (level, location) pair appears at most once.
 */
export const RateCardSchema = z
  .object({
    /** Where the numbers come from, e.g. "Finance 2027 comp bands" (shown beside the costs). */
    source: z.string().trim().min(1).max(200).optional(),
    rates: z.array(RateSchema).default([]),
  })
  .superRefine((card, ctx) => {
    const seen = new Map<string, number>();
    card.rates.forEach((r, i) => {
      const key = `${r.level}\u0000${normalizeLocation(r.location) ?? ''}`;
      const first = seen.get(key);
      if (first === undefined) seen.set(key, i);
      else
        ctx.addIssue({
          code: 'custom',
          path: ['rates', i],
          message: `duplicate rate for level ${r.level}${r.location ? ` at ${r.location}` : ''} (first at rates.${first})`,
        });
    });
  });
/** A validated rate card. */
export type RateCard = z.infer<typeof RateCardSchema>;

/** A location as rate cards match it: trimmed, lower case; undefined for none or blank. */
export function normalizeLocation(location: string | undefined | null): string | undefined {
  const l = location?.trim().toLowerCase();
  return l ? l : undefined;
}
