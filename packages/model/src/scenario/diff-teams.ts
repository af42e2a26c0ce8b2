import type { Team } from '../schema/team';
import type { TeamFieldsChange, TeamMerge, TeamSplit } from './diff-schema';

/**
 * Counts, during the people passes of a diff, the members of removed teams (in `before`) and of
 * added teams (in `after`), and where the people who changed team went from and to.
 */
export class TeamFlows {
  private readonly beforeCounts = new Map<string, number>();
  private readonly afterCounts = new Map<string, number>();
  /** Removed team → team in `after` (null = none) → people who moved that way. */
  readonly outOfRemoved = new Map<string, Map<string | null, number>>();
  /** Added team → team in `before` (null = none) → people who moved that way. */
  readonly intoAdded = new Map<string, Map<string | null, number>>();

  constructor(
    readonly removed: ReadonlySet<string>,
    readonly added: ReadonlySet<string>,
  ) {}

  watchesBefore(): boolean {
    return this.removed.size > 0;
  }
  watchesAfter(): boolean {
    return this.added.size > 0;
  }
  countBefore(teamId: string): void {
    if (this.removed.has(teamId)) this.beforeCounts.set(teamId, (this.beforeCounts.get(teamId) ?? 0) + 1);
  }
  countAfter(teamId: string): void {
    if (this.added.has(teamId)) this.afterCounts.set(teamId, (this.afterCounts.get(teamId) ?? 0) + 1);
  }
  membersBefore(teamId: string): number {
    return this.beforeCounts.get(teamId) ?? 0;
  }
  membersAfter(teamId: string): number {
    return this.afterCounts.get(teamId) ?? 0;
  }
  /** Records one person (in both orgs) moving from team `from` to team `to`. */
  move(from: string | null, to: string | null): void {
    if (from !== null && this.removed.has(from)) bump(this.outOfRemoved, from, to);
    if (to !== null && this.added.has(to)) bump(this.intoAdded, to, from);
  }
}

function bump(m: Map<string, Map<string | null, number>>, key: string, sub: string | null): void {
  let inner = m.get(key);
  if (!inner) m.set(key, (inner = new Map()));
  inner.set(sub, (inner.get(sub) ?? 0) + 1);
}

const TEAM_FIELDS = ['name', 'kind', 'type', 'managerId', 'parentId', 'domains'] as const;

function sameValue(x: unknown, y: unknown): boolean {
  if (x === y) return true;
  if (Array.isArray(x) && Array.isArray(y) && x.length === 0 && y.length === 0) return true;
  return typeof x === 'object' && JSON.stringify(x) === JSON.stringify(y);
}

/** Teams added, removed and changed (own fields), and the flow counter for the people passes. */
export function diffTeamRecords(
  before: ReadonlyMap<string, Team>,
  after: ReadonlyMap<string, Team>,
): { added: Team[]; removed: Team[]; changed: TeamFieldsChange[]; flows: TeamFlows } {
  const added: Team[] = [];
  const removed: Team[] = [];
  const changed: TeamFieldsChange[] = [];
  for (const [id, t] of before) {
    const u = after.get(id);
    if (!u) {
      removed.push(t);
      continue;
    }
    if (t === u) continue;
    const fields = TEAM_FIELDS.filter((f) => !sameValue(t[f], u[f]));
    if (fields.length === 0) continue;
    const from: Record<string, unknown> = {};
    const to: Record<string, unknown> = {};
    for (const f of fields) {
      from[f] = t[f];
      to[f] = u[f];
    }
    changed.push({ id, name: u.name, fields, from, to });
  }
  for (const [id, u] of after) if (!before.has(id)) added.push(u);
  const flows = new TeamFlows(new Set(removed.map((t) => t.id)), new Set(added.map((t) => t.id)));
  return { added, removed, changed, flows };
}

/** The key holding more than half of `total`, or undefined. */
function majority(counts: Map<string | null, number> | undefined, total: number): string | null | undefined {
  if (!counts || total === 0) return undefined;
  for (const [k, n] of counts) if (n * 2 > total) return k;
  return undefined;
}

function group(pairs: Array<[string, string]>): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const [k, v] of pairs) {
    const list = m.get(k);
    if (list) list.push(v);
    else m.set(k, [v]);
  }
  return m;
}

/**
 * Classifies removed and added teams as merges and splits (rules in {@link diffOrgs}'s TSDoc).
 * Output order follows the teams of `after` for merges and of `before` for splits.
 */
export function detectMergesAndSplits(
  before: ReadonlyMap<string, Team>,
  after: ReadonlyMap<string, Team>,
  flows: TeamFlows,
): { merged: TeamMerge[]; split: TeamSplit[] } {
  const mergePairs: Array<[string, string]> = [];
  for (const r of flows.removed) {
    const into = majority(flows.outOfRemoved.get(r), flows.membersBefore(r));
    if (typeof into === 'string' && after.has(into)) mergePairs.push([into, r]);
  }
  const merges = group(mergePairs);
  const merged: TeamMerge[] = [];
  const mergedAway = new Set<string>();
  for (const [into, from] of merges) {
    if (flows.added.has(into) && from.length < 2) continue; // one team renamed, not a merge
    merged.push({
      into,
      intoName: after.get(into)!.name,
      from,
      fromNames: from.map((f) => before.get(f)!.name),
    });
    for (const f of from) mergedAway.add(f);
  }

  const splitPairs: Array<[string, string]> = [];
  for (const n of flows.added) {
    const from = majority(flows.intoAdded.get(n), flows.membersAfter(n));
    if (typeof from === 'string' && before.has(from) && !mergedAway.has(from)) splitPairs.push([from, n]);
  }
  const split: TeamSplit[] = [];
  for (const [from, into] of group(splitPairs)) {
    if (!after.has(from) && into.length < 2) continue; // removed and replaced by one team: a rename
    split.push({
      from,
      fromName: before.get(from)!.name,
      into,
      intoNames: into.map((t) => after.get(t)!.name),
    });
  }
  return { merged: inOrder(merged, after, (x) => x.into), split: inOrder(split, before, (x) => x.from) };
}

/** `items` in the order of their keys in `m` (one pass over `m`'s keys when there are two or more). */
function inOrder<T>(items: T[], m: ReadonlyMap<string, unknown>, key: (x: T) => string): T[] {
  if (items.length < 2) return items;
  const byKey = new Map(items.map((x) => [key(x), x]));
  const out: T[] = [];
  for (const k of m.keys()) {
    const x = byKey.get(k);
    if (x) out.push(x);
  }
  return out;
}
