import type { Op, Org, Person, Team } from '@reorg/model';

/** Person fields `updatePerson` sets (everything but id, manager, team and dotted lines). */
const PERSON_FIELDS = [
  'name',
  'title',
  'email',
  'level',
  'status',
  'fte',
  'aggregate',
  'isAssistant',
  'startDate',
  'managerSince',
  'location',
  'cost',
] as const;
const TEAM_FIELDS = ['name', 'kind', 'type', 'managerId', 'parentId', 'domains'] as const;

/**
 * Ops that turn `from` into `to` (people and teams; record order aside). Undo uses it: the
 * inverse of a step is `diffToOps(after, before, touched)`, which the server can store like any
 * other ops, so an undo after a save is a new revision and nothing is ever lost.
 *
 * Order: add teams, add people (at the top, no team), reporting lines (ordered so that no
 * intermediate state loops), teams and fields, team changes, then removals (nobody reports to a
 * removed person by then). `touched` limits the comparison to those person ids (O(touched));
 * without it every person is compared (O(n)).
 */
export function diffToOps(from: Org, to: Org, touched?: Iterable<string>, lookup?: PeopleLookup): Op[] {
  const fromPeople = lookup?.from ?? new Map(from.people.map((p) => [p.id, p]));
  const toPeople = lookup?.to ?? new Map(to.people.map((p) => [p.id, p]));
  const ids = touched
    ? [...new Set(touched)]
    : [...new Set([...from.people.map((p) => p.id), ...to.people.map((p) => p.id)])];
  // Teams untouched by the change keep their array (immer shares it): nothing to compare.
  const sameTeams = from.teams === to.teams;
  const fromTeams = new Map(sameTeams ? [] : from.teams.map((t) => [t.id, t]));
  const toTeams = new Map(sameTeams ? [] : to.teams.map((t) => [t.id, t]));

  const ops: Op[] = [];
  for (const t of sameTeams ? [] : to.teams) {
    if (!fromTeams.has(t.id)) ops.push({ type: 'addTeam', team: { ...t, managerId: null, parentId: null } });
  }
  const added = ids.filter((id) => toPeople.has(id) && !fromPeople.has(id));
  for (const id of added) {
    const p = toPeople.get(id)!;
    ops.push({ type: 'addPerson', person: { ...p, managerId: null, teamId: null, dottedManagerIds: [] } });
  }
  const moves = ids.filter((id) => {
    const t = toPeople.get(id);
    if (!t) return false;
    const f = fromPeople.get(id);
    return f ? f.managerId !== t.managerId : t.managerId !== null;
  });
  ops.push(...orderMoves(moves, fromPeople, toPeople));
  for (const id of ids) {
    const t = toPeople.get(id);
    if (!t) continue;
    const f = fromPeople.get(id);
    if ((f?.teamId ?? null) !== t.teamId) ops.push({ type: 'assignTeam', personId: id, teamId: t.teamId });
    const changes = personChanges(f, t);
    if (changes) ops.push({ type: 'updatePerson', personId: id, changes });
  }
  for (const t of sameTeams ? [] : to.teams) {
    const f = fromTeams.get(t.id);
    const changes = teamChanges(f ?? { ...t, managerId: null, parentId: null }, t);
    if (changes) ops.push({ type: 'updateTeam', teamId: t.id, changes });
  }
  for (const id of ids)
    if (fromPeople.has(id) && !toPeople.has(id)) ops.push({ type: 'removePerson', personId: id });
  for (const t of sameTeams ? [] : from.teams)
    if (!toTeams.has(t.id)) ops.push({ type: 'removeTeam', teamId: t.id });
  return ops;
}

/** People by id before and after (e.g. from an index), to spare building maps of a big org. */
export interface PeopleLookup {
  from: { get(id: string): Person | undefined; has(id: string): boolean };
  to: { get(id: string): Person | undefined; has(id: string): boolean };
}

/**
 * `changeManager` ops for `moves`, in an order where none closes a loop: a move whose new
 * manager still sits below the person waits for the moves that take the manager out; when all
 * remaining moves wait on each other, one person is first lifted to the top.
 */
function orderMoves(moves: string[], fromPeople: PeopleLookup['from'], toPeople: PeopleLookup['to']): Op[] {
  const current = new Map<string, string | null>();
  const managerOf = (id: string): string | null =>
    current.has(id) ? current.get(id)! : (fromPeople.get(id)?.managerId ?? null);
  const isBelow = (id: string, ancestor: string) => {
    let m: string | null = id;
    for (let steps = 0; m !== null && steps < 100_000; steps++) {
      if (m === ancestor) return true;
      m = managerOf(m);
    }
    return false;
  };
  const ops: Op[] = [];
  let waiting = moves;
  while (waiting.length > 0) {
    const next: string[] = [];
    for (const id of waiting) {
      const target = toPeople.get(id)!.managerId;
      if (target !== null && isBelow(target, id)) next.push(id);
      else {
        ops.push({ type: 'changeManager', personId: id, managerId: target, withReports: true });
        current.set(id, target);
      }
    }
    if (next.length === waiting.length) {
      ops.push({ type: 'changeManager', personId: next[0], managerId: null, withReports: true });
      current.set(next[0], null);
    }
    waiting = next;
  }
  return ops;
}

function same(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** Field changes of a person (`null` clears a field); for an added person only the dotted lines. */
function personChanges(from: Person | undefined, to: Person): Record<string, unknown> | null {
  const changes: Record<string, unknown> = {};
  if (from) for (const key of PERSON_FIELDS) if (!same(from[key], to[key])) changes[key] = to[key] ?? null;
  if (!same(from?.dottedManagerIds ?? [], to.dottedManagerIds))
    changes.dottedManagerIds = to.dottedManagerIds;
  return Object.keys(changes).length > 0 ? changes : null;
}

function teamChanges(from: Team, to: Team): Record<string, unknown> | null {
  const changes: Record<string, unknown> = {};
  for (const key of TEAM_FIELDS) if (!same(from[key], to[key])) changes[key] = to[key];
  return Object.keys(changes).length > 0 ? changes : null;
}
