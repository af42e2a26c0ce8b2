import { describe, expect, it } from 'vitest';
import { expectApplied, expectRefused, sampleOrg } from './op-test-kit';

describe('setInteraction', () => {
  const org = sampleOrg();

  it('refuses malformed interactions', () => {
    expectRefused(
      org,
      { type: 'setInteraction', interaction: { from: 't1', to: 't3', mode: 'pairing' } },
      'invalid_op',
      /interaction\.mode/,
    );
    expectRefused(org, { type: 'setInteraction', from: 't1', to: 't3', mode: 'collaboration' }, 'invalid_op');
  });

  it('refuses unknown teams and a team with itself', () => {
    const op = (from: string, to: string) => ({
      type: 'setInteraction',
      interaction: { from, to, mode: 'collaboration' },
    });
    expectRefused(org, op('t9', 't1'), 'not_found', /"t9"/);
    expectRefused(org, op('t1', 't9'), 'not_found', /"t9"/);
    expectRefused(org, op('t1', 't1'), 'invalid_target', /Payments \(t1\) cannot interact with itself/);
  });

  it('adds a new pair at the end', () => {
    const next = expectApplied(org, {
      type: 'setInteraction',
      interaction: { from: 't3', to: 't1', mode: 'facilitating', expectedEnd: '2025-09-30' },
    });
    expect(next.interactions).toEqual([
      ...org.interactions,
      { from: 't3', to: 't1', mode: 'facilitating', expectedEnd: '2025-09-30' },
    ]);
  });

  it('replaces the interaction of the same pair in place', () => {
    const next = expectApplied(org, {
      type: 'setInteraction',
      interaction: { from: 't1', to: 't2', mode: 'collaboration' },
    });
    expect(next.interactions).toEqual([{ from: 't1', to: 't2', mode: 'collaboration' }, org.interactions[1]]);
    expect(next.interactions[1]).toBe(org.interactions[1]);
  });
});
