import { z } from 'zod';
import { RateCardSchema } from '../schema/rate-card';
import { type OpError, opError } from './op-error';
import type { OpWorkspace } from './workspace';

/**
 * `setRateCard`: replaces the org's rate card (the cost of a post by level and, optionally, by
 * location; {@link RateCardSchema}), or removes it with `rateCard: null`. The simulation prices
 * planned hires without a cost, open reqs and people with no cost from it.
 */
export const SetRateCardOpSchema = z.strictObject({
  type: z.literal('setRateCard'),
  rateCard: RateCardSchema.nullable(),
});
/** A validated `setRateCard` op. */
export type SetRateCardOp = z.infer<typeof SetRateCardOpSchema>;

/**
 * Applies a `setRateCard` op. Refuses `invalid_op` for a rate of a level the org's ladder does
 * not have, naming each (`rates.2.level: unknown level "L9"`). Cost: O(rates + levels).
 */
export function applySetRateCard(ws: OpWorkspace, op: SetRateCardOp): OpError | null {
  if (op.rateCard === null) {
    ws.rateCard = undefined;
    return null;
  }
  const levels = new Set([...ws.ladder.tracks.ic, ...ws.ladder.tracks.manager].map((l) => l.id));
  const unknown = op.rateCard.rates.flatMap((r, i) =>
    levels.has(r.level) ? [] : [`rates.${i}.level: unknown level "${r.level}"`],
  );
  if (unknown.length > 0) {
    return opError(
      'invalid_op',
      `The rate card names levels the ladder does not have: ${unknown.join('; ')}.`,
    );
  }
  ws.rateCard = op.rateCard;
  return null;
}
