import type { Org } from '../schema/org';
import type { Person } from '../schema/person';
import type { Team } from '../schema/team';
import { getManagerImpacts } from './diff-managers';
import type {
  CostChange,
  FieldChange,
  ManagerChange,
  OrgDiff,
  PersonRef,
  TeamChange,
  TeamRef,
} from './diff-schema';
import { type DiffSide, findPerson, prepareDiffSide } from './diff-side';
import { detectMergesAndSplits, diffTeamRecords, type TeamFlows } from './diff-teams';

function personName(b: DiffSide, a: DiffSide, id: string | null): string | undefined {
  return id === null ? undefined : findPerson(b, a, id)?.name;
}

function teamName(b: DiffSide, a: DiffSide, id: string | null): string | undefined {
  return id === null ? undefined : (a.teams.get(id)?.name ?? b.teams.get(id)?.name);
}

/** A {@link PersonRef} of a record, optional fields only when present. */
export function toPersonRef(p: Person): PersonRef {
  const ref: PersonRef = { id: p.id, managerId: p.managerId, teamId: p.teamId, status: p.status };
  if (p.name !== undefined) ref.name = p.name;
  if (p.title !== undefined) ref.title = p.title;
  if (p.level !== undefined) ref.level = p.level;
  if (p.cost !== undefined) ref.cost = p.cost;
  return ref;
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

function withName(p: Person): { id: string; name?: string } {
  return p.name === undefined ? { id: p.id } : { id: p.id, name: p.name };
}

/** Compares one person present in both orgs (different objects) and records what changed. */
function comparePerson(b: DiffSide, a: DiffSide, x: Person, y: Person, out: PeopleChanges, flows: TeamFlows) {
  let touched = false;
  if (x.managerId !== y.managerId) {
    touched = true;
    const c: ManagerChange = { ...withName(y), from: x.managerId, to: y.managerId };
    const fromName = personName(b, a, x.managerId);
    const toName = personName(b, a, y.managerId);
    if (fromName !== undefined) c.fromName = fromName;
    if (toName !== undefined) c.toName = toName;
    out.managerChanged.push(c);
  }
  if (x.teamId !== y.teamId) {
    touched = true;
    const c: TeamChange = { ...withName(y), from: x.teamId, to: y.teamId };
    const fromName = teamName(b, a, x.teamId);
    const toName = teamName(b, a, y.teamId);
    if (fromName !== undefined) c.fromName = fromName;
    if (toName !== undefined) c.toName = toName;
    out.teamChanged.push(c);
    flows.move(x.teamId, y.teamId);
  }
  if (touched) out.affected++;
  if (x.level !== y.level)
    out.levelChanged.push({ ...withName(y), from: x.level ?? null, to: y.level ?? null });
  if (x.status !== y.status) out.statusChanged.push({ ...withName(y), from: x.status, to: y.status });
  if (x.title !== y.title)
    out.titleChanged.push({ ...withName(y), from: x.title ?? null, to: y.title ?? null });
  if (x.cost !== y.cost) {
    const delta = (y.cost ?? 0) - (x.cost ?? 0);
    out.costChanged.push({ ...withName(y), from: x.cost ?? null, to: y.cost ?? null, delta });
  }
}

/** One pass over `before`: removals, changes of matched people, removed teams' members. */
function walkBefore(b: DiffSide, a: DiffSide, out: PeopleChanges, flows: TeamFlows, matched: Uint8Array) {
  const dupes = b.index.size < b.people.length;
  const watchTeams = flows.watchesBefore();
  for (let i = 0; i < b.people.length; i++) {
    const x = b.people[i];
    if (dupes && b.index.get(x.id) !== i) continue;
    if (x.cost !== undefined) out.costBefore += x.cost;
    if (watchTeams && x.teamId !== null) flows.countBefore(x.teamId);
    const j = a.index.get(x.id);
    if (j === undefined) {
      out.removed.push(toPersonRef(x));
      continue;
    }
    matched[j] = 1;
    const y = a.people[j];
    if (x !== y) comparePerson(b, a, x, y, out, flows);
  }
}

/** One pass over `after`: additions, added teams' members, cost. */
function walkAfter(a: DiffSide, out: PeopleChanges, flows: TeamFlows, matched: Uint8Array) {
  const dupes = a.index.size < a.people.length;
  const watchTeams = flows.watchesAfter();
  for (let j = 0; j < a.people.length; j++) {
    const y = a.people[j];
    if (dupes && a.index.get(y.id) !== j) continue;
    if (y.cost !== undefined) out.costAfter += y.cost;
    if (watchTeams && y.teamId !== null) flows.countAfter(y.teamId);
    if (matched[j] === 0) out.added.push(toPersonRef(y));
  }
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
 * Runs in O(people + teams) with one id map per side; records that are the same object in both
 * (as immer leaves untouched records) are skipped without comparing fields. Never throws.
 */
export function diffOrgs(before: Org, after: Org): OrgDiff {
  const b = prepareDiffSide(before);
  const a = prepareDiffSide(after);
  const teamRecords = diffTeamRecords(b.teams, a.teams);
  const flows = teamRecords.flows;
  const out = emptyChanges();
  const matched = new Uint8Array(a.people.length);
  walkBefore(b, a, out, flows, matched);
  walkAfter(a, out, flows, matched);

  const { merged, split } = detectMergesAndSplits(b.teams, a.teams, flows);
  const withMembers = (t: Team, members: number): TeamRef => ({
    id: t.id,
    name: t.name,
    kind: t.kind,
    type: t.type,
    managerId: t.managerId,
    members,
  });
  const teams = {
    added: teamRecords.added.map((t) => withMembers(t, flows.membersAfter(t.id))),
    removed: teamRecords.removed.map((t) => withMembers(t, flows.membersBefore(t.id))),
    merged,
    split,
    changed: teamRecords.changed,
  };
  const { affected, costBefore, costAfter, ...people } = out;
  const recordsBefore = b.index.size;
  return {
    people,
    teams,
    totals: {
      currency: after.currency,
      recordsBefore,
      recordsAfter: a.index.size,
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
    byManager: getManagerImpacts(b, a, people, teams),
  };
}
