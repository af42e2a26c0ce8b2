import { describe, expect, it } from 'vitest';
import { expectApplied, expectRefused, sampleOrg } from './op-test-kit';

describe('updatePolicy', () => {
  const org = sampleOrg();

  it('refuses malformed ops and unknown settings, naming them', () => {
    expectRefused(org, { type: 'updatePolicy', policy: 5 }, 'invalid_op', /policy/);
    expectRefused(
      org,
      { type: 'updatePolicy', policy: { span: { newManger: { min: 3 } } } },
      'invalid_op',
      /span\.newManger/,
    );
  });

  it('refuses a merged policy that is not valid, naming the path', () => {
    expectRefused(
      org,
      { type: 'updatePolicy', policy: { span: { newManager: { min: 9 } } } },
      'invalid_result',
      /policy\.span\.newManager: min must not exceed max/,
    );
    expectRefused(
      org,
      { type: 'updatePolicy', policy: { seniorRank: 'four' } },
      'invalid_result',
      /policy\.seniorRank/,
    );
  });

  it('deep-merges a partial policy over the current one, keeping untouched parts', () => {
    const next = expectApplied(org, {
      type: 'updatePolicy',
      policy: { span: { experiencedSenior: { max: 10 } }, teams: { maxSize: 8 } },
    });
    expect(next.policy.span.experiencedSenior).toEqual({ min: 6, max: 10 });
    expect(next.policy.teams).toEqual({ ...org.policy.teams, maxSize: 8 });
    expect(next.policy.span.newManager).toBe(org.policy.span.newManager);
    expect(next.policy.layers).toBe(org.policy.layers);
  });

  it('returns the same org for a policy equal to the current one', () => {
    const next = expectApplied(org, { type: 'updatePolicy', policy: { seniorRank: 4 } });
    expect(next).toBe(org);
  });
});
