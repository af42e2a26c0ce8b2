import { describe, expect, it } from 'vitest';
import { expectApplied, expectRefused, sampleOrg, teamsOf } from './op-test-kit';

describe('removeTeam', () => {
  const org = sampleOrg();

  it('refuses malformed ops and unknown teams', () => {
    expectRefused(org, { type: 'removeTeam', teamId: 3 }, 'invalid_op', /teamId/);
    expectRefused(org, { type: 'removeTeam', teamId: 't9' }, 'not_found', /"t9".*team to remove/);
  });

  it('unassigns the members and removes its interactions', () => {
    const next = expectApplied(org, { type: 'removeTeam', teamId: 't2' });
    expect(next.teams.map((t) => t.id)).toEqual(['g1', 't1', 't3']);
    expect(teamsOf(next)).toEqual({ ...teamsOf(org), p6: null, p7: null, p8: null });
    expect(next.interactions).toEqual([]);
    expect(next.people[6].managerId).toBe('p6'); // reporting lines do not change
  });

  it("moves the teams of a removed group up to the group's own group", () => {
    const nested = sampleOrg();
    const withTop = expectApplied(nested, {
      type: 'addTeam',
      team: { id: 'root', name: 'Company', kind: 'group' },
    });
    const inTop = expectApplied(withTop, { type: 'updateTeam', teamId: 'g1', changes: { parentId: 'root' } });
    const next = expectApplied(inTop, { type: 'removeTeam', teamId: 'g1' });
    expect(Object.fromEntries(next.teams.map((t) => [t.id, t.parentId]))).toEqual({
      t1: 'root',
      t2: 'root',
      t3: null,
      root: null,
    });
    expect(next.people[1].teamId).toBeNull();
  });
});
