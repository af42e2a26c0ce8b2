import { describe, expect, it } from 'vitest';
import { createOrg, type Org } from '../schema/org';
import type { PersonInput } from '../schema/person';
import type { TeamInput } from '../schema/team';
import { diffOrgs } from './diff-orgs';

function org(people: PersonInput[], teams: TeamInput[]): Org {
  return createOrg({ id: 'o', name: 'Org', asOf: '2026-01-01', people, teams });
}

/** Six people in team `a` under m1, four in `b` under m2, both under the head. */
function members(team: string, manager: string, ids: string[]): PersonInput[] {
  return ids.map((id) => ({ id, managerId: manager, teamId: team }));
}
const HEAD: PersonInput[] = [
  { id: 'head', name: 'Hana' },
  { id: 'm1', name: 'Mo', managerId: 'head', teamId: 'a' },
  { id: 'm2', name: 'Mia', managerId: 'head', teamId: 'b' },
];
const A = ['a1', 'a2', 'a3', 'a4', 'a5'];
const B = ['b1', 'b2', 'b3'];
const TEAMS: TeamInput[] = [
  { id: 'a', name: 'Alpha', managerId: 'm1' },
  { id: 'b', name: 'Beta', managerId: 'm2' },
];
const BEFORE = org([...HEAD, ...members('a', 'm1', A), ...members('b', 'm2', B)], TEAMS);

describe('diffOrgs: teams', () => {
  it('detects a merge: a removed team whose members mostly moved to one surviving team', () => {
    // Beta goes away: m2 and b1, b2 join Alpha under m1; b3 leaves the org. 3 of Beta's 4 moved to Alpha.
    const after = org(
      [
        ...HEAD.map((p) => (p.id === 'm2' ? { ...p, teamId: 'a', managerId: 'm1' } : p)),
        ...members('a', 'm1', [...A, 'b1', 'b2']),
      ],
      [TEAMS[0]],
    );
    const d = diffOrgs(BEFORE, after);
    expect(d.teams.removed).toEqual([
      { id: 'b', name: 'Beta', kind: 'team', type: 'stream-aligned', managerId: 'm2', members: 4 },
    ]);
    expect(d.teams.merged).toEqual([{ into: 'a', intoName: 'Alpha', from: ['b'], fromNames: ['Beta'] }]);
    expect(d.teams.split).toEqual([]);
    expect(d.disruption).toMatchObject({
      teamsRemoved: 1,
      teamsMerged: 1,
      teamChanged: 3,
      managerChanged: 3,
      affected: 3,
      share: 3 / 11,
    });
    const mia = d.byManager.find((m) => m.managerId === 'm2')!;
    expect(mia.lost).toEqual(['b1', 'b2', 'b3']);
    expect(mia.ownManagerChanged).toEqual({ from: 'head', to: 'm1' });
    expect(mia.teamChanges).toEqual([
      {
        teamId: 'b',
        name: 'Beta',
        change: 'removed',
        joined: [],
        left: ['m2', 'b1', 'b2', 'b3'],
        fields: [],
      },
    ]);
    expect(d.byManager[0].managerId).toBe('m2'); // 3 lost + 4 left + own manager = 8
    expect(d.byManager[0].changed).toBe(8);
  });

  it('does not call it a merge when most of the team left the org', () => {
    const after = org(
      [...HEAD.filter((p) => p.id !== 'm2'), ...members('a', 'm1', [...A, 'b1'])],
      [TEAMS[0]],
    );
    const d = diffOrgs(BEFORE, after);
    expect(d.teams.merged).toEqual([]);
    expect(d.disruption.teamsRemoved).toBe(1);
  });

  it('detects a split: a new team whose members mostly came from one team that still exists', () => {
    // a4, a5 leave Alpha for the new team Gamma, led by a3 who also moves.
    const after = org(
      [
        ...HEAD,
        ...members('a', 'm1', ['a1', 'a2']),
        { id: 'a3', managerId: 'm1', teamId: 'g' },
        ...members('g', 'a3', ['a4', 'a5']),
        ...members('b', 'm2', B),
      ],
      [...TEAMS, { id: 'g', name: 'Gamma', managerId: 'a3', type: 'enabling' }],
    );
    const d = diffOrgs(BEFORE, after);
    expect(d.teams.added).toEqual([
      { id: 'g', name: 'Gamma', kind: 'team', type: 'enabling', managerId: 'a3', members: 3 },
    ]);
    expect(d.teams.split).toEqual([{ from: 'a', fromName: 'Alpha', into: ['g'], intoNames: ['Gamma'] }]);
    expect(d.teams.merged).toEqual([]);
    expect(d.disruption).toMatchObject({
      teamsCreated: 1,
      teamsSplit: 1,
      managerChanged: 2,
      teamChanged: 3,
      affected: 3,
    });
    // a3 is now a manager: gained two, and their own manager did not change.
    const a3 = d.byManager.find((m) => m.managerId === 'a3')!;
    expect(a3.gained).toEqual(['a4', 'a5']);
    expect(a3.ownManagerChanged).toBeUndefined();
    expect(a3.teamChanges).toEqual([
      { teamId: 'g', name: 'Gamma', change: 'created', joined: ['a3', 'a4', 'a5'], left: [], fields: [] },
    ]);
  });

  it('treats a team replaced by one new team as removed plus added (a rename), not a merge or split', () => {
    const after = org(
      [
        ...HEAD.map((p) => (p.id === 'm2' ? { ...p, teamId: 'b2x' } : p)),
        ...members('a', 'm1', A),
        ...members('b2x', 'm2', B),
      ],
      [TEAMS[0], { id: 'b2x', name: 'Beta 2', managerId: 'm2' }],
    );
    const d = diffOrgs(BEFORE, after);
    expect(d.teams.merged).toEqual([]);
    expect(d.teams.split).toEqual([]);
    expect(d.disruption).toMatchObject({
      teamsCreated: 1,
      teamsRemoved: 1,
      teamChanged: 4,
      managerChanged: 0,
    });
  });

  it('detects two removed teams merging into one new team', () => {
    const after = org(
      [
        ...HEAD.map((p) => (p.id === 'm1' || p.id === 'm2' ? { ...p, teamId: 'ab' } : p)),
        ...members('ab', 'm1', A),
        ...members('ab', 'm2', B),
      ],
      [{ id: 'ab', name: 'Alphabeta', managerId: 'm1' }],
    );
    const d = diffOrgs(BEFORE, after);
    expect(d.teams.merged).toEqual([
      { into: 'ab', intoName: 'Alphabeta', from: ['a', 'b'], fromNames: ['Alpha', 'Beta'] },
    ]);
    expect(d.teams.split).toEqual([]);
    expect(d.disruption).toMatchObject({ teamsMerged: 2, teamsCreated: 1, teamsRemoved: 2 });
  });

  it('lists changed team fields and hands a team from one manager to another', () => {
    const after = org(
      [...HEAD, ...members('a', 'm1', A), ...members('b', 'm2', B)],
      [TEAMS[0], { ...TEAMS[1], managerId: 'm1', type: 'platform' }],
    );
    const d = diffOrgs(BEFORE, after);
    expect(d.teams.changed).toEqual([
      {
        id: 'b',
        name: 'Beta',
        fields: ['type', 'managerId'],
        from: { type: 'stream-aligned', managerId: 'm2' },
        to: { type: 'platform', managerId: 'm1' },
      },
    ]);
    expect(d.disruption.affected).toBe(0);
    const change = { teamId: 'b', name: 'Beta', joined: [], left: [], fields: ['type', 'managerId'] };
    expect(d.byManager.map((m) => [m.managerId, m.teamChanges])).toEqual([
      ['m1', [{ ...change, change: 'gained' }]],
      ['m2', [{ ...change, change: 'lost' }]],
    ]);
  });
});
