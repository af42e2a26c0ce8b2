import { describe, expect, it } from 'vitest';
import { expectApplied, expectRefused, sampleOrg, teamsOf } from './op-test-kit';

describe('assignTeam', () => {
  const org = sampleOrg();

  it('refuses malformed ops', () => {
    expectRefused(org, { type: 'assignTeam', personId: 'p4' }, 'invalid_op', /teamId/);
    expectRefused(org, { type: 'assignTeam', personId: 'p4', teamId: ['t2'] }, 'invalid_op', /teamId/);
  });

  it('refuses unknown people and teams', () => {
    expectRefused(
      org,
      { type: 'assignTeam', personId: 'p99', teamId: 't2' },
      'not_found',
      /person with id "p99"/,
    );
    expectRefused(
      org,
      { type: 'assignTeam', personId: 'p4', teamId: 't9' },
      'not_found',
      /"t9".*Kim Park \(p4\)/,
    );
  });

  it('moves a person to another team, or out of any team', () => {
    const moved = expectApplied(org, { type: 'assignTeam', personId: 'p4', teamId: 't3' });
    expect(teamsOf(moved)).toEqual({ ...teamsOf(org), p4: 't3' });
    expect(moved.people[3].managerId).toBe('p3'); // the reporting line does not change
    const out = expectApplied(org, { type: 'assignTeam', personId: 'p4', teamId: null });
    expect(out.people[3].teamId).toBeNull();
  });
});
