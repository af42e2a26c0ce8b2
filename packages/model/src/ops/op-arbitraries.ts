import fc from 'fast-check';
import { createOrg, type Org } from '../schema/org';
import { PERSON_STATUSES } from '../schema/person';
import { INTERACTION_MODES, TEAM_TYPES } from '../schema/team';

/**
 * fast-check arbitraries of orgs (clean and dirty) and of op sequences for them (valid and
 * invalid, biased towards the org's own ids), shared by the property tests of ops and rebasing.
 */

// Ids come from small pools, so ops often hit existing records and sometimes miss them.
export const personPool = fc.constantFrom(...Array.from({ length: 34 }, (_, i) => `p${i}`), 'n1', 'n2');
export const teamPool = fc.constantFrom('t0', 't1', 't2', 't3', 't4', 't5', 't6');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

/** A clean org: unique ids, each manager an earlier person; teams in a two-level hierarchy. */
const cleanOrg = fc
  .record({
    n: fc.integer({ min: 0, max: 30 }),
    managers: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 30, maxLength: 30 }),
    teamOf: fc.array(fc.integer({ min: -1, max: 4 }), { minLength: 30, maxLength: 30 }),
    teams: fc.integer({ min: 0, max: 5 }),
  })
  .map(({ n, managers, teamOf, teams }) => ({
    people: Array.from({ length: n }, (_, i) => ({
      id: `p${i}`,
      name: `Person ${i}`,
      managerId: i === 0 || managers[i] < 0.05 ? null : `p${Math.floor(managers[i] * i)}`,
      teamId: teamOf[i] >= 0 && teamOf[i] < teams ? `t${teamOf[i]}` : null,
    })),
    teams: Array.from({ length: teams }, (_, i) => ({
      id: `t${i}`,
      name: `Team ${i}`,
      parentId: i > 0 && i % 2 === 0 ? 't0' : null,
      managerId: i < n ? `p${i}` : null,
    })),
  }));

/** A dirty org: repeated ids, self-reports, loops, dangling managers, teams and dotted lines. */
const dirtyOrg = fc.record({
  people: fc.array(
    fc.record({
      id: personPool,
      managerId: maybe(personPool),
      teamId: maybe(teamPool),
      dottedManagerIds: fc.array(personPool, { maxLength: 2 }),
    }),
    { maxLength: 30 },
  ),
  teams: fc.array(
    fc.record({
      id: teamPool,
      name: fc.constant('Team'),
      parentId: maybe(teamPool),
      managerId: maybe(personPool),
    }),
    { maxLength: 6 },
  ),
});

export const orgArb: fc.Arbitrary<Org> = fc
  .tuple(
    fc.oneof({ arbitrary: cleanOrg, weight: 3 }, { arbitrary: dirtyOrg, weight: 1 }),
    fc.array(fc.tuple(teamPool, teamPool, fc.constantFrom(...INTERACTION_MODES)), { maxLength: 4 }),
  )
  .map(([shape, links]) =>
    createOrg({
      id: 'o',
      name: 'Org',
      asOf: '2025-06-30',
      ...shape,
      interactions: links.map(([from, to, mode]) => ({ from, to, mode })),
    }),
  );

/** Mostly ids of the org, sometimes any id of the pool (often missing). */
function pick(ids: string[], pool: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return ids.length === 0
    ? pool
    : fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 4 }, { arbitrary: pool, weight: 1 });
}

type Ids = { personId: fc.Arbitrary<string>; teamId: fc.Arbitrary<string> };

/** Ops on people: reporting lines, teams, records. */
function personOps({ personId, teamId }: Ids): fc.Arbitrary<unknown>[] {
  const freshPersonId = fc.oneof(personId, fc.constantFrom('x1', 'x2', 'x3'));
  return [
    fc.record({
      type: fc.constant('changeManager'),
      personId,
      managerId: maybe(personId),
      withReports: fc.boolean(),
    }),
    fc.record({ type: fc.constant('moveTeam'), teamId, managerId: personId }),
    fc.record({ type: fc.constant('assignTeam'), personId, teamId: maybe(teamId) }),
    fc.record({
      type: fc.constant('addPerson'),
      person: fc.record(
        {
          id: freshPersonId,
          managerId: maybe(personId),
          teamId: maybe(teamId),
          dottedManagerIds: fc.array(personId, { maxLength: 2 }),
          status: fc.constantFrom(...PERSON_STATUSES),
          aggregate: fc.boolean(),
        },
        { requiredKeys: ['id'] },
      ),
    }),
    fc.record({ type: fc.constant('removePerson'), personId }),
    fc.record({
      type: fc.constant('updatePerson'),
      personId,
      changes: fc.record(
        {
          title: maybe(fc.constantFrom('EM', 'Staff')),
          fte: fc.constantFrom(0.5, 1, -1),
          status: fc.constantFrom(...PERSON_STATUSES),
          cost: maybe(fc.integer({ min: 0, max: 300_000 })),
          aggregate: fc.boolean(),
          dottedManagerIds: fc.array(personId, { maxLength: 2 }),
        },
        { requiredKeys: [] },
      ),
    }),
  ];
}

/** Ops on teams, interactions, the ladder and the policy. */
function teamOps({ personId, teamId }: Ids): fc.Arbitrary<unknown>[] {
  const freshTeamId = fc.oneof(teamId, fc.constantFrom('u1', 'u2'));
  return [
    fc.record({
      type: fc.constant('addTeam'),
      team: fc.record({
        id: freshTeamId,
        name: fc.constant('New'),
        managerId: maybe(personId),
        parentId: maybe(teamId),
      }),
    }),
    fc.record({ type: fc.constant('removeTeam'), teamId }),
    fc.record({
      type: fc.constant('updateTeam'),
      teamId,
      changes: fc.record(
        {
          name: fc.constant('Renamed'),
          type: fc.constantFrom(...TEAM_TYPES),
          managerId: maybe(personId),
          parentId: maybe(teamId),
        },
        { requiredKeys: [] },
      ),
    }),
    fc
      .tuple(fc.uniqueArray(teamId, { minLength: 1, maxLength: 3 }), teamId, fc.nat())
      .map(([teamIds, other, k]) => ({
        type: 'mergeTeams',
        teamIds,
        into: k % 5 === 0 ? other : teamIds[k % teamIds.length],
      })),
    fc.record({
      type: fc.constant('splitTeam'),
      teamId,
      newTeam: fc.record(
        { id: freshTeamId, name: fc.constant('Split'), parentId: maybe(teamId) },
        { requiredKeys: ['id', 'name'] },
      ),
      memberIds: fc.uniqueArray(personId, { maxLength: 3 }),
    }),
    fc.record({
      type: fc.constant('setInteraction'),
      interaction: fc.record({ from: teamId, to: teamId, mode: fc.constantFrom(...INTERACTION_MODES) }),
    }),
    fc.record({ type: fc.constant('removeInteraction'), from: teamId, to: teamId }),
    fc.record({
      type: fc.constant('updateLadder'),
      ladder: fc.constantFrom(
        { tracks: { ic: [{ id: 'L3', name: 'Engineer', rank: 3 }] } },
        { tracks: 'none' },
      ),
    }),
    fc.record({
      type: fc.constant('updatePolicy'),
      policy: fc.constantFrom({ seniorRank: 5 }, { span: { newManager: { min: 9 } } }, { spn: {} }),
    }),
  ];
}

/** Ops, valid and invalid, biased towards the ids of `org`; plus some garbage. */
export function opsFor(org: Org, maxLength: number): fc.Arbitrary<unknown[]> {
  const ids: Ids = {
    personId: pick(
      org.people.map((p) => p.id),
      personPool,
    ),
    teamId: pick(
      org.teams.map((t) => t.id),
      teamPool,
    ),
  };
  const garbage = fc.constantFrom(null, 42, { type: 'changeManager' }, { type: 'nope' });
  return fc.array(fc.oneof(...personOps(ids), ...teamOps(ids), garbage), { maxLength });
}
