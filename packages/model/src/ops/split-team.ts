import { z } from 'zod';
import { IdSchema } from '../schema/common';
import { TeamSchema } from '../schema/team';
import { checkGroupLoop, checkTeamLinks } from './add-team';
import {
  describePersonRecord,
  describeTeamRecord,
  type OpError,
  opError,
  personNotFound,
  teamNotFound,
} from './op-error';
import type { OpWorkspace } from './workspace';

/**
 * `splitTeam`: creates `newTeam` (a {@link TeamSchema} input; without a `parentId` it joins the
 * split team's group) and moves `memberIds`, who must be members of `teamId`, into it.
 */
export const SplitTeamOpSchema = z.strictObject({
  type: z.literal('splitTeam'),
  teamId: IdSchema,
  newTeam: z.strictObject({ ...TeamSchema.shape, parentId: IdSchema.nullable().optional() }),
  memberIds: z.array(IdSchema).refine((ids) => new Set(ids).size === ids.length, 'a person is listed twice'),
});
/** A validated `splitTeam` op. */
export type SplitTeamOp = z.infer<typeof SplitTeamOpSchema>;

/**
 * Applies a `splitTeam` op. Refuses: `not_found` for an unknown team, member, manager or group;
 * `duplicate_id` when the new team's id is taken; `invalid_target` for a person who is not a
 * member of the split team; `cycle` when the new team would be its own group. Cost: O(members moved).
 */
export function applySplitTeam(ws: OpWorkspace, op: SplitTeamOp): OpError | null {
  const row = ws.teamRow(op.teamId);
  if (row < 0) return teamNotFound(op.teamId, 'the team to split');
  const source = ws.team(row);
  const parentId = op.newTeam.parentId === undefined ? source.parentId : op.newTeam.parentId;
  const newTeam = { ...op.newTeam, parentId, domains: [...op.newTeam.domains] };
  const label = describeTeamRecord(newTeam);
  const taken = ws.teamRow(newTeam.id);
  if (taken >= 0) {
    return opError(
      'duplicate_id',
      `Cannot split ${describeTeamRecord(source)} into ${label}: the id "${newTeam.id}" is already used by ${describeTeamRecord(ws.team(taken))}.`,
    );
  }
  const linkErr = checkTeamLinks(ws, newTeam.id, label, newTeam.managerId, parentId);
  if (linkErr) return linkErr;
  const rows: number[] = [];
  for (const id of op.memberIds) {
    const r = ws.personRow(id);
    if (r < 0) return personNotFound(id, `a member to move to ${label}`);
    if (ws.person(r).teamId !== op.teamId) {
      return opError(
        'invalid_target',
        `Cannot move ${describePersonRecord(ws.person(r))} to ${label}: they are not a member of ${describeTeamRecord(source)}.`,
      );
    }
    rows.push(r);
  }
  const newRow = ws.teams.push(newTeam);
  for (const r of rows) ws.setTeam(r, newTeam.id);
  return checkGroupLoop(ws, newRow);
}
