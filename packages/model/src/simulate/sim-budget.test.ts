import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { people } from '../analyze/test-orgs';
import { createOrg, type Org } from '../schema/org';
import { createHeadcountPlan, type HeadcountPlanInput } from './plan';
import { simulatePlan } from './simulate-plan';

/** A manager (200k) over `ics` L3s (100k each), team t, as of 2026-10-01 (first quarter 2027-Q1). */
function team(ics: number): Org {
  const rows: Array<[string, string | null, object]> = [
    ['m', null, { level: 'M5', cost: 200_000, managerSince: '2020-01-01', teamId: 't' }],
  ];
  for (let i = 0; i < ics; i++) rows.push([`e${i}`, 'm', { level: 'L3', cost: 100_000, teamId: 't' }]);
  return createOrg({
    id: 'o',
    name: 'Org',
    asOf: '2026-10-01',
    people: people(...rows),
    teams: [{ id: 't', name: 'T', managerId: 'm' }],
  });
}

const planArb = fc.record({
  ics: fc.integer({ min: 1, max: 30 }),
  rate: fc.double({ min: 0, max: 0.6, noNaN: true }),
  hires: fc.integer({ min: 0, max: 10 }),
  quarters: fc.integer({ min: 1, max: 6 }),
  backfill: fc.boolean(),
  seed: fc.integer({ min: 0, max: 10_000 }),
});

type PlanCase = {
  ics: number;
  rate: number;
  hires: number;
  quarters: number;
  backfill: boolean;
  seed: number;
};

function setUp(p: PlanCase, extra: Partial<HeadcountPlanInput>) {
  const plan = createHeadcountPlan({
    quarters: p.quarters,
    attrition: { annualRate: p.rate },
    backfill: { enabled: p.backfill },
    hires: p.hires > 0 ? [{ teamId: 't', level: 'L3', count: p.hires, quarter: '2027-Q1' }] : [],
    ...extra,
  });
  return simulatePlan(team(p.ics), plan, { runs: 40, seed: p.seed });
}

describe('budget and headcount target', () => {
  it('gives probabilities in [0, 1], monotone in the budget (fast-check)', () => {
    fc.assert(
      fc.property(
        planArb,
        fc.integer({ min: 0, max: 5_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        fc.integer({ min: 0, max: 45 }),
        (p, low, more, target) => {
          const a = setUp(p, { budget: { annualCost: low }, headcountTarget: { count: target } });
          const b = setUp(p, { budget: { annualCost: low + more }, headcountTarget: { count: target } });
          a.quarters.forEach((q, i) => {
            for (const x of [q.pWithinBudget!, q.pAtHeadcountTarget!]) {
              expect(x).toBeGreaterThanOrEqual(0);
              expect(x).toBeLessThanOrEqual(1);
            }
            expect(q.pWithinBudget!).toBeLessThanOrEqual(b.quarters[i].pWithinBudget!);
          });
          expect(a.pWithinBudgetThroughout!).toBeLessThanOrEqual(b.pWithinBudgetThroughout!);
          expect(a.pWithinBudgetThroughout!).toBeLessThanOrEqual(
            Math.min(...a.quarters.map((q) => q.pWithinBudget!)),
          );
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives 1 for a budget above every run’s cost (every post filled) (fast-check)', () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const everyPost = 200_000 + (p.ics + p.hires) * 100_000;
        const r = setUp(p, { budget: { annualCost: everyPost } });
        expect(r.quarters.map((q) => q.pWithinBudget)).toEqual(r.quarters.map(() => 1));
        expect(r.pWithinBudgetThroughout).toBe(1);
        // Without attrition nobody leaves: below the starting cost no run is ever within budget.
        const none = setUp({ ...p, rate: 0 }, { budget: { annualCost: 200_000 + p.ics * 100_000 - 1 } });
        expect(none.quarters.map((q) => q.pWithinBudget)).toEqual(r.quarters.map(() => 0));
      }),
      { numRuns: 40 },
    );
  });

  it('keeps headcount constant with zero attrition and zero hires (fast-check)', () => {
    fc.assert(
      fc.property(planArb, (p) => {
        const r = setUp({ ...p, rate: 0, hires: 0 }, { headcountTarget: { count: p.ics + 1 } });
        for (const q of r.quarters) {
          expect([q.headcount.p10, q.headcount.p90]).toEqual([p.ics + 1, p.ics + 1]);
          expect(q.pAtHeadcountTarget).toBe(1);
        }
        expect(r.targetReachedBy).toEqual({ p50: '2027-Q1', p90: '2027-Q1' });
      }),
      { numRuns: 40 },
    );
  });

  it('reads the budget and target of each quarter, and the quarter by which the target is reached', () => {
    // 10 ICs + m = 1.2M; three hires opened in 2027-Q1 start in 2027-Q2 (1.5M, 14 people).
    const r = setUp(
      { ics: 10, rate: 0, hires: 3, quarters: 3, backfill: false, seed: 1 },
      {
        budget: { annualCost: 1_400_000, byQuarter: { '2027-Q3': 1_500_000 } },
        headcountTarget: { count: 14, byQuarter: { '2027-Q1': 11 } },
      },
    );
    expect(
      r.quarters.map((q) => [q.quarter, q.budget, q.pWithinBudget, q.headcountTarget, q.pAtHeadcountTarget]),
    ).toEqual([
      ['2027-Q1', 1_400_000, 1, 11, 1],
      ['2027-Q2', 1_400_000, 0, 14, 1],
      ['2027-Q3', 1_500_000, 1, 14, 1],
    ]);
    expect(r.pWithinBudgetThroughout).toBe(0);
    expect(r.targetReachedBy).toEqual({ p50: '2027-Q1', p90: '2027-Q1' });
    const never = setUp(
      { ics: 10, rate: 0, hires: 0, quarters: 2, backfill: false, seed: 1 },
      { headcountTarget: { count: 12 } },
    );
    expect(never.targetReachedBy).toEqual({ p50: null, p90: null });
  });

  it('splits the runs between reaching and missing a target under attrition', () => {
    // 30% attrition, no backfill: about half the runs keep 10 of 11 people after two quarters.
    const r = setUp(
      { ics: 10, rate: 0.3, hires: 0, quarters: 4, backfill: false, seed: 5 },
      { headcountTarget: { count: 10 } },
    );
    const shares = r.quarters.map((q) => q.pAtHeadcountTarget!);
    expect(shares[0]).toBeGreaterThan(shares[3]);
    for (let i = 1; i < shares.length; i++) expect(shares[i]).toBeLessThanOrEqual(shares[i - 1]);
    expect(r.targetReachedBy!.p50).toBe('2027-Q1');
  });

  it('leaves the results of plans without a budget or target as they were', () => {
    const r = setUp({ ics: 4, rate: 0.1, hires: 0, quarters: 2, backfill: true, seed: 1 }, {});
    expect('pWithinBudget' in r.quarters[0]).toBe(false);
    expect('targetReachedBy' in r).toBe(false);
    expect('pWithinBudgetThroughout' in r).toBe(false);
  });
});
