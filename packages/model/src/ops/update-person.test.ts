import { describe, expect, it } from 'vitest';
import { PersonSchema } from '../schema/person';
import { expectApplied, expectRefused, sampleOrg } from './op-test-kit';
import { UPDATABLE_PERSON_FIELDS } from './update-person';

describe('updatePerson', () => {
  const org = sampleOrg();

  it('refuses malformed changes, listing the paths', () => {
    expectRefused(
      org,
      { type: 'updatePerson', personId: 'p4', changes: { fte: -0.5 } },
      'invalid_op',
      /changes\.fte/,
    );
    expectRefused(
      org,
      { type: 'updatePerson', personId: 'p4', changes: { status: 'gone' } },
      'invalid_op',
      /changes\.status/,
    );
    expectRefused(
      org,
      { type: 'updatePerson', personId: 'p4', changes: { managerSince: '2025-13-01' } },
      'invalid_op',
    );
    expectRefused(
      org,
      { type: 'updatePerson', personId: 'p4', changes: { titel: 'x' } },
      'invalid_op',
      /titel/,
    );
  });

  it('refuses changing the id, the manager or the team, naming the op to use', () => {
    expectRefused(
      org,
      { type: 'updatePerson', personId: 'p4', changes: { managerId: 'p1' } },
      'invalid_op',
      /use changeManager/,
    );
    expectRefused(
      org,
      { type: 'updatePerson', personId: 'p4', changes: { teamId: 't2' } },
      'invalid_op',
      /use assignTeam/,
    );
    expectRefused(
      org,
      { type: 'updatePerson', personId: 'p4', changes: { id: 'p44' } },
      'invalid_op',
      /id cannot change/,
    );
  });

  it('refuses unknown people and dotted-line managers', () => {
    expectRefused(org, { type: 'updatePerson', personId: 'p99', changes: {} }, 'not_found', /"p99"/);
    expectRefused(
      org,
      { type: 'updatePerson', personId: 'p4', changes: { dottedManagerIds: ['p9'] } },
      'not_found',
      /"p9"/,
    );
    expectRefused(
      org,
      { type: 'updatePerson', personId: 'p4', changes: { dottedManagerIds: ['p4'] } },
      'invalid_target',
    );
  });

  it('refuses making a manager an aggregate of posts', () => {
    expectRefused(
      org,
      { type: 'updatePerson', personId: 'p3', changes: { aggregate: true } },
      'invalid_target',
      /direct reports/,
    );
  });

  it('changes the given fields, and clears optional ones given as null', () => {
    const next = expectApplied(org, {
      type: 'updatePerson',
      personId: 'p3',
      changes: {
        title: 'Senior EM',
        level: 'M6',
        status: 'leaving',
        fte: 0.8,
        cost: null,
        managerSince: '2025-01-01',
      },
    });
    const { cost: _cost, ...before } = org.people[2];
    expect(next.people[2]).toEqual({
      ...before,
      title: 'Senior EM',
      level: 'M6',
      status: 'leaving',
      fte: 0.8,
      managerSince: '2025-01-01',
    });
    expect('cost' in next.people[2]).toBe(false);
    expect(next.people[3]).toBe(org.people[3]);
  });

  it('sets dotted-line managers', () => {
    const next = expectApplied(org, {
      type: 'updatePerson',
      personId: 'p4',
      changes: { dottedManagerIds: ['p6', 'p1'] },
    });
    expect(next.people[3].dottedManagerIds).toEqual(['p6', 'p1']);
  });

  it('keeps the same record when the changes are the current values', () => {
    const next = expectApplied(org, {
      type: 'updatePerson',
      personId: 'p3',
      changes: { name: 'Sam Lee', level: 'M5' },
    });
    expect(next).toBe(org);
  });

  it('covers every person field except id, managerId and teamId', () => {
    const all = Object.keys(PersonSchema.shape).filter((k) => !['id', 'managerId', 'teamId'].includes(k));
    expect([...UPDATABLE_PERSON_FIELDS].sort()).toEqual(all.sort());
  });
});
