import { z } from 'zod';
import { IdSchema } from '../schema/common';
import { DomainSchema, TEAM_KINDS, TEAM_TYPES, TeamSchema } from '../schema/team';
import { checkGroupLoop, checkTeamLinks } from './add-team';
import { describeTeamRecord, formatIssues, type OpError, opError, teamNotFound } from './op-error';
import type { OpWorkspace } from './workspace';

/**
 * The fields `updateTeam` may change: name, kind, type, manager (`null`: none), group
 * (`parentId`, `null`: none) and domains (replaced as a whole). The id cannot change.
 */
export const TeamChangesSchema = z.strictObject({
  name: z.string().min(1).optional(),
  kind: z.enum(TEAM_KINDS).optional(),
  type: z.enum(TEAM_TYPES).optional(),
  managerId: IdSchema.nullable().optional(),
  parentId: IdSchema.nullable().optional(),
  domains: z.array(z.strictObject(DomainSchema.shape)).optional(),
  id: z
    .never({ error: "a team's id cannot change: add a new team and merge the old one into it" })
    .optional(),
});
/** A validated set of team changes. */
export type TeamChanges = z.infer<typeof TeamChangesSchema>;

/** `updateTeam`: changes a team's name, type, kind, manager, group or domains. */
export const UpdateTeamOpSchema = z.strictObject({
  type: z.literal('updateTeam'),
  teamId: IdSchema,
  changes: TeamChangesSchema,
});
/** A validated `updateTeam` op. */
export type UpdateTeamOp = z.infer<typeof UpdateTeamOpSchema>;

/**
 * Applies an `updateTeam` op. Refuses: `not_found` for an unknown team, manager or group; `cycle`
 * when the team would end up inside itself through its groups; `invalid_result` when the updated
 * team fails {@link TeamSchema}. Cost: O(group depth).
 */
export function applyUpdateTeam(ws: OpWorkspace, op: UpdateTeamOp): OpError | null {
  const row = ws.teamRow(op.teamId);
  if (row < 0) return teamNotFound(op.teamId, 'the team to update');
  const team = ws.team(row);
  const { id: _id, ...changes } = op.changes;
  const next = { ...team };
  for (const [key, value] of Object.entries(changes)) {
    if (value !== undefined) (next as Record<string, unknown>)[key] = value;
  }
  const label = describeTeamRecord(team);
  const linkErr = checkTeamLinks(
    ws,
    team.id,
    label,
    changes.managerId === undefined ? null : changes.managerId,
    changes.parentId === undefined ? null : changes.parentId,
  );
  if (linkErr) return linkErr;
  const checked = TeamSchema.safeParse(next);
  if (!checked.success)
    return opError('invalid_result', `Cannot update ${label}: ${formatIssues(checked.error)}.`);
  const target = ws.teams.edit(row);
  Object.assign(target, next, next.domains === team.domains ? {} : { domains: [...next.domains] });
  return changes.parentId ? checkGroupLoop(ws, row) : null;
}
