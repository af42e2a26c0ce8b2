import { z } from 'zod';
import { InteractionSchema } from '../schema/team';
import { describeTeamRecord, type OpError, opError, teamNotFound } from './op-error';
import type { OpWorkspace } from './workspace';

/**
 * `setInteraction`: sets how team `from` works with team `to` (collaboration, x-as-a-service,
 * facilitating), replacing the interaction of the same `from` → `to` pair if there is one.
 */
export const SetInteractionOpSchema = z.strictObject({
  type: z.literal('setInteraction'),
  interaction: z.strictObject(InteractionSchema.shape),
});
/** A validated `setInteraction` op. */
export type SetInteractionOp = z.infer<typeof SetInteractionOpSchema>;

/**
 * Applies a `setInteraction` op (an upsert by the `from` → `to` pair; later copies of that pair
 * are dropped). Refuses: `not_found` for an unknown team; `invalid_target` when `from` and `to`
 * are the same team. Cost: O(interactions).
 */
export function applySetInteraction(ws: OpWorkspace, op: SetInteractionOp): OpError | null {
  const { from, to } = op.interaction;
  const fromRow = ws.teamRow(from);
  if (fromRow < 0) return teamNotFound(from, 'the team the interaction is from');
  if (ws.teamRow(to) < 0) return teamNotFound(to, 'the team the interaction is with');
  if (from === to) {
    return opError('invalid_target', `${describeTeamRecord(ws.team(fromRow))} cannot interact with itself.`);
  }
  const next = ws.interactions.filter((i) => i.from !== from || i.to !== to);
  const at = ws.interactions.findIndex((i) => i.from === from && i.to === to);
  next.splice(at < 0 ? next.length : at, 0, { ...op.interaction });
  ws.interactions = next;
  return null;
}
