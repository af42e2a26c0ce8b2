import type { Patch } from 'immer';
import { isInSubtree, type OrgGraph, peekOrgGraph } from '../graph/org-graph';
import { carryPeopleIds, getPeopleIds } from '../graph/people-ids';
import type { Ladder } from '../schema/ladder';
import type { Org } from '../schema/org';
import type { Person } from '../schema/person';
import type { Policy } from '../schema/policy';
import type { RateCard } from '../schema/rate-card';
import type { Interaction, Team } from '../schema/team';
import { RecordTable } from './record-table';

type RowIndex = Map<string, Set<number>>;

/**
 * The working state of a batch of ops over one org: people and teams as copy-on-write tables,
 * reverse indexes built on first use (reports by manager, members by team, dotted reports), and
 * the input's graph index, when it is already built, as a fast path while the reporting lines are
 * still those of the input. Ids are looked up through {@link getPeopleIds} (carried from batch to
 * batch), so an op never builds the whole graph.
 *
 * Ops read and change the org only through this object; {@link OpWorkspace.commit} writes the
 * batch and returns the new org with its patches (immer's format). The input org is never mutated.
 */
export class OpWorkspace {
  readonly people: RecordTable<Person>;
  readonly teams: RecordTable<Team>;
  interactions: Interaction[];
  ladder: Ladder;
  policy: Policy;
  /** The org's rate card (undefined: none). */
  rateCard: RateCard | undefined;
  /** The input's graph index when it is already built (a fast path; never built here). */
  private readonly graph: OrgGraph | null;
  /** True once a reporting line changed or a person was added or removed in this batch. */
  private linesChanged = false;
  private reports: RowIndex | null = null;
  private members: RowIndex | null = null;
  private dotted: RowIndex | null = null;

  constructor(readonly base: Org) {
    this.graph = peekOrgGraph(base.people) ?? null;
    const ids = getPeopleIds(base.people);
    this.people = new RecordTable(
      base.people,
      (id) => ids.rowOf(id),
      (id) => ids.rowsOf(id),
    );
    const teamRows = new Map<string, number[]>();
    base.teams.forEach((t, row) => {
      const rows = teamRows.get(t.id);
      if (rows) rows.push(row);
      else teamRows.set(t.id, [row]);
    });
    this.teams = new RecordTable(
      base.teams,
      (id) => teamRows.get(id)?.at(-1) ?? -1,
      (id) => teamRows.get(id) ?? [],
    );
    this.interactions = base.interactions;
    this.ladder = base.ladder;
    this.policy = base.policy;
    this.rateCard = base.rateCard;
  }

  /** Row of the person with this id (the kept record of a duplicated id), or -1. */
  personRow(id: string): number {
    return this.people.rowOf(id);
  }

  /** The current person at `row`. */
  person(row: number): Person {
    return this.people.at(row);
  }

  /** Row of the team with this id (the last record of a duplicated id), or -1. */
  teamRow(id: string): number {
    return this.teams.rowOf(id);
  }

  /** The current team at `row`. */
  team(row: number): Team {
    return this.teams.at(row);
  }

  /** Sets the solid-line manager of the person at `row`. */
  setManager(row: number, managerId: string | null): void {
    const old = this.people.at(row).managerId;
    if (old === managerId) return;
    this.people.edit(row).managerId = managerId;
    this.linesChanged = true;
    if (this.reports) move(this.reports, row, old, managerId);
  }

  /** Sets the team of the person at `row`. */
  setTeam(row: number, teamId: string | null): void {
    const old = this.people.at(row).teamId;
    if (old === teamId) return;
    this.people.edit(row).teamId = teamId;
    if (this.members) move(this.members, row, old, teamId);
  }

  /** Sets the dotted-line managers of the person at `row`. */
  setDotted(row: number, ids: string[]): void {
    const p = this.people.at(row);
    if (this.dotted) for (const m of p.dottedManagerIds) this.dotted.get(m)?.delete(row);
    this.people.edit(row).dottedManagerIds = ids;
    if (this.dotted) for (const m of ids) add(this.dotted, m, row);
  }

  /** The person at `row`, editable, for fields that no index depends on (not managerId, teamId, dotted lines). */
  editPerson(row: number): Person {
    return this.people.edit(row);
  }

  /** Adds a validated person and returns its row. */
  addPerson(person: Person): number {
    const row = this.people.push(person);
    this.linesChanged = true;
    if (this.reports && person.managerId !== null) add(this.reports, person.managerId, row);
    if (this.members && person.teamId !== null) add(this.members, person.teamId, row);
    if (this.dotted) for (const m of person.dottedManagerIds) add(this.dotted, m, row);
    return row;
  }

  /** Removes every record of a person id; their own reports, team and dotted lines are the caller's business. */
  removePerson(id: string): void {
    for (const row of this.people.remove(id)) {
      const p = this.people.at(row);
      if (p.managerId !== null) this.reports?.get(p.managerId)?.delete(row);
      if (p.teamId !== null) this.members?.get(p.teamId)?.delete(row);
      for (const m of p.dottedManagerIds) this.dotted?.get(m)?.delete(row);
    }
    this.linesChanged = true;
  }

  /** Rows of the records whose solid-line manager is `id`, in row order, the person itself excluded. */
  reportRows(id: string): number[] {
    const g = this.graph;
    if (g && !this.linesChanged && g.duplicates.length === 0) {
      const i = g.indexOf.get(id);
      if (i === undefined) return [];
      const out: number[] = [];
      for (let k = g.childOffsets[i]; k < g.childOffsets[i + 1]; k++) out.push(g.rowOf[g.childList[k]]);
      return out;
    }
    this.reports ??= this.buildIndex((p) => (p.managerId === null ? [] : [p.managerId]));
    return sorted(this.reports.get(id)).filter((r) => this.people.at(r).id !== id);
  }

  /** Rows of the members of team `teamId`, in row order. */
  memberRows(teamId: string): number[] {
    this.members ??= this.buildIndex((p) => (p.teamId === null ? [] : [p.teamId]));
    return sorted(this.members.get(teamId));
  }

  /** Rows of the records that have `id` as a dotted-line manager, in row order. */
  dottedRows(id: string): number[] {
    this.dotted ??= this.buildIndex((p) => p.dottedManagerIds);
    return sorted(this.dotted.get(id));
  }

  /**
   * True when the person at `row` is the person at `ancestorRow` or reports to them, directly or
   * not. O(1) from the input's graph (when built) while no reporting line has changed; otherwise a walk up the
   * managers, O(depth) (O(n) at worst in an org that already holds a loop).
   */
  isUnder(row: number, ancestorRow: number): boolean {
    if (row === ancestorRow) return true;
    const g = this.graph;
    if (g && !this.linesChanged) {
      const i = g.indexOf.get(this.person(ancestorRow).id)!;
      const j = g.indexOf.get(this.person(row).id)!;
      if (g.tin[i] >= 0 && g.tin[j] >= 0) return isInSubtree(g, i, j);
    }
    let r = row;
    for (let steps = this.people.length; steps >= 0; steps--) {
      const m = this.person(r).managerId;
      if (m === null) return false;
      r = this.personRow(m);
      if (r < 0) return false;
      if (r === ancestorRow) return true;
    }
    return false;
  }

  /**
   * True when team `teamId` is `groupId` or sits inside it through `parentId`, following every
   * record of a duplicated team id (so no record of any id can end up inside itself). O(teams).
   */
  isTeamWithin(teamId: string, groupId: string): boolean {
    const seen = new Set<string>();
    const stack = [teamId];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (id === groupId) return true;
      if (seen.has(id)) continue;
      seen.add(id);
      for (const r of this.teams.rowsWithId(id)) {
        const parent = this.team(r).parentId;
        if (parent !== null) stack.push(parent);
      }
    }
    return false;
  }

  /**
   * Writes the batch: the new org (untouched parts keep their identity; the input itself when
   * nothing changed) and the patches, in immer's format, that go forward and back. The patches
   * are made by hand from the rows the batch touched, so a one-op batch costs O(changed) patches
   * plus one O(n) copy of the people array, never a walk comparing every record.
   */
  commit(): { org: Org; patches: Patch[]; inversePatches: Patch[] } {
    const patches: Patch[] = [];
    const inversePatches: Patch[] = [];
    const next: { -readonly [K in keyof Org]?: Org[K] } = {};
    const people = this.people.commit('people');
    if (people) {
      next.people = people.next;
      // Same ids at the same rows (ops never change an id), perhaps with new ones appended.
      if (!this.people.hasRemovals) carryPeopleIds(this.base.people, people.next);
      patches.push(...people.patches);
      inversePatches.push(...people.inversePatches);
    }
    const teams = this.teams.commit('teams');
    if (teams) {
      next.teams = teams.next;
      patches.push(...teams.patches);
      inversePatches.push(...teams.inversePatches);
    }
    const fields = [
      ['interactions', this.interactions],
      ['ladder', this.ladder],
      ['policy', this.policy],
    ] as const;
    for (const [key, value] of fields) {
      if (value === this.base[key]) continue;
      (next as Record<string, unknown>)[key] = value;
      patches.push({ op: 'replace', path: [key], value });
      inversePatches.push({ op: 'replace', path: [key], value: this.base[key] });
    }
    if (this.rateCard !== this.base.rateCard) {
      const had = this.base.rateCard !== undefined;
      if (this.rateCard === undefined) {
        patches.push({ op: 'remove', path: ['rateCard'] });
        inversePatches.push({ op: 'add', path: ['rateCard'], value: this.base.rateCard });
      } else {
        (next as Record<string, unknown>).rateCard = this.rateCard;
        patches.push({ op: had ? 'replace' : 'add', path: ['rateCard'], value: this.rateCard });
        inversePatches.push(
          had
            ? { op: 'replace', path: ['rateCard'], value: this.base.rateCard }
            : { op: 'remove', path: ['rateCard'] },
        );
      }
    }
    if (patches.length === 0) return { org: this.base, patches, inversePatches };
    if (this.rateCard === undefined && this.base.rateCard !== undefined) {
      const { rateCard: _removed, ...rest } = { ...this.base, ...next };
      return { org: rest as Org, patches, inversePatches };
    }
    return { org: { ...this.base, ...next }, patches, inversePatches };
  }

  private buildIndex(keys: (p: Person) => readonly string[]): RowIndex {
    const index: RowIndex = new Map();
    this.people.forEach((p, row) => {
      for (const k of keys(p)) add(index, k, row);
    });
    return index;
  }
}

function add(index: RowIndex, key: string, row: number): void {
  const set = index.get(key);
  if (set) set.add(row);
  else index.set(key, new Set([row]));
}

function move(index: RowIndex, row: number, from: string | null, to: string | null): void {
  if (from !== null) index.get(from)?.delete(row);
  if (to !== null) add(index, to, row);
}

function sorted(set: Set<number> | undefined): number[] {
  return set ? [...set].sort((a, b) => a - b) : [];
}
