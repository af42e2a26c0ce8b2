import { describe, expect, it } from 'vitest';
import { expectApplied, expectRefused, sampleOrg, teamsOf } from './op-test-kit';

describe('splitTeam', () => {
  const org = sampleOrg();
  const newTeam = { id: 't4', name: 'Payouts', managerId: 'p4' };

  it('refuses malformed ops', () => {
    expectRefused(
      org,
      { type: 'splitTeam', teamId: 't1', newTeam: { id: 't4' }, memberIds: [] },
      'invalid_op',
      /newTeam\.name/,
    );
    expectRefused(
      org,
      { type: 'splitTeam', teamId: 't1', newTeam, memberIds: ['p4', 'p4'] },
      'invalid_op',
      /listed twice/,
    );
  });

  it('refuses unknown teams and people, a taken id, and people outside the team', () => {
    expectRefused(org, { type: 'splitTeam', teamId: 't9', newTeam, memberIds: [] }, 'not_found', /"t9"/);
    expectRefused(
      org,
      { type: 'splitTeam', teamId: 't1', newTeam: { id: 't2', name: 'X' }, memberIds: [] },
      'duplicate_id',
    );
    expectRefused(
      org,
      { type: 'splitTeam', teamId: 't1', newTeam, memberIds: ['p99'] },
      'not_found',
      /"p99"/,
    );
    expectRefused(
      org,
      { type: 'splitTeam', teamId: 't1', newTeam, memberIds: ['p7'] },
      'invalid_target',
      /Ola Berg \(p7\).*not a member of Payments \(t1\)/,
    );
    expectRefused(
      org,
      { type: 'splitTeam', teamId: 't1', newTeam: { ...newTeam, managerId: 'p99' }, memberIds: [] },
      'not_found',
    );
  });

  it('creates the new team in the same group and moves the members', () => {
    const next = expectApplied(org, { type: 'splitTeam', teamId: 't1', newTeam, memberIds: ['p4'] });
    expect(next.teams[4]).toEqual({
      id: 't4',
      name: 'Payouts',
      kind: 'team',
      type: 'stream-aligned',
      managerId: 'p4',
      parentId: 'g1',
      domains: [],
    });
    expect(teamsOf(next)).toEqual({ ...teamsOf(org), p4: 't4' });
  });

  it('puts the new team where its parentId says, null included', () => {
    const top = expectApplied(org, {
      type: 'splitTeam',
      teamId: 't1',
      newTeam: { ...newTeam, parentId: null },
      memberIds: [],
    });
    expect(top.teams[4].parentId).toBeNull();
    expectRefused(
      org,
      { type: 'splitTeam', teamId: 't1', newTeam: { ...newTeam, parentId: 'g9' }, memberIds: [] },
      'not_found',
    );
  });
});
