import { describe, expect, it } from 'vitest';
import { createHeadcountPlan } from '../simulate/plan';
import { simulatePlan } from '../simulate/simulate-plan';
import { expectApplied, expectRefused, sampleOrg } from './op-test-kit';

describe('setRateCard', () => {
  const org = sampleOrg();
  const card = {
    source: 'Finance 2027 bands',
    rates: [
      { level: 'L4', annualCost: 120_000 },
      { level: 'L4', location: 'Berlin', annualCost: 95_000 },
    ],
  };

  it('sets, replaces and removes the rate card (undo restores the previous one)', () => {
    expect(org.rateCard).toBeUndefined();
    const set = expectApplied(org, { type: 'setRateCard', rateCard: card });
    expect(set.rateCard).toEqual(card);
    const replaced = expectApplied(set, {
      type: 'setRateCard',
      rateCard: { rates: [{ level: 'L5', annualCost: 150_000 }] },
    });
    expect(replaced.rateCard).toEqual({ rates: [{ level: 'L5', annualCost: 150_000 }] });
    const removed = expectApplied(set, { type: 'setRateCard', rateCard: null });
    expect('rateCard' in removed).toBe(false);
  });

  it('refuses levels the ladder does not have and duplicate rates, naming them', () => {
    expectRefused(
      org,
      {
        type: 'setRateCard',
        rateCard: {
          rates: [
            { level: 'L4', annualCost: 1 },
            { level: 'X9', annualCost: 2 },
          ],
        },
      },
      'invalid_op',
      /rates\.1\.level: unknown level "X9"/,
    );
    expectRefused(
      org,
      {
        type: 'setRateCard',
        rateCard: {
          rates: [
            { level: 'L4', location: 'Berlin', annualCost: 1 },
            { level: 'L4', location: ' berlin ', annualCost: 2 },
          ],
        },
      },
      'invalid_op',
      /duplicate rate for level L4 at berlin/,
    );
    expectRefused(
      org,
      { type: 'setRateCard', rateCard: { rates: [{ level: 'L4', annualCost: -1 }] } },
      'invalid_op',
    );
  });

  it('prices a planned hire without a cost from the card the op set, by location first', () => {
    const team = org.teams.find((t) => t.kind === 'team')!;
    const priced = expectApplied(org, { type: 'setRateCard', rateCard: card });
    const plan = createHeadcountPlan({
      startQuarter: '2025-Q2',
      quarters: 1,
      timeToHireQuarters: 0,
      attrition: { annualRate: 0 },
      hires: [
        { teamId: team.id, level: 'L4', count: 2, quarter: '2025-Q2' },
        { teamId: team.id, level: 'L4', count: 1, quarter: '2025-Q2', location: 'berlin' },
      ],
    });
    const result = simulatePlan(priced, plan, { runs: 1, seed: 1 });
    const hires = result.costSources.filter((r) => r.of === 'hire');
    expect(hires.map((r) => [r.source, r.rateLocation, r.annualCostPerPost])).toEqual([
      ['rate-card', null, 120_000],
      ['rate-card', 'berlin', 95_000], // locations match ignoring case
    ]);
    expect(result.quarters[0]!.cost.p50 - result.start.cost).toBe(2 * 120_000 + 95_000);
  });
});
