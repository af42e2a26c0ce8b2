import { describe, expect, it } from 'vitest';
import { createOrg } from '../schema/org';
import { applyOp } from './apply-ops';
import { expectApplied, expectRefused, managers, sampleOrg } from './op-test-kit';

describe('changeManager', () => {
  const org = sampleOrg();

  it('refuses malformed ops, listing the paths', () => {
    expectRefused(org, { type: 'changeManager', managerId: 'p2' }, 'invalid_op', /personId/);
    expectRefused(org, { type: 'changeManager', personId: 'p3', managerId: 7 }, 'invalid_op', /managerId/);
    expectRefused(
      org,
      { type: 'changeManager', personId: 'p3', managerId: 'p1', withReport: false },
      'invalid_op',
      /withReport/,
    );
    expectRefused(org, { type: 'changeManager', personId: '', managerId: 'p1' }, 'invalid_op', /personId/);
  });

  it('refuses unknown people, naming the missing id and what it was for', () => {
    expectRefused(
      org,
      { type: 'changeManager', personId: 'p99', managerId: 'p1' },
      'not_found',
      /"p99".*person to move/,
    );
    expectRefused(
      org,
      { type: 'changeManager', personId: 'p3', managerId: 'p99' },
      'not_found',
      /"p99".*new manager of Sam Lee \(p3\)/,
    );
  });

  it('refuses a reporting loop, naming both people', () => {
    const msg = expectRefused(org, { type: 'changeManager', personId: 'p2', managerId: 'p3' }, 'cycle');
    expect(msg).toBe(
      'Cannot move Dana Reyes (p2) under Sam Lee (p3): Sam reports to Dana, so this would create a reporting loop.',
    );
    expectRefused(
      org,
      { type: 'changeManager', personId: 'p2', managerId: 'p4' },
      'cycle',
      /Kim reports indirectly to Dana/,
    );
    expectRefused(org, { type: 'changeManager', personId: 'p3', managerId: 'p3' }, 'cycle', /themselves/);
  });

  it('refuses an aggregate record as a manager', () => {
    const withAggregate = sampleOrg({
      people: [...sampleOrg().people, { id: 'agg', fte: 12, aggregate: true, managerId: 'p1' }],
    });
    expectRefused(
      withAggregate,
      { type: 'changeManager', personId: 'p4', managerId: 'agg' },
      'invalid_target',
      /aggregate/,
    );
  });

  it('moves a person with their reports (the default)', () => {
    const next = expectApplied(org, { type: 'changeManager', personId: 'p3', managerId: 'p6' });
    expect(managers(next)).toEqual({ ...managers(org), p3: 'p6' });
    // Untouched records keep their identity, so a UI can memoise.
    expect(next.people[0]).toBe(org.people[0]);
    expect(next.people[3]).toBe(org.people[3]);
    expect(next.teams).toBe(org.teams);
    expect(next.ladder).toBe(org.ladder);
  });

  it('with withReports: false, the direct reports move up to the former manager', () => {
    const next = expectApplied(org, {
      type: 'changeManager',
      personId: 'p3',
      managerId: 'p6',
      withReports: false,
    });
    expect(managers(next)).toEqual({ ...managers(org), p3: 'p6', p4: 'p2', p5: 'p2' });
  });

  it('with withReports: false, a person can move under their own former report', () => {
    const next = expectApplied(org, {
      type: 'changeManager',
      personId: 'p3',
      managerId: 'p4',
      withReports: false,
    });
    expect(managers(next)).toEqual({ ...managers(org), p3: 'p4', p4: 'p2', p5: 'p2' });
  });

  it('moves a person to the top, and their reports to the top too when they had no manager', () => {
    const top = expectApplied(org, { type: 'changeManager', personId: 'p3', managerId: null });
    expect(top.people[2].managerId).toBeNull();
    const ceo = expectApplied(org, {
      type: 'changeManager',
      personId: 'p1',
      managerId: null,
      withReports: false,
    });
    expect(managers(ceo)).toEqual({ ...managers(org), p2: null });
  });

  it('returns the same org when nothing changes', () => {
    const res = applyOp(org, { type: 'changeManager', personId: 'p3', managerId: 'p2' });
    expect(res.ok && res.org).toBe(org);
    expect(res.ok && res.patches).toEqual([]);
  });

  it('accepts ops on a dirty org that do not make it worse', () => {
    const dirty = createOrg({
      id: 'd',
      name: 'Dirty',
      asOf: '2025-01-01',
      people: [
        { id: 'a' },
        { id: 'b', managerId: 'ghost' },
        { id: 'c', managerId: 'd' },
        { id: 'd', managerId: 'c' },
        { id: 'a', name: 'Second a' },
        { id: 'e', managerId: 'b' },
      ],
    });
    // b's dangling manager id is replaced; the loop c ↔ d is broken.
    const fixed = expectApplied(dirty, { type: 'changeManager', personId: 'b', managerId: 'a' });
    expect(fixed.people[1].managerId).toBe('a');
    const unlooped = expectApplied(dirty, { type: 'changeManager', personId: 'c', managerId: 'a' });
    expect(managers(unlooped)).toMatchObject({ c: 'a', d: 'c' });
    // e's reports move up to b's dangling manager? No: to the top, never to a missing id.
    const promoted = expectApplied(dirty, {
      type: 'changeManager',
      personId: 'b',
      managerId: 'a',
      withReports: false,
    });
    expect(managers(promoted)).toMatchObject({ b: 'a', e: null });
    // Leaving the loop for someone below it is fine; a new loop is still refused.
    const below = expectApplied(dirty, { type: 'changeManager', personId: 'c', managerId: 'e' });
    expect(managers(below)).toMatchObject({ c: 'e', d: 'c' });
    expectRefused(dirty, { type: 'changeManager', personId: 'b', managerId: 'e' }, 'cycle', /e reports to b/);
  });
});
