import { describe, expect, it } from 'vitest';
import { people } from '../analyze/test-orgs';
import { createOrg } from '../schema/org';
import { createHeadcountPlan } from './plan';
import { simulatePlan } from './simulate-plan';

/** 175/256 a year is exactly 1/4 a quarter: 1 − (1 − 175/256)^(1/4) = 1 − 3/4. */
const QUARTER_OF_A_QUARTER = 175 / 256;

describe('the manager bench', () => {
  // m (M5, experienced) over four L3 and two L4: senior rank 4, so the L4s are the senior ICs.
  const org = createOrg({
    id: 'o',
    name: 'Org',
    asOf: '2026-10-01',
    people: people(
      ['m', null, { level: 'M5', managerSince: '2020-01-01', teamId: 't' }],
      ...['a', 'b', 'c', 'd'].map(
        (id) => [id, 'm', { level: 'L3', teamId: 't' }] as [string, string, object],
      ),
      ...['e', 'f'].map((id) => [id, 'm', { level: 'L4', teamId: 't' }] as [string, string, object]),
    ),
    teams: [{ id: 't', name: 'T', managerId: 'm' }],
  });
  const plan = createHeadcountPlan({
    quarters: 2,
    attrition: { annualRate: 0 },
    // Six L3 hires opened in 2027-Q1 start in 2027-Q2: twelve reports, so a second manager is needed.
    hires: [{ teamId: 't', level: 'L3', count: 6, quarter: '2027-Q1' }],
    promotions: { byLevel: { L3: QUARTER_OF_A_QUARTER }, intoManagement: { L4: QUARTER_OF_A_QUARTER } },
  });
  const bench = simulatePlan(org, plan, { runs: 3 }).managerBench;

  it('moves a quarter of L3s up and a quarter of L4s into management each quarter (hand-computed)', () => {
    // 2027-Q1: 4 L3 → 1 promoted: L3 3, L4 3; a quarter of L4 (0.75) to the bench: L4 2.25.
    // 2027-Q2: 6 hires land: L3 9 → 2.25 promoted: L3 6.75, L4 4.5; 1.125 to the bench: L4 3.375,
    // bench 0.75 + 1.125 = 1.875; one new manager req, which the bench covers.
    expect(bench.map((q) => [q.quarter, q.managersNeeded, q.newManagerReqs])).toEqual([
      ['2027-Q1', 1, 0],
      ['2027-Q2', 2, 1],
    ]);
    expect(bench[0].seniorIcs).toBeCloseTo(2.25, 6);
    expect(bench[0].internalCandidates).toBeCloseTo(0.75, 6);
    expect(bench[1].seniorIcs).toBeCloseTo(3.375, 2);
    expect(bench[1].internalCandidates).toBeCloseTo(1.875, 2);
    expect(bench.map((q) => q.externalManagersNeeded)).toEqual([0, 0]);
  });

  it('needs managers from outside when nobody moves into management', () => {
    const none = simulatePlan(
      org,
      { ...plan, promotions: { byLevel: { L3: QUARTER_OF_A_QUARTER } } },
      { runs: 3 },
    );
    expect(none.managerBench.map((q) => [q.internalCandidates, q.externalManagersNeeded])).toEqual([
      [0, 0],
      [0, 1],
    ]);
    // Without the bench's outflow the L4s keep everyone promoted: 2 + 1 = 3, then 3 + 2.25.
    expect(none.managerBench.map((q) => q.seniorIcs)).toEqual([3, 5.25]);
  });

  it('loses bench and ICs to attrition, and backfills leavers at their level', () => {
    // 175/256 attrition a year: a quarter of each level leaves each quarter; no promotions.
    const leaky = createHeadcountPlan({
      quarters: 3,
      attrition: { annualRate: QUARTER_OF_A_QUARTER },
      timeToHireQuarters: 1,
      backfill: { enabled: true, delayQuarters: 0 },
    });
    // L4: 2 → 1.5 (0.5 leave, back in the next quarter) → 1.5 − 0.375 + 0.5 = 1.625 → 1.625 − 0.40625 + 0.375.
    const seniors = simulatePlan(org, leaky, { runs: 3 }).managerBench.map((q) => q.seniorIcs);
    // Rounded to 2 decimals: 1.5, 1.625 → 1.63, 1.59375 → 1.59.
    expect(seniors).toEqual([1.5, 1.63, 1.59]);
  });
});
