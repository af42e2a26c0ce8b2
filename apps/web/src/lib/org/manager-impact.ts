import type { ManagerImpact, OrgDiff } from '@reorg/model';

/** "What changes for me", in lines an EM reads: their own manager, who joins, who leaves, their teams. */
export interface ImpactLines {
  ownManager: string | null;
  joining: string[];
  leaving: string[];
  teams: string[];
}

const TEAM_WORDS: Record<ManagerImpact['teamChanges'][number]['change'], string> = {
  created: 'is new',
  removed: 'is removed',
  gained: 'is now yours',
  lost: 'is no longer yours',
  kept: 'changes',
};

/**
 * What the diff changes for `managerId` (anyone: a person who only moved gets their own
 * manager line). `nameOf` names an id (scenario first, then baseline); `null` when nothing
 * changes for them.
 */
export function impactLines(
  diff: OrgDiff,
  managerId: string,
  nameOf: (id: string | null) => string,
): ImpactLines | null {
  const impact = diff.byManager.find((m) => m.managerId === managerId);
  const moved = diff.people.managerChanged.find((c) => c.id === managerId);
  if (!impact && !moved) return null;
  const own = impact?.ownManagerChanged ?? (moved ? { from: moved.from, to: moved.to } : undefined);
  const movedTo = new Map(diff.people.managerChanged.map((c) => [c.id, c.to]));
  const removed = new Set(diff.people.removed.map((p) => p.id));
  const movedFrom = new Map(diff.people.managerChanged.map((c) => [c.id, c.from]));
  return {
    ownManager: own ? `You now report to ${nameOf(own.to)} (was ${nameOf(own.from)})` : null,
    joining: (impact?.gained ?? []).map((id) => {
      const from = movedFrom.get(id);
      return from === undefined ? `${nameOf(id)} (new)` : `${nameOf(id)} (from ${nameOf(from)})`;
    }),
    leaving: (impact?.lost ?? []).map((id) => {
      if (removed.has(id)) return `${nameOf(id)} (leaves the org)`;
      const to = movedTo.get(id);
      return to === undefined ? nameOf(id) : `${nameOf(id)} (to ${nameOf(to)})`;
    }),
    teams: (impact?.teamChanges ?? []).map((t) => {
      const moves = [t.joined.length && `${t.joined.length} join`, t.left.length && `${t.left.length} leave`]
        .filter(Boolean)
        .join(', ');
      return `${t.name} ${TEAM_WORDS[t.change]}${moves ? `: ${moves}` : ''}`;
    }),
  };
}
