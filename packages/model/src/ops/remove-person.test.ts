import { describe, expect, it } from 'vitest';
import { createOrg } from '../schema/org';
import { expectApplied, expectRefused, managers, sampleOrg } from './op-test-kit';

describe('removePerson', () => {
  const org = sampleOrg();

  it('refuses malformed ops and unknown people', () => {
    expectRefused(org, { type: 'removePerson' }, 'invalid_op', /personId/);
    expectRefused(org, { type: 'removePerson', personId: 'p99' }, 'not_found', /"p99".*person to remove/);
  });

  it("moves the direct reports to the removed person's manager and clears every reference", () => {
    const next = expectApplied(org, { type: 'removePerson', personId: 'p3' });
    const { p3: _gone, ...rest } = managers(org);
    expect(managers(next)).toEqual({ ...rest, p4: 'p2', p5: 'p2' });
    expect(next.people.find((p) => p.id === 'p8')?.dottedManagerIds).toEqual([]);
    expect(next.teams.find((t) => t.id === 't1')?.managerId).toBeNull();
    expect(next.people[0]).toBe(org.people[0]);
  });

  it('moves the reports of the top person to the top', () => {
    const next = expectApplied(org, { type: 'removePerson', personId: 'p1' });
    expect(next.people.find((p) => p.id === 'p2')?.managerId).toBeNull();
  });

  it('removes every record of a duplicated id, and never leaves a dangling or self-reporting manager', () => {
    const dirty = createOrg({
      id: 'd',
      name: 'D',
      asOf: '2025-01-01',
      people: [
        { id: 'a', managerId: 'ghost' },
        { id: 'b', managerId: 'a' },
        { id: 'a', name: 'Second a', managerId: 'ghost' },
        { id: 'c', managerId: 'd' },
        { id: 'd', managerId: 'c' },
      ],
    });
    const noA = expectApplied(dirty, { type: 'removePerson', personId: 'a' });
    expect(managers(noA)).toEqual({ b: null, c: 'd', d: 'c' });
    const noC = expectApplied(dirty, { type: 'removePerson', personId: 'c' });
    expect(managers(noC)).toMatchObject({ d: null });
  });
});
