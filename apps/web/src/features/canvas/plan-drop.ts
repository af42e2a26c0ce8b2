import type { Op } from '@reorg/model';
import { getDisplayName } from '../../lib/org/display-name';
import { getManagerId, getSubtreeSize, isUnder, type OrgIndex } from '../../lib/org/org-index';

/** What dropping something on a person would do. */
export type DropPlan = { ok: true; ops: Op[]; label: string } | { ok: false; reason: string };

function nameOf(index: OrgIndex, id: string): string {
  const p = index.byId.get(id);
  return getDisplayName(p) || id;
}

/**
 * Dropping person `dragged` on `target`: a `changeManager` with their reports (or, with
 * `alone`, without them: the reports move up to the person's former manager). Refused, with a
 * reason a director understands, when it would loop, change nothing or target an aggregate.
 */
export function planPersonDrop(index: OrgIndex, dragged: string, target: string, alone: boolean): DropPlan {
  const person = index.byId.get(dragged);
  const manager = index.byId.get(target);
  if (!person || !manager) return { ok: false, reason: 'That person is no longer in the org.' };
  if (dragged === target)
    return { ok: false, reason: 'Drop on another person to change who they report to.' };
  if (manager.aggregate)
    return { ok: false, reason: `${nameOf(index, target)} is a group of posts, not a manager.` };
  if (!alone && isUnder(index, target, dragged)) {
    return {
      ok: false,
      reason: `${nameOf(index, target)} reports to ${nameOf(index, dragged)}; hold Shift to move ${nameOf(index, dragged)} alone.`,
    };
  }
  if (getManagerId(index, dragged) === target)
    return { ok: false, reason: `${nameOf(index, dragged)} already reports to ${nameOf(index, target)}.` };
  const below = getSubtreeSize(index, dragged);
  const what = alone || below === 0 ? nameOf(index, dragged) : `${nameOf(index, dragged)} and ${below} below`;
  return {
    ok: true,
    ops: [{ type: 'changeManager', personId: dragged, managerId: target, withReports: !alone }],
    label: `Move ${what} under ${nameOf(index, target)}`,
  };
}

/** Dropping team `teamId` on `target`: a `moveTeam` (the team's manager and everyone below them). */
export function planTeamDrop(index: OrgIndex, teamId: string, target: string): DropPlan {
  const team = index.teamsById.get(teamId);
  if (!team) return { ok: false, reason: 'That team is no longer in the org.' };
  if (!team.managerId)
    return { ok: false, reason: `${team.name} has no manager; move its people one by one.` };
  const manager = index.byId.get(target);
  if (!manager) return { ok: false, reason: 'Drop the team on a person.' };
  if (isUnder(index, target, team.managerId))
    return { ok: false, reason: `${nameOf(index, target)} is in ${team.name}'s own reporting line.` };
  if (getManagerId(index, team.managerId) === target)
    return { ok: false, reason: `${team.name} already reports to ${nameOf(index, target)}.` };
  return {
    ok: true,
    ops: [{ type: 'moveTeam', teamId, managerId: target }],
    label: `Move team ${team.name} under ${nameOf(index, target)}`,
  };
}
