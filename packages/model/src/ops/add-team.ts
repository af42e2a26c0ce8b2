import { z } from 'zod';
import { TeamSchema } from '../schema/team';
import { describeTeamRecord, type OpError, opError, personNotFound, teamNotFound } from './op-error';
import type { OpWorkspace } from './workspace';

/** `addTeam`: adds a team or a group of teams (any {@link TeamSchema} input; defaults filled in). */
export const AddTeamOpSchema = z.strictObject({
  type: z.literal('addTeam'),
  team: z.strictObject(TeamSchema.shape),
});
/** A validated `addTeam` op. */
export type AddTeamOp = z.infer<typeof AddTeamOpSchema>;

/**
 * Applies an `addTeam` op. Refuses: `duplicate_id` when the team id is taken; `not_found` for an
 * unknown manager or parent group; `cycle` for a team that would be its own group (directly, or
 * through teams that already named this id as their group). Cost: O(1), O(groups depth) for the loop check.
 */
export function applyAddTeam(ws: OpWorkspace, op: AddTeamOp): OpError | null {
  const t = op.team;
  const label = describeTeamRecord(t);
  const existing = ws.teamRow(t.id);
  if (existing >= 0) {
    return opError(
      'duplicate_id',
      `Cannot add ${label}: the id "${t.id}" is already used by ${describeTeamRecord(ws.team(existing))}.`,
    );
  }
  const err = checkTeamLinks(ws, t.id, label, t.managerId, t.parentId);
  if (err) return err;
  const row = ws.teams.push({ ...t, domains: [...t.domains] });
  return checkGroupLoop(ws, row);
}

/** Checks the manager and parent group a team would have: both must exist; a team cannot contain itself. */
export function checkTeamLinks(
  ws: OpWorkspace,
  teamId: string,
  label: string,
  managerId: string | null,
  parentId: string | null,
): OpError | null {
  if (managerId !== null && ws.personRow(managerId) < 0) {
    return personNotFound(managerId, `the manager of ${label}`);
  }
  if (parentId === null) return null;
  if (parentId === teamId) return opError('cycle', `${label} cannot be its own group.`);
  if (ws.teamRow(parentId) < 0) return teamNotFound(parentId, `the group of ${label}`);
  return null;
}

/** A `cycle` error when the group of team `row` is, through its own groups, the team itself. */
export function checkGroupLoop(ws: OpWorkspace, row: number): OpError | null {
  const team = ws.team(row);
  if (team.parentId === null) return null;
  const parentRow = ws.teamRow(team.parentId);
  if (parentRow < 0 || !ws.isTeamWithin(team.parentId, team.id)) return null;
  return opError(
    'cycle',
    `${describeTeamRecord(team)} cannot belong to ${describeTeamRecord(ws.team(parentRow))}: that group is itself inside ${team.name}, so the groups would loop.`,
  );
}
