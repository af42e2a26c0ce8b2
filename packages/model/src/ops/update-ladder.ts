import { z } from 'zod';
import { LadderSchema } from '../schema/ladder';
import type { OpError } from './op-error';
import type { OpWorkspace } from './workspace';

/**
 * `updateLadder`: replaces the org's career ladder (a {@link LadderSchema} input). People whose
 * level is no longer in the ladder are not refused: the analysis reports them (`ladder.level_unknown`).
 */
export const UpdateLadderOpSchema = z.strictObject({
  type: z.literal('updateLadder'),
  ladder: LadderSchema,
});
/** A validated `updateLadder` op. */
export type UpdateLadderOp = z.infer<typeof UpdateLadderOpSchema>;

/** Applies an `updateLadder` op. Never refuses a valid op. Cost: O(1). */
export function applyUpdateLadder(ws: OpWorkspace, op: UpdateLadderOp): OpError | null {
  ws.ladder = op.ladder;
  return null;
}
