import { describe, expect, it } from 'vitest';
import { expectApplied, expectRefused, sampleOrg } from './op-test-kit';

describe('removeInteraction', () => {
  const org = sampleOrg();

  it('refuses malformed ops and a pair with no interaction (direction matters)', () => {
    expectRefused(org, { type: 'removeInteraction', from: 't1' }, 'invalid_op', /to/);
    expectRefused(
      org,
      { type: 'removeInteraction', from: 't2', to: 't1' },
      'not_found',
      /from team "t2" to team "t1"/,
    );
  });

  it('removes the interaction', () => {
    const next = expectApplied(org, { type: 'removeInteraction', from: 't1', to: 't2' });
    expect(next.interactions).toEqual([org.interactions[1]]);
    expect(next.teams).toBe(org.teams);
  });
});
