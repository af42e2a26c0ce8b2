import { describe, expect, it } from 'vitest';
import { createOrg } from '../schema/org';
import { expectApplied, expectRefused, managers, sampleOrg } from './op-test-kit';

describe('addPerson', () => {
  const org = sampleOrg();

  it('refuses malformed people, listing the paths', () => {
    expectRefused(org, { type: 'addPerson', person: { name: 'No id' } }, 'invalid_op', /person\.id/);
    expectRefused(org, { type: 'addPerson', person: { id: 'x', fte: -1 } }, 'invalid_op', /person\.fte/);
    expectRefused(
      org,
      { type: 'addPerson', person: { id: 'x', reportsTo: 'p1' } },
      'invalid_op',
      /reportsTo/,
    );
  });

  it('refuses a taken id, naming who holds it', () => {
    expectRefused(
      org,
      { type: 'addPerson', person: { id: 'p3' } },
      'duplicate_id',
      /already used by Sam Lee \(p3\)/,
    );
  });

  it('refuses unknown managers, teams and dotted-line managers', () => {
    expectRefused(
      org,
      { type: 'addPerson', person: { id: 'x', managerId: 'p99' } },
      'not_found',
      /"p99".*manager of x/,
    );
    expectRefused(
      org,
      { type: 'addPerson', person: { id: 'x', teamId: 't9' } },
      'not_found',
      /team with id "t9"/,
    );
    expectRefused(
      org,
      { type: 'addPerson', person: { id: 'x', dottedManagerIds: ['p9'] } },
      'not_found',
      /dotted/,
    );
    expectRefused(org, { type: 'addPerson', person: { id: 'x', managerId: 'x' } }, 'cycle', /themselves/);
  });

  it('refuses a person who would close a loop through records already naming their id', () => {
    const dangling = createOrg({
      id: 'd',
      name: 'D',
      asOf: '2025-01-01',
      people: [{ id: 'a', managerId: 'ghost' }, { id: 'b' }],
    });
    expectRefused(
      dangling,
      { type: 'addPerson', person: { id: 'ghost', managerId: 'a' } },
      'cycle',
      /already reports to "ghost"/,
    );
    // Adding the missing manager at the top repairs the dangling line.
    const repaired = expectApplied(dangling, { type: 'addPerson', person: { id: 'ghost', managerId: 'b' } });
    expect(managers(repaired)).toEqual({ a: 'ghost', b: null, ghost: 'b' });
  });

  it('adds an open requisition with defaults filled in', () => {
    const next = expectApplied(org, {
      type: 'addPerson',
      person: {
        id: 'req-1',
        title: 'Senior Engineer',
        level: 'L4',
        status: 'open',
        managerId: 'p3',
        teamId: 't1',
        cost: 150_000,
      },
    });
    expect(next.people).toHaveLength(9);
    expect(next.people[8]).toEqual({
      id: 'req-1',
      title: 'Senior Engineer',
      level: 'L4',
      status: 'open',
      managerId: 'p3',
      teamId: 't1',
      cost: 150_000,
      dottedManagerIds: [],
      fte: 1,
      aggregate: false,
      isAssistant: false,
    });
    expect(next.people[0]).toBe(org.people[0]);
  });
});
