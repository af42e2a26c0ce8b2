import { describe, expect, it } from 'vitest';
import { expectApplied, expectRefused, sampleOrg } from './op-test-kit';

describe('updateTeam', () => {
  const org = sampleOrg();

  it('refuses malformed changes and a new id', () => {
    expectRefused(
      org,
      { type: 'updateTeam', teamId: 't1', changes: { type: 'squad' } },
      'invalid_op',
      /changes\.type/,
    );
    expectRefused(
      org,
      { type: 'updateTeam', teamId: 't1', changes: { name: '' } },
      'invalid_op',
      /changes\.name/,
    );
    expectRefused(
      org,
      { type: 'updateTeam', teamId: 't1', changes: { id: 'x' } },
      'invalid_op',
      /id cannot change/,
    );
  });

  it('refuses unknown teams, managers and groups', () => {
    expectRefused(org, { type: 'updateTeam', teamId: 't9', changes: {} }, 'not_found', /"t9"/);
    expectRefused(
      org,
      { type: 'updateTeam', teamId: 't1', changes: { managerId: 'p99' } },
      'not_found',
      /"p99"/,
    );
    expectRefused(
      org,
      { type: 'updateTeam', teamId: 't1', changes: { parentId: 'g9' } },
      'not_found',
      /"g9"/,
    );
  });

  it('refuses a group loop', () => {
    expectRefused(
      org,
      { type: 'updateTeam', teamId: 'g1', changes: { parentId: 't1' } },
      'cycle',
      /groups would loop/,
    );
    expectRefused(
      org,
      { type: 'updateTeam', teamId: 'g1', changes: { parentId: 'g1' } },
      'cycle',
      /own group/,
    );
  });

  it('changes name, type, manager, group and domains', () => {
    const next = expectApplied(org, {
      type: 'updateTeam',
      teamId: 't3',
      changes: {
        name: 'Data Platform',
        type: 'platform',
        managerId: 'p6',
        parentId: 'g1',
        domains: [{ name: 'Warehouse', complexity: 'complicated' }, { name: 'Events' }],
      },
    });
    expect(next.teams[3]).toEqual({
      id: 't3',
      name: 'Data Platform',
      kind: 'team',
      type: 'platform',
      managerId: 'p6',
      parentId: 'g1',
      domains: [
        { name: 'Warehouse', complexity: 'complicated' },
        { name: 'Events', complexity: 'simple' },
      ],
    });
    const cleared = expectApplied(org, {
      type: 'updateTeam',
      teamId: 't1',
      changes: { managerId: null, parentId: null },
    });
    expect(cleared.teams[1]).toMatchObject({ managerId: null, parentId: null });
    expect(cleared.teams[0]).toBe(org.teams[0]);
  });
});
