import { describe, expect, it } from 'vitest';
import { expectApplied, expectRefused, sampleOrg } from './op-test-kit';

describe('addTeam', () => {
  const org = sampleOrg();

  it('refuses malformed teams', () => {
    expectRefused(org, { type: 'addTeam', team: { id: 't9' } }, 'invalid_op', /team\.name/);
    expectRefused(
      org,
      { type: 'addTeam', team: { id: 't9', name: 'X', type: 'squad' } },
      'invalid_op',
      /team\.type/,
    );
  });

  it('refuses a taken id, unknown managers and groups, and a team in itself', () => {
    expectRefused(
      org,
      { type: 'addTeam', team: { id: 't1', name: 'Again' } },
      'duplicate_id',
      /Payments \(t1\)/,
    );
    expectRefused(
      org,
      { type: 'addTeam', team: { id: 't9', name: 'X', managerId: 'p99' } },
      'not_found',
      /"p99"/,
    );
    expectRefused(
      org,
      { type: 'addTeam', team: { id: 't9', name: 'X', parentId: 'g9' } },
      'not_found',
      /"g9"/,
    );
    expectRefused(
      org,
      { type: 'addTeam', team: { id: 't9', name: 'X', parentId: 't9' } },
      'cycle',
      /own group/,
    );
  });

  it('refuses a group loop through teams already naming the new id as their group', () => {
    const dirty = sampleOrg({ teams: [{ id: 'a', name: 'A', parentId: 'b' }] });
    expectRefused(
      dirty,
      { type: 'addTeam', team: { id: 'b', name: 'B', parentId: 'a' } },
      'cycle',
      /groups would loop/,
    );
  });

  it('adds a team with defaults filled in', () => {
    const next = expectApplied(org, {
      type: 'addTeam',
      team: { id: 't4', name: 'Identity', managerId: 'p2', parentId: 'g1' },
    });
    expect(next.teams[4]).toEqual({
      id: 't4',
      name: 'Identity',
      kind: 'team',
      type: 'stream-aligned',
      managerId: 'p2',
      parentId: 'g1',
      domains: [],
    });
    expect(next.people).toBe(org.people);
    expect(next.teams[0]).toBe(org.teams[0]);
  });
});
