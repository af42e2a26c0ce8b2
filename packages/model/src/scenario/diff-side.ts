import type { Org } from '../schema/org';
import type { Person } from '../schema/person';
import type { Team } from '../schema/team';

/** One org prepared for diffing: people indexed by id (the later record wins), teams by id. */
export interface DiffSide {
  readonly org: Org;
  readonly people: readonly Person[];
  readonly index: ReadonlyMap<string, number>;
  readonly teams: ReadonlyMap<string, Team>;
}

/** Indexes an org's people and teams by id in one pass each. */
export function prepareDiffSide(org: Org): DiffSide {
  const index = new Map<string, number>();
  const people = org.people;
  for (let i = 0; i < people.length; i++) index.set(people[i].id, i);
  const teams = new Map<string, Team>();
  for (const t of org.teams) teams.set(t.id, t);
  return { org, people, index, teams };
}

/** The person named by `id`, preferring `after`'s record. */
export function findPerson(b: DiffSide, a: DiffSide, id: string): Person | undefined {
  const j = a.index.get(id);
  if (j !== undefined) return a.people[j];
  const i = b.index.get(id);
  return i === undefined ? undefined : b.people[i];
}
