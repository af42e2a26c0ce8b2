import { describe, expect, it } from 'vitest';
import { createOrg, type Org } from '../schema/org';
import type { PersonInput } from '../schema/person';
import type { TeamInput } from '../schema/team';
import { diffOrgs } from './diff-orgs';
import { OrgDiffSchema } from './diff-schema';

function org(people: PersonInput[], teams: TeamInput[] = []): Org {
  return createOrg({ id: 'o', name: 'Org', asOf: '2026-01-01', currency: 'EUR', people, teams });
}

/** ceo ─ ann (Payments: ann, al, amy) ─ bob (Search: bob, bea, ben) ─ cat (Infra: cat, cy). */
const PEOPLE: PersonInput[] = [
  { id: 'ceo', name: 'Cleo' },
  { id: 'ann', name: 'Ann', managerId: 'ceo', teamId: 'pay', level: 'M5', cost: 200 },
  { id: 'al', name: 'Al', managerId: 'ann', teamId: 'pay', level: 'L3', cost: 100 },
  { id: 'amy', name: 'Amy', managerId: 'ann', teamId: 'pay', level: 'L4', cost: 120 },
  { id: 'bob', name: 'Bob', managerId: 'ceo', teamId: 'search', level: 'M5', cost: 200 },
  { id: 'bea', name: 'Bea', managerId: 'bob', teamId: 'search', level: 'L3', cost: 100 },
  { id: 'ben', name: 'Ben', managerId: 'bob', teamId: 'search', level: 'L3', cost: 100 },
  { id: 'cat', name: 'Cat', managerId: 'ceo', teamId: 'infra', level: 'M5', cost: 200 },
  { id: 'cy', name: 'Cy', managerId: 'cat', teamId: 'infra', level: 'L4', cost: 120 },
];
const TEAMS: TeamInput[] = [
  { id: 'pay', name: 'Payments', managerId: 'ann' },
  { id: 'search', name: 'Search', managerId: 'bob' },
  { id: 'infra', name: 'Infra', managerId: 'cat', type: 'platform' },
];

function edit(
  changes: Record<string, Partial<PersonInput> | null>,
  extra: PersonInput[] = [],
): PersonInput[] {
  const out = PEOPLE.filter((p) => changes[p.id] !== null).map((p) => ({ ...p, ...changes[p.id] }));
  return [...out, ...extra];
}

describe('diffOrgs', () => {
  it('finds nothing between an org and itself, or a structurally equal copy', () => {
    const a = org(PEOPLE, TEAMS);
    for (const b of [a, org(PEOPLE, TEAMS)]) {
      const d = diffOrgs(a, b);
      expect(OrgDiffSchema.parse(d)).toEqual(d);
      expect(d.people.managerChanged).toEqual([]);
      expect(d.people.added).toEqual([]);
      expect(d.teams.changed).toEqual([]);
      expect(d.disruption).toEqual({
        managerChanged: 0,
        teamChanged: 0,
        affected: 0,
        share: 0,
        teamsCreated: 0,
        teamsRemoved: 0,
        teamsMerged: 0,
        teamsSplit: 0,
      });
      expect(d.byManager).toEqual([]);
      expect(d.totals).toMatchObject({ recordsBefore: 9, recordsAfter: 9, costBefore: 1140, costDelta: 0 });
    }
  });

  it('names manager and team changes, counts disruption, and tells each manager what changes', () => {
    // Cy moves from Cat to Bob and from Infra to Search; Amy moves to Bob but stays in Payments.
    const after = org(edit({ cy: { managerId: 'bob', teamId: 'search' }, amy: { managerId: 'bob' } }), TEAMS);
    const d = diffOrgs(org(PEOPLE, TEAMS), after);
    expect(d.people.managerChanged).toEqual([
      { id: 'amy', name: 'Amy', from: 'ann', to: 'bob', fromName: 'Ann', toName: 'Bob' },
      { id: 'cy', name: 'Cy', from: 'cat', to: 'bob', fromName: 'Cat', toName: 'Bob' },
    ]);
    expect(d.people.teamChanged).toEqual([
      { id: 'cy', name: 'Cy', from: 'infra', to: 'search', fromName: 'Infra', toName: 'Search' },
    ]);
    expect(d.disruption).toMatchObject({ managerChanged: 2, teamChanged: 1, affected: 2, share: 2 / 9 });
    // Bob: gained amy, cy (2) + cy joined Search (1) = 3; Cat: lost cy + cy left Infra = 2; Ann: lost amy = 1.
    expect(d.byManager.map((m) => [m.managerId, m.changed])).toEqual([
      ['bob', 3],
      ['cat', 2],
      ['ann', 1],
    ]);
    expect(d.byManager[0]).toEqual({
      managerId: 'bob',
      name: 'Bob',
      gained: ['amy', 'cy'],
      lost: [],
      teamChanges: [
        { teamId: 'search', name: 'Search', change: 'kept', joined: ['cy'], left: [], fields: [] },
      ],
      changed: 3,
    });
    expect(d.byManager[2]).toMatchObject({ managerId: 'ann', lost: ['amy'], teamChanges: [] });
  });

  it('reports a manager whose own manager changed, even with no change below them', () => {
    const after = org(edit({ cat: { managerId: 'bob' } }), TEAMS);
    const d = diffOrgs(org(PEOPLE, TEAMS), after);
    const cat = d.byManager.find((m) => m.managerId === 'cat');
    expect(cat).toEqual({
      managerId: 'cat',
      name: 'Cat',
      gained: [],
      lost: [],
      ownManagerChanged: { from: 'ceo', to: 'bob' },
      teamChanges: [],
      changed: 1,
    });
    // An IC whose manager changes is not a manager row of their own.
    const ic = diffOrgs(org(PEOPLE, TEAMS), org(edit({ al: { managerId: 'bob' } }), TEAMS));
    expect(ic.byManager.map((m) => m.managerId).sort()).toEqual(['ann', 'bob']);
  });

  it('lists additions and removals with annual cost totals', () => {
    const after = org(
      edit({ ben: null }, [{ id: 'bo', name: 'Bo', managerId: 'bob', teamId: 'search', cost: 90 }]),
      TEAMS,
    );
    const d = diffOrgs(org(PEOPLE, TEAMS), after);
    expect(d.people.removed).toEqual([
      {
        id: 'ben',
        name: 'Ben',
        level: 'L3',
        managerId: 'bob',
        teamId: 'search',
        status: 'active',
        cost: 100,
      },
    ]);
    expect(d.people.added).toEqual([
      { id: 'bo', name: 'Bo', managerId: 'bob', teamId: 'search', status: 'active', cost: 90 },
    ]);
    expect(d.totals).toEqual({
      currency: 'EUR',
      recordsBefore: 9,
      recordsAfter: 9,
      costBefore: 1140,
      costAfter: 1130,
      costDelta: -10,
    });
    expect(d.disruption.affected).toBe(0);
    expect(d.byManager).toEqual([
      {
        managerId: 'bob',
        name: 'Bob',
        gained: ['bo'],
        lost: ['ben'],
        teamChanges: [
          { teamId: 'search', name: 'Search', change: 'kept', joined: ['bo'], left: ['ben'], fields: [] },
        ],
        changed: 4,
      },
    ]);
  });

  it('reports level, cost, status and title changes', () => {
    const after = org(
      edit({
        al: { level: 'L4', cost: 115 },
        bea: { status: 'leaving', title: 'Engineer' },
        cy: { cost: undefined },
      }),
      TEAMS,
    );
    const d = diffOrgs(org(PEOPLE, TEAMS), after);
    expect(d.people.levelChanged).toEqual([{ id: 'al', name: 'Al', from: 'L3', to: 'L4' }]);
    expect(d.people.costChanged).toEqual([
      { id: 'al', name: 'Al', from: 100, to: 115, delta: 15 },
      { id: 'cy', name: 'Cy', from: 120, to: null, delta: -120 },
    ]);
    expect(d.people.statusChanged).toEqual([{ id: 'bea', name: 'Bea', from: 'active', to: 'leaving' }]);
    expect(d.people.titleChanged).toEqual([{ id: 'bea', name: 'Bea', from: null, to: 'Engineer' }]);
    expect(d.totals.costDelta).toBe(-105);
    expect(d.disruption.affected).toBe(0);
    expect(d.byManager).toEqual([]);
  });
});
