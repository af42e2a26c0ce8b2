import { describe, expect, it } from 'vitest';
import { expectApplied, expectRefused, sampleOrg } from './op-test-kit';

describe('updateLadder', () => {
  const org = sampleOrg();

  it('refuses a malformed ladder, listing the paths', () => {
    expectRefused(
      org,
      { type: 'updateLadder', ladder: { tracks: { ic: [{ id: 'L1', name: 'Junior', rank: 1.5 }] } } },
      'invalid_op',
      /ladder\.tracks\.ic\.0\.rank/,
    );
    expectRefused(
      org,
      {
        type: 'updateLadder',
        ladder: { tracks: { ic: [{ id: 'L1', name: 'Junior', rank: 1, band: { min: 90, max: 80 } }] } },
      },
      'invalid_op',
      /band min must not exceed band max/,
    );
  });

  it('replaces the ladder, defaults filled in', () => {
    const next = expectApplied(org, {
      type: 'updateLadder',
      ladder: { id: 'dropbox', tracks: { ic: [{ id: 'IC3', name: 'Software Engineer III', rank: 3 }] } },
    });
    expect(next.ladder).toEqual({
      id: 'dropbox',
      name: 'Ladder',
      tracks: { ic: [{ id: 'IC3', name: 'Software Engineer III', rank: 3 }], manager: [] },
    });
    expect(next.people).toBe(org.people);
  });
});
