import { z } from 'zod';
import { IdSchema } from '../schema/common';
import { type OpError, opError } from './op-error';
import type { OpWorkspace } from './workspace';

/** `removeInteraction`: removes the interaction from team `from` to team `to`. */
export const RemoveInteractionOpSchema = z.strictObject({
  type: z.literal('removeInteraction'),
  from: IdSchema,
  to: IdSchema,
});
/** A validated `removeInteraction` op. */
export type RemoveInteractionOp = z.infer<typeof RemoveInteractionOpSchema>;

/**
 * Applies a `removeInteraction` op (every interaction of that `from` → `to` pair). Refuses:
 * `not_found` when there is no such interaction. Cost: O(interactions).
 */
export function applyRemoveInteraction(ws: OpWorkspace, op: RemoveInteractionOp): OpError | null {
  const next = ws.interactions.filter((i) => i.from !== op.from || i.to !== op.to);
  if (next.length === ws.interactions.length) {
    return opError('not_found', `There is no interaction from team "${op.from}" to team "${op.to}".`);
  }
  ws.interactions = next;
  return null;
}
