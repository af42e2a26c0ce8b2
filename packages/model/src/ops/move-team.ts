import { z } from 'zod';
import { IdSchema } from '../schema/common';
import { applyChangeManager } from './change-manager';
import { describeTeamRecord, type OpError, opError, teamNotFound } from './op-error';
import type { OpWorkspace } from './workspace';

/**
 * `moveTeam`: the team's manager, and so the team with everyone below that manager, now reports
 * to `managerId`. The team's `parentId` (its group) is left as it is.
 */
export const MoveTeamOpSchema = z.strictObject({
  type: z.literal('moveTeam'),
  teamId: IdSchema,
  managerId: IdSchema,
});
/** A validated `moveTeam` op. */
export type MoveTeamOp = z.infer<typeof MoveTeamOpSchema>;

/**
 * Applies a `moveTeam` op: a `changeManager` of the team's manager, with their reports.
 * Refuses: `not_found` for an unknown team, team manager or new manager; `invalid_target` for a
 * team without a manager; otherwise the refusals of `changeManager` (`cycle`, `invalid_target`).
 * Cost: O(depth).
 */
export function applyMoveTeam(ws: OpWorkspace, op: MoveTeamOp): OpError | null {
  const teamRow = ws.teamRow(op.teamId);
  if (teamRow < 0) return teamNotFound(op.teamId, 'the team to move');
  const team = ws.team(teamRow);
  if (team.managerId === null) {
    return opError(
      'invalid_target',
      `Cannot move ${describeTeamRecord(team)}: the team has no manager; move its people one by one or set a manager first.`,
    );
  }
  const err = applyChangeManager(ws, {
    type: 'changeManager',
    personId: team.managerId,
    managerId: op.managerId,
    withReports: true,
  });
  if (err?.code === 'not_found' && ws.personRow(team.managerId) < 0) {
    return opError(
      'not_found',
      `Cannot move ${describeTeamRecord(team)}: its manager "${team.managerId}" is not a person in the org.`,
    );
  }
  return err;
}
