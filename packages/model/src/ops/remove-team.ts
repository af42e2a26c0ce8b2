import { z } from 'zod';
import { IdSchema } from '../schema/common';
import { type OpError, teamNotFound } from './op-error';
import type { OpWorkspace } from './workspace';

/**
 * `removeTeam`: removes a team (every record with that id). Its members become unassigned, teams
 * in it move up to its own group, and its interactions are removed.
 */
export const RemoveTeamOpSchema = z.strictObject({
  type: z.literal('removeTeam'),
  teamId: IdSchema,
});
/** A validated `removeTeam` op. */
export type RemoveTeamOp = z.infer<typeof RemoveTeamOpSchema>;

/**
 * Applies a `removeTeam` op. Refuses: `not_found` for an unknown team. Cost: O(members + teams +
 * interactions), plus O(n) once per batch to index team members.
 */
export function applyRemoveTeam(ws: OpWorkspace, op: RemoveTeamOp): OpError | null {
  const row = ws.teamRow(op.teamId);
  if (row < 0) return teamNotFound(op.teamId, 'the team to remove');
  const team = ws.team(row);
  const up =
    team.parentId !== null && team.parentId !== team.id && ws.teamRow(team.parentId) >= 0
      ? team.parentId
      : null;
  for (const r of ws.memberRows(op.teamId)) ws.setTeam(r, null);
  ws.teams.forEach((t, r) => {
    if (t.parentId !== op.teamId || t.id === op.teamId) return;
    // In an org whose groups already loop, moving up could close a loop: then the team goes to the top.
    ws.teams.edit(r).parentId = up !== null && !ws.isTeamWithin(up, t.id) ? up : null;
  });
  removeInteractionsOf(ws, new Set([op.teamId]));
  ws.teams.remove(op.teamId);
  return null;
}

/** Removes every interaction from or to one of `teamIds`. */
export function removeInteractionsOf(ws: OpWorkspace, teamIds: ReadonlySet<string>): void {
  const kept = ws.interactions.filter((i) => !teamIds.has(i.from) && !teamIds.has(i.to));
  if (kept.length !== ws.interactions.length) ws.interactions = kept;
}
