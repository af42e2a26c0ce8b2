import { z } from 'zod';
import { IdSchema } from '../schema/common';
import type { Interaction } from '../schema/team';
import { describeTeamRecord, type OpError, opError, teamNotFound } from './op-error';
import type { OpWorkspace } from './workspace';

/**
 * `mergeTeams`: merges the teams `teamIds` into `into`, which must be one of them. Members of the
 * other teams join `into`; teams inside them move into `into`; their interactions are re-pointed
 * to `into` (a pair listed twice is kept once, an interaction of `into` with itself is dropped);
 * then the other teams are removed. `into` keeps its own name, type, manager and domains.
 */
export const MergeTeamsOpSchema = z.strictObject({
  type: z.literal('mergeTeams'),
  teamIds: z.array(IdSchema).min(1, 'list the teams to merge'),
  into: IdSchema,
});
/** A validated `mergeTeams` op. */
export type MergeTeamsOp = z.infer<typeof MergeTeamsOpSchema>;

/**
 * Applies a `mergeTeams` op. Refuses: `invalid_op` when a team is listed twice; `invalid_target`
 * when `into` is not among `teamIds`, or is the only one (a team merged into itself);
 * `not_found` for an unknown team; `cycle` when a team inside a merged group contains `into`
 * (moving it into `into` would make the groups loop). Cost: O(members + teams + interactions),
 * plus O(n) once per batch to index team members.
 */
export function applyMergeTeams(ws: OpWorkspace, op: MergeTeamsOp): OpError | null {
  if (new Set(op.teamIds).size !== op.teamIds.length) {
    return opError(
      'invalid_op',
      `Malformed mergeTeams op: a team is listed twice (${op.teamIds.join(', ')}).`,
    );
  }
  if (!op.teamIds.includes(op.into)) {
    return opError(
      'invalid_target',
      `Cannot merge into "${op.into}": it must be one of the teams being merged (${op.teamIds.join(', ')}).`,
    );
  }
  if (op.teamIds.length === 1) {
    return opError(
      'invalid_target',
      `Cannot merge team "${op.into}" into itself: list at least one other team.`,
    );
  }
  for (const id of op.teamIds) if (ws.teamRow(id) < 0) return teamNotFound(id, 'a team to merge');
  const intoRow = ws.teamRow(op.into);
  const gone = new Set(op.teamIds.filter((id) => id !== op.into));
  for (const id of gone) for (const r of ws.memberRows(id)) ws.setTeam(r, op.into);
  // `into` leaves any merged group it was in, for the nearest group that stays.
  let up = ws.team(intoRow).parentId;
  if (up !== null && gone.has(up)) {
    for (let steps = ws.teams.length; up !== null && gone.has(up) && steps > 0; steps--) {
      const r = ws.teamRow(up);
      up = r < 0 ? null : ws.team(r).parentId;
    }
    if (up === op.into || (up !== null && (gone.has(up) || ws.teamRow(up) < 0))) up = null;
    ws.teams.edit(intoRow).parentId = up;
  }
  for (const id of gone) ws.teams.remove(id);
  let loop: OpError | null = null;
  ws.teams.forEach((t, r) => {
    if (t.parentId === null || !gone.has(t.parentId) || loop) return;
    if (t.id === op.into) {
      // An older record of a duplicated `into` id: it follows `into` out of the group.
      ws.teams.edit(r).parentId = up !== null && ws.teamRow(up) >= 0 ? up : null;
      return;
    }
    if (ws.isTeamWithin(op.into, t.id)) {
      loop = opError(
        'cycle',
        `Cannot merge into ${describeTeamRecord(ws.team(intoRow))}: it sits inside ${describeTeamRecord(t)}, which would move into it, so the groups would loop.`,
      );
      return;
    }
    ws.teams.edit(r).parentId = op.into;
  });
  if (loop) return loop;
  ws.interactions = repointInteractions(ws.interactions, gone, op.into);
  return null;
}

/** Re-points interactions of the `gone` teams to `into`, dropping self-interactions and repeated pairs with `into` (the first is kept). */
function repointInteractions(list: Interaction[], gone: ReadonlySet<string>, into: string): Interaction[] {
  if (!list.some((i) => gone.has(i.from) || gone.has(i.to))) return list;
  const seen = new Set<string>();
  const out: Interaction[] = [];
  for (const i of list) {
    const from = gone.has(i.from) ? into : i.from;
    const to = gone.has(i.to) ? into : i.to;
    if (from === to) continue;
    if (from === into || to === into) {
      const key = JSON.stringify([from, to]);
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push(from === i.from && to === i.to ? i : { ...i, from, to });
  }
  return out;
}
