import type { ManagerImpact, ManagerTeamChange, OrgDiff } from './diff-schema';
import { type DiffSide, findPerson } from './diff-side';

type PeopleDiff = OrgDiff['people'];
type TeamsDiff = Pick<OrgDiff['teams'], 'added' | 'removed' | 'changed'>;

class Impacts {
  readonly byId = new Map<string, ManagerImpact>();
  constructor(
    private readonly b: DiffSide,
    private readonly a: DiffSide,
  ) {}

  /** The impact row of manager `id`, or undefined for null or an id that is nobody in either org. */
  get(id: string | null): ManagerImpact | undefined {
    if (id === null) return undefined;
    let row = this.byId.get(id);
    if (row) return row;
    const p = findPerson(this.b, this.a, id);
    if (!p) return undefined;
    row = { managerId: id, gained: [], lost: [], teamChanges: [], changed: 0 };
    if (p.name !== undefined) row.name = p.name;
    this.byId.set(id, row);
    return row;
  }
}

/** Ids of `candidates` that have a direct report in either org (one pass per side). */
function managersAmong(b: DiffSide, a: DiffSide, candidates: ReadonlySet<string>): Set<string> {
  const found = new Set<string>();
  if (candidates.size === 0) return found;
  for (const people of [b.people, a.people]) {
    for (let i = 0; i < people.length; i++) {
      const m = people[i].managerId;
      if (m !== null && candidates.has(m)) found.add(m);
    }
  }
  return found;
}

function addReportingChanges(rows: Impacts, b: DiffSide, a: DiffSide, people: PeopleDiff): void {
  for (const c of people.managerChanged) {
    rows.get(c.from)?.lost.push(c.id);
    rows.get(c.to)?.gained.push(c.id);
  }
  for (const p of people.added) rows.get(p.managerId)?.gained.push(p.id);
  for (const p of people.removed) rows.get(p.managerId)?.lost.push(p.id);
  const moved = new Map(people.managerChanged.map((c) => [c.id, c]));
  for (const id of managersAmong(b, a, new Set(moved.keys()))) {
    const c = moved.get(id)!;
    const row = rows.get(id);
    if (row) row.ownManagerChanged = { from: c.from, to: c.to };
  }
}

function push(m: Map<string, string[]>, key: string | null, id: string): void {
  if (key === null) return;
  const list = m.get(key);
  if (list) list.push(id);
  else m.set(key, [id]);
}

function addTeamChanges(rows: Impacts, b: DiffSide, a: DiffSide, people: PeopleDiff, teams: TeamsDiff): void {
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
  const order = [...b.teams.keys(), ...[...a.teams.keys()].filter((id) => !b.teams.has(id))];
  for (const teamId of order) {
    if (!touched.has(teamId)) continue;
    const tb = b.teams.get(teamId);
    const ta = a.teams.get(teamId);
    const base = {
      teamId,
      name: (ta ?? tb)!.name,
      joined: joined.get(teamId) ?? [],
      left: left.get(teamId) ?? [],
      fields: fields.get(teamId) ?? [],
    };
    const add = (managerId: string | null, change: ManagerTeamChange['change']) =>
      rows.get(managerId)?.teamChanges.push({ ...base, change });
    if (!tb) add(ta!.managerId, 'created');
    else if (!ta) add(tb.managerId, 'removed');
    else if (tb.managerId !== ta.managerId) {
      add(tb.managerId, 'lost');
      add(ta.managerId, 'gained');
    } else add(ta.managerId, 'kept');
  }
}

/**
 * Per manager, "what changes for me and my team" (DOMAIN.md): direct reports gained and lost,
 * the manager's own manager change, and the teams they lead (before or after) that were created,
 * removed, handed over, or that people joined or left. Only managers with some change; most
 * changes first (`changed`), then by id.
 */
export function getManagerImpacts(
  b: DiffSide,
  a: DiffSide,
  people: PeopleDiff,
  teams: TeamsDiff,
): ManagerImpact[] {
  const rows = new Impacts(b, a);
  addReportingChanges(rows, b, a, people);
  addTeamChanges(rows, b, a, people, teams);
  const list = [...rows.byId.values()];
  for (const r of list) {
    r.changed =
      r.gained.length +
      r.lost.length +
      (r.ownManagerChanged ? 1 : 0) +
      r.teamChanges.reduce((n, t) => n + t.joined.length + t.left.length, 0);
  }
  return list.sort((x, y) => y.changed - x.changed || (x.managerId < y.managerId ? -1 : 1));
}
