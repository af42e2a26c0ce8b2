import { z } from 'zod';
import { IdSchema } from '../schema/common';
import { describePersonRecord, type OpError, personNotFound, teamNotFound } from './op-error';
import type { OpWorkspace } from './workspace';

/** `assignTeam`: the person becomes a member of `teamId` (`null`: of no team). */
export const AssignTeamOpSchema = z.strictObject({
  type: z.literal('assignTeam'),
  personId: IdSchema,
  teamId: IdSchema.nullable(),
});
/** A validated `assignTeam` op. */
export type AssignTeamOp = z.infer<typeof AssignTeamOpSchema>;

/** Applies an `assignTeam` op. Refuses: `not_found` for an unknown person or team. Cost: O(1). */
export function applyAssignTeam(ws: OpWorkspace, op: AssignTeamOp): OpError | null {
  const row = ws.personRow(op.personId);
  if (row < 0) return personNotFound(op.personId, 'the person to assign');
  if (op.teamId !== null && ws.teamRow(op.teamId) < 0) {
    return teamNotFound(op.teamId, `the new team of ${describePersonRecord(ws.person(row))}`);
  }
  ws.setTeam(row, op.teamId);
  return null;
}
