import type { Org } from '../schema/org';
import type { Person } from '../schema/person';
import type { Team } from '../schema/team';
import { collectManagerImpacts, finishManagerImpacts } from './diff-managers';
import type {
  CostChange,
  FieldChange,
  ManagerChange,
  OrgDiff,
  PersonRef,
  TeamChange,
  TeamRef,
} from './diff-schema';
import { indexTeams, PeopleMatch } from './diff-side';
import { detectMergesAndSplits, diffTeamRecords, type TeamFlows } from './diff-teams';

/** A {@link PersonRef} of a record, optional fields only when present. */
export function toPersonRef(p: Person): PersonRef {
  const ref: PersonRef = { id: p.id, managerId: p.managerId, teamId: p.teamId, status: p.status };
  if (p.name !== undefined) ref.name = p.name;
  if (p.title !== undefined) ref.title = p.title;
  if (p.level !== undefined) ref.level = p.level;
  if (p.cost !== undefined) ref.cost = p.cost;
  return ref;
}

/** The teams of both orgs by id. */
export interface TeamMaps {
  before: ReadonlyMap<string, Team>;
  after: ReadonlyMap<string, Team>;
}

interface PeopleChanges {
  added: PersonRef[];
  removed: PersonRef[];
  managerChanged: ManagerChange[];
  teamChanged: TeamChange[];
  levelChanged: FieldChange[];
  costChanged: CostChange[];
  statusChanged: FieldChange[];
  titleChanged: FieldChange[];
  affected: number;
  costBefore: number;
  costAfter: number;
}

function emptyChanges(): PeopleChanges {
  return {
    added: [],
    removed: [],
    managerChanged: [],
    teamChanged: [],
    levelChanged: [],
    costChanged: [],
    statusChanged: [],
    titleChanged: [],
    affected: 0,
    costBefore: 0,
    costAfter: 0,
  };
}

/**
 * Compares one person present in both orgs (different objects) and records what changed. Entries
 * are made with every key at once (names of managers and teams come later, in {@link addNames}),
 * so they share one shape: an absent name is an `undefined` value, which JSON leaves out.
 */
function comparePerson(x: Person, y: Person, out: PeopleChanges, flows: TeamFlows): void {
  const { id, name } = y;
  const managerChanged = x.managerId !== y.managerId;
  const teamChanged = x.teamId !== y.teamId;
  if (managerChanged) {
    out.managerChanged.push({
      id,
      name,
      from: x.managerId,
      to: y.managerId,
      fromName: undefined,
      toName: undefined,
    });
  }
  if (teamChanged) {
    out.teamChanged.push({ id, name, from: x.teamId, to: y.teamId, fromName: undefined, toName: undefined });
    flows.move(x.teamId, y.teamId);
  }
  if (managerChanged || teamChanged) out.affected++;
  if (x.level !== y.level) out.levelChanged.push({ id, name, from: x.level ?? null, to: y.level ?? null });
  if (x.status !== y.status) out.statusChanged.push({ id, name, from: x.status, to: y.status });
  if (x.title !== y.title) out.titleChanged.push({ id, name, from: x.title ?? null, to: y.title ?? null });
  if (x.cost !== y.cost) {
    const delta = (y.cost ?? 0) - (x.cost ?? 0);
    out.costChanged.push({ id, name, from: x.cost ?? null, to: y.cost ?? null, delta });
  }
}

/** One pass over `before`: removals, changes of paired people, removed teams' members, cost. */
function walkBefore(m: PeopleMatch, out: PeopleChanges, flows: TeamFlows): void {
  const B = m.before;
  const A = m.after;
  const watchTeams = flows.watchesBefore();
  for (let i = 0; i < B.length; i++) {
    const x = B[i];
    if (x.cost !== undefined) out.costBefore += x.cost;
    if (watchTeams && x.teamId !== null) flows.countBefore(x.teamId);
    const j = m.matchOf[i];
    if (j < 0) out.removed.push(toPersonRef(x));
    else if (x !== A[j]) comparePerson(x, A[j], out, flows);
  }
}

/** One pass over `after`: additions, added teams' members, cost. */
function walkAfter(m: PeopleMatch, out: PeopleChanges, flows: TeamFlows): void {
  const A = m.after;
  const watchTeams = flows.watchesAfter();
  for (let j = 0; j < A.length; j++) {
    const y = A[j];
    if (y.cost !== undefined) out.costAfter += y.cost;
    if (watchTeams && y.teamId !== null) flows.countAfter(y.teamId);
    if (m.matched[j] === 0) out.added.push(toPersonRef(y));
  }
}

/** Adds the names of the managers (`people`: id → record) and teams in manager and team changes. */
function addNames(people: ReadonlyMap<string, Person>, teams: TeamMaps, out: PeopleChanges): void {
  for (const c of out.managerChanged) {
    if (c.from !== null) c.fromName = people.get(c.from)?.name;
    if (c.to !== null) c.toName = people.get(c.to)?.name;
  }
  const team = (id: string) => teams.after.get(id)?.name ?? teams.before.get(id)?.name;
  for (const c of out.teamChanged) {
    if (c.from !== null) c.fromName = team(c.from);
    if (c.to !== null) c.toName = team(c.to);
  }
}

/** The teams part of the diff, once the people passes have counted the flows between teams. */
function getTeamsDiff(maps: TeamMaps, records: ReturnType<typeof diffTeamRecords>): OrgDiff['teams'] {
  const { flows } = records;
  const { merged, split } = detectMergesAndSplits(maps.before, maps.after, flows);
  const ref = (t: Team, members: number): TeamRef => ({
    id: t.id,
    name: t.name,
    kind: t.kind,
    type: t.type,
    managerId: t.managerId,
    members,
  });
  return {
    added: records.added.map((t) => ref(t, flows.membersAfter(t.id))),
    removed: records.removed.map((t) => ref(t, flows.membersBefore(t.id))),
    merged,
    split,
    changed: records.changed,
  };
}

/**
 * Diffs two orgs, typically a baseline and a scenario's state (see {@link OrgDiff}). People and
 * teams are matched by id. Reports people added and removed; manager, team, level, annual cost,
 * status and title changes; teams added, removed, merged, split and changed; disruption numbers;
 * and, per manager, what changes for them and their team.
 *
 * Merge: a removed team whose members (in `before`) more than half ended up in one team of
 * `after` (a team that also exists in `before`, or a new team that at least two removed teams
 * merged into). Split: new teams whose members (in `after`) more than half came from one team
 * that still exists (or, when that team was removed, that gave most of the members of at least
 * two new teams).
 *
 * A record that repeats an id (dirty imports) pairs with one record of that id, the nearest in
 * the list (in practice the same row, edited in place); every record counts in `totals` and
 * `share`. Runs in O(people + teams), usually without an id map of the people (see
 * {@link PeopleMatch}); records that are the same object in both (as immer leaves untouched
 * records) are skipped without comparing fields. Never throws.
 */
export function diffOrgs(before: Org, after: Org): OrgDiff {
  const teamMaps: TeamMaps = { before: indexTeams(before), after: indexTeams(after) };
  const teamRecords = diffTeamRecords(teamMaps.before, teamMaps.after);
  const out = emptyChanges();
  const m = new PeopleMatch(before, after);
  walkBefore(m, out, teamRecords.flows);
  walkAfter(m, out, teamRecords.flows);

  const teams = getTeamsDiff(teamMaps, teamRecords);
  const { merged, split } = teams;
  const rows = collectManagerImpacts(m, teamMaps, out, teams);
  const managers = m.findPeople(new Set(rows.keys())); // every end of every manager change is a row
  addNames(managers, teamMaps, out);
  const { affected, costBefore, costAfter, ...people } = out;
  const recordsBefore = before.people.length;
  return {
    people,
    teams,
    totals: {
      currency: after.currency,
      recordsBefore,
      recordsAfter: after.people.length,
      costBefore,
      costAfter,
      costDelta: costAfter - costBefore,
    },
    disruption: {
      managerChanged: people.managerChanged.length,
      teamChanged: people.teamChanged.length,
      affected,
      share: recordsBefore === 0 ? 0 : affected / recordsBefore,
      teamsCreated: teams.added.length,
      teamsRemoved: teams.removed.length,
      teamsMerged: merged.reduce((n, m) => n + m.from.length, 0),
      teamsSplit: split.length,
    },
    byManager: finishManagerImpacts(rows, managers),
  };
}
