import { describe, expect, it } from 'vitest';
import { expectApplied, expectRefused, managers, sampleOrg } from './op-test-kit';

describe('moveTeam', () => {
  const org = sampleOrg();

  it('refuses malformed ops', () => {
    expectRefused(org, { type: 'moveTeam', teamId: 't1' }, 'invalid_op', /managerId/);
    expectRefused(org, { type: 'moveTeam', teamId: 't1', managerId: null }, 'invalid_op', /managerId/);
  });

  it('refuses unknown teams and managers', () => {
    expectRefused(
      org,
      { type: 'moveTeam', teamId: 'nope', managerId: 'p1' },
      'not_found',
      /team with id "nope"/,
    );
    expectRefused(org, { type: 'moveTeam', teamId: 't1', managerId: 'p99' }, 'not_found', /"p99"/);
  });

  it('refuses a team without a manager, and a team whose manager is not in the org', () => {
    expectRefused(
      org,
      { type: 'moveTeam', teamId: 't3', managerId: 'p1' },
      'invalid_target',
      /Data \(t3\).*no manager/,
    );
    const ghostLed = sampleOrg({ teams: [{ id: 'tg', name: 'Ghosts', managerId: 'gone' }] });
    expectRefused(
      ghostLed,
      { type: 'moveTeam', teamId: 'tg', managerId: 'p1' },
      'not_found',
      /its manager "gone"/,
    );
  });

  it('refuses moving a team under one of its own people', () => {
    expectRefused(org, { type: 'moveTeam', teamId: 't1', managerId: 'p4' }, 'cycle', /Kim reports to Sam/);
  });

  it("moves the team's manager, with everyone below, under the new manager", () => {
    const next = expectApplied(org, { type: 'moveTeam', teamId: 't2', managerId: 'p1' });
    expect(managers(next)).toEqual({ ...managers(org), p6: 'p1' });
    expect(next.teams).toBe(org.teams); // the team record itself is unchanged
  });
});
