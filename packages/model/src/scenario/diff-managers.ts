import type { TeamMaps } from './diff-orgs';
import type { ManagerImpact, ManagerTeamChange, OrgDiff } from './diff-schema';
import type { PeopleMatch } from './diff-side';

type PeopleDiff = OrgDiff['people'];
type TeamsDiff = Pick<OrgDiff['teams'], 'added' | 'removed' | 'changed'>;

/** Impact rows by manager id, made on first mention; ids that are nobody are dropped at the end. */
class Impacts {
  readonly byId = new Map<string, ManagerImpact>();

  get(id: string | null): ManagerImpact | undefined {
    if (id === null) return undefined;
    let row = this.byId.get(id);
    if (!row) {
      row = {
        managerId: id,
        name: undefined,
        gained: [],
        lost: [],
        ownManagerChanged: undefined,
        teamChanges: [],
        changed: 0,
      };
      this.byId.set(id, row);
    }
    return row;
  }
}

/**
 * Ids of `candidates` that have a direct report in either org. A report in `after` either kept
 * their manager (so was one in `before` too), changed manager, or is new: one pass over `before`.
 */
function managersAmong(m: PeopleMatch, people: PeopleDiff, candidates: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  if (candidates.size === 0) return found;
  const B = m.before;
  for (let i = 0; i < B.length; i++) {
    const id = B[i].managerId;
    if (id !== null && candidates.has(id)) found.add(id);
  }
  for (const c of people.managerChanged) if (c.to !== null && candidates.has(c.to)) found.add(c.to);
  for (const p of people.added) {
    if (p.managerId !== null && candidates.has(p.managerId)) found.add(p.managerId);
  }
  return found;
}

function addReportingChanges(rows: Impacts, m: PeopleMatch, people: PeopleDiff): void {
  for (const c of people.managerChanged) {
    rows.get(c.from)?.lost.push(c.id);
    rows.get(c.to)?.gained.push(c.id);
  }
  for (const p of people.added) rows.get(p.managerId)?.gained.push(p.id);
  for (const p of people.removed) rows.get(p.managerId)?.lost.push(p.id);
  const moved = new Map(people.managerChanged.map((c) => [c.id, c]));
  for (const id of managersAmong(m, people, new Set(moved.keys()))) {
    const c = moved.get(id)!;
    rows.get(id)!.ownManagerChanged = { from: c.from, to: c.to };
  }
}

function push(m: Map<string, string[]>, key: string | null, id: string): void {
  if (key === null) return;
  const list = m.get(key);
  if (list) list.push(id);
  else m.set(key, [id]);
}

function addTeamChanges(rows: Impacts, maps: TeamMaps, people: PeopleDiff, teams: TeamsDiff): void {
  const joined = new Map<string, string[]>();
  const left = new Map<string, string[]>();
  for (const c of people.teamChanged) {
    push(left, c.from, c.id);
    push(joined, c.to, c.id);
  }
  for (const p of people.added) push(joined, p.teamId, p.id);
  for (const p of people.removed) push(left, p.teamId, p.id);
  const fields = new Map(teams.changed.map((c) => [c.id, c.fields]));
  const touched = new Set([...joined.keys(), ...left.keys(), ...fields.keys()]);
  for (const t of teams.added) touched.add(t.id);
  for (const t of teams.removed) touched.add(t.id);
  const visit = (teamId: string) => {
    if (!touched.has(teamId)) return;
    const tb = maps.before.get(teamId);
    const ta = maps.after.get(teamId);
    const name = (ta ?? tb)!.name;
    const j = joined.get(teamId) ?? [];
    const l = left.get(teamId) ?? [];
    const f = fields.get(teamId) ?? [];
    const add = (managerId: string | null, change: ManagerTeamChange['change']) =>
      rows.get(managerId)?.teamChanges.push({ teamId, name, change, joined: j, left: l, fields: f });
    if (!tb) add(ta!.managerId, 'created');
    else if (!ta) add(tb.managerId, 'removed');
    else if (tb.managerId !== ta.managerId) {
      add(tb.managerId, 'lost');
      add(ta.managerId, 'gained');
    } else add(ta.managerId, 'kept');
  };
  for (const id of maps.before.keys()) visit(id);
  for (const id of maps.after.keys()) if (!maps.before.has(id)) visit(id);
}

/**
 * Per manager, "what changes for me and my team" (DOMAIN.md): direct reports gained and lost,
 * the manager's own manager change, and the teams they lead (before or after) that were created,
 * removed, handed over, or that people joined or left. Rows by manager id, unnamed: every manager
 * id a change mentions (including both ends of every manager change); {@link finishManagerImpacts}
 * names them and keeps those who are someone.
 */
export function collectManagerImpacts(
  m: PeopleMatch,
  maps: TeamMaps,
  people: PeopleDiff,
  teams: TeamsDiff,
): Map<string, ManagerImpact> {
  const rows = new Impacts();
  addReportingChanges(rows, m, people);
  addTeamChanges(rows, maps, people, teams);
  return rows.byId;
}

/**
 * The rows of managers found in either org (`found`: id → record), named, with `changed` counted;
 * most changes first, then by id.
 */
export function finishManagerImpacts(
  rows: ReadonlyMap<string, ManagerImpact>,
  found: ReadonlyMap<string, { name?: string }>,
): ManagerImpact[] {
  const list: ManagerImpact[] = [];
  for (const r of rows.values()) {
    const p = found.get(r.managerId);
    if (!p) continue;
    const changed =
      r.gained.length +
      r.lost.length +
      (r.ownManagerChanged ? 1 : 0) +
      r.teamChanges.reduce((n, t) => n + t.joined.length + t.left.length, 0);
    r.name = p.name;
    r.changed = changed;
    list.push(r);
  }
  return list.sort((x, y) => y.changed - x.changed || (x.managerId < y.managerId ? -1 : 1));
}
