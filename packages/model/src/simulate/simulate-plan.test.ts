import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dirtyPeopleArb, people } from '../analyze/test-orgs';
import { createOrg, type Org } from '../schema/org';
import type { PersonInput } from '../schema/person';
import { createHeadcountPlan, type HeadcountPlanInput } from './plan';
import { SimulationResultSchema } from './result';
import { SimulateOptionsSchema, simulatePlan } from './simulate-plan';

type Row = [string, string | null, Partial<PersonInput>?];

/** An org as of 2026-10-01 (so the first simulated quarter is 2027-Q1). */
function org(rows: Row[], teams: Array<{ id: string; managerId: string | null }> = []): Org {
  return createOrg({
    id: 'o',
    name: 'Org',
    asOf: '2026-10-01',
    people: people(...rows),
    teams: teams.map((t) => ({ ...t, name: t.id })),
  });
}

/** A manager `m` (experienced, cost 200k) over `ics` ICs at `level` (cost 100k), team `t`. */
function team(ics: number, level = 'L3', extra: Partial<PersonInput> = {}): Org {
  const rows: Row[] = [['m', null, { level: 'M5', cost: 200_000, managerSince: '2020-01-01', teamId: 't' }]];
  for (let i = 0; i < ics; i++) rows.push([`e${i}`, 'm', { level, cost: 100_000, teamId: 't', ...extra }]);
  return org(rows, [{ id: 't', managerId: 'm' }]);
}

const plan = (input: Partial<HeadcountPlanInput> = {}) =>
  createHeadcountPlan({ attrition: { annualRate: 0 }, ...input });
const p50 = (
  result: ReturnType<typeof simulatePlan>,
  key: 'headcount' | 'cost' | 'hires' | 'productiveFte',
) => result.quarters.map((q) => q[key].p50);

describe('simulatePlan: determinism', () => {
  const o = team(30);
  const p = plan({
    attrition: { annualRate: 0.3 },
    hires: [{ teamId: 't', level: 'L4', count: 3, quarter: '2027-Q2' }],
  });

  it('gives the same result for the same seed, byte for byte', () => {
    const a = JSON.stringify(simulatePlan(o, p, { runs: 200, seed: 99 }));
    const b = JSON.stringify(simulatePlan(o, p, { runs: 200, seed: 99 }));
    expect(a).toBe(b);
    expect(JSON.stringify(simulatePlan(o, p, { runs: 200, seed: 100 }))).not.toBe(a);
  });

  it('returns a result the exported schema accepts', () => {
    const result = simulatePlan(o, p, { runs: 50, seed: 1 });
    expect(SimulationResultSchema.parse(result)).toEqual(result);
    expect(result.quarters.map((q) => q.quarter)).toEqual([
      '2027-Q1',
      '2027-Q2',
      '2027-Q3',
      '2027-Q4',
      '2028-Q1',
      '2028-Q2',
      '2028-Q3',
      '2028-Q4',
    ]);
    expect(result.plan.startQuarter).toBe('2027-Q1');
    expect(result.plan.replacementCostMonths).toBe(9);
  });

  it('draws each run from the factory with a seed derived from the seed and the run', () => {
    const seeds: number[] = [];
    const factory = (seed: number) => {
      seeds.push(seed);
      return { next: () => 0 }; // gap 0 every draw: everyone in post leaves each quarter
    };
    const result = simulatePlan(o, plan({ attrition: { annualRate: 0.5 }, backfill: { enabled: false } }), {
      runs: 3,
      seed: 5,
      rng: factory,
    });
    expect(seeds).toHaveLength(3);
    expect(new Set(seeds).size).toBe(3);
    expect(result.quarters[0].headcount).toEqual({ p10: 0, p50: 0, p90: 0, mean: 0 });
    expect(result.quarters[0].leavers.p50).toBe(31);
  });

  it('refuses a run count or seed that is not a whole number', () => {
    expect(() => simulatePlan(o, p, { runs: 0 })).toThrow(RangeError);
    expect(() => simulatePlan(o, p, { runs: 1.5 })).toThrow(/runs/);
    expect(() => simulatePlan(o, p, { seed: 0.5 })).toThrow(/seed/);
    expect(() => simulatePlan(o, p, { quarters: 41 })).toThrow(/quarters/);
  });

  it('lets the options override the plan’s number of quarters', () => {
    const result = simulatePlan(o, p, { runs: 2, quarters: 3 });
    expect(result.quarters.map((q) => q.quarter)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3']);
    expect(result.plan.quarters).toBe(3);
  });

  it('validates API options with defaults', () => {
    expect(SimulateOptionsSchema.parse({})).toEqual({ runs: 1000, seed: 1 });
    expect(SimulateOptionsSchema.safeParse({ runs: 0 }).success).toBe(false);
    expect(SimulateOptionsSchema.safeParse({ seed: 1.5 }).success).toBe(false);
  });
});

describe('simulatePlan: headcount and cost', () => {
  it('keeps headcount and cost flat with no hires and no attrition', () => {
    const result = simulatePlan(team(6), plan(), { runs: 20 });
    for (const q of result.quarters) {
      expect(q.headcount).toEqual({ p10: 7, p50: 7, p90: 7, mean: 7 });
      expect(q.cost.p50).toBe(800_000);
      expect(q.leavers.p90).toBe(0);
      expect(q.attritionCost.p90).toBe(0);
      expect(q.productiveFte.p50).toBe(7);
    }
    expect(result.start).toEqual({
      headcount: 7,
      cost: 800_000,
      openReqs: 0,
      plannedHires: 0,
      firstLineManagers: 1,
    });
  });

  it('with annual attrition r and no backfill, leaves a mean of N(1 − r) after a year', () => {
    const n = 2000;
    const rows: Row[] = [['root', null]];
    for (let i = 1; i < n; i++) rows.push([`p${i}`, 'root']);
    const r = 0.2;
    const runs = 1000;
    const result = simulatePlan(
      org(rows),
      plan({ attrition: { annualRate: r }, backfill: { enabled: false } }),
      {
        runs,
        seed: 2026,
      },
    );
    // Each of the N people stays a year with probability 1 − r, independently, so headcount after
    // four quarters is binomial(N, 1 − r): mean N(1 − r) = 1,600, SD √(N r (1 − r)) ≈ 17.9. The mean
    // of 1,000 runs has standard error 17.9 / √1000 ≈ 0.57; 4 SE ≈ 2.3 is far inside the ±1% (16)
    // of the issue, so a correct simulation fails this about once in 15,000 seeds.
    const expected = n * (1 - r);
    const se = Math.sqrt((n * r * (1 - r)) / runs);
    const mean = result.quarters[3].headcount.mean;
    expect(Math.abs(mean - expected)).toBeLessThan(Math.min(4 * se, 0.01 * expected));
    // The spread of one run is the binomial's too: p10–p90 ≈ ±1.28 SD ≈ ±23 around 1,600.
    expect(result.quarters[3].headcount.p10).toBeGreaterThan(expected - 35);
    expect(result.quarters[3].headcount.p90).toBeLessThan(expected + 35);
    // After one quarter: N(1 − r)^(1/4) ≈ 1,891.6.
    expect(Math.abs(result.quarters[0].headcount.mean - n * (1 - r) ** 0.25)).toBeLessThan(2);
  });

  it('starts planned hires in their quarter plus the time to hire, and counts them productive after ramp-up', () => {
    const result = simulatePlan(
      team(3),
      plan({
        quarters: 6,
        timeToHireQuarters: 2,
        rampUpQuarters: 1,
        hires: [{ teamId: 't', level: 'L4', count: 2, quarter: '2027-Q2', cost: 150_000 }],
      }),
      { runs: 5 },
    );
    // Opened in 2027-Q2 (index 1) + 2 quarters → in post from 2027-Q4 (index 3).
    expect(p50(result, 'headcount')).toEqual([4, 4, 4, 6, 6, 6]);
    expect(p50(result, 'hires')).toEqual([0, 0, 0, 2, 0, 0]);
    expect(p50(result, 'productiveFte')).toEqual([4, 4, 4, 4, 6, 6]);
    expect(p50(result, 'cost')).toEqual([500_000, 500_000, 500_000, 800_000, 800_000, 800_000]);
    expect(result.warnings).toEqual([]);
  });

  it('fills the org’s open and planned records as opened in the as-of quarter', () => {
    // asOf 2026-10-01 is in 2026-Q4; with 2 quarters to hire they start in 2027-Q2 (index 1).
    const o = org([
      ['m', null, { cost: 200_000 }],
      ['a', 'm', { cost: 100_000 }],
      ['o1', 'm', { status: 'open', cost: 90_000 }],
      ['p1', 'm', { status: 'planned' }],
    ]);
    const result = simulatePlan(o, plan({ quarters: 3, timeToHireQuarters: 2 }), { runs: 3 });
    expect(p50(result, 'headcount')).toEqual([2, 4, 4]);
    // The planned record has no cost and no level: the median of everyone with a cost (100k).
    expect(p50(result, 'cost')).toEqual([300_000, 490_000, 490_000]);
    expect(result.start.openReqs).toBe(2);
  });

  it('backfills leavers after the delay plus the time to hire', () => {
    // Attrition 100%: everyone in post leaves in the first quarter; backfills open a quarter later
    // and take a quarter to fill, so they start in the third quarter, and leave in the fourth.
    const result = simulatePlan(
      team(4),
      plan({
        quarters: 6,
        attrition: { annualRate: 1 },
        timeToHireQuarters: 1,
        backfill: { enabled: true, delayQuarters: 1 },
      }),
      { runs: 3 },
    );
    expect(p50(result, 'headcount')).toEqual([0, 0, 5, 0, 0, 5]);
    expect(p50(result, 'hires')).toEqual([0, 0, 5, 0, 0, 5]);
    // Replacement cost: (200k + 4 × 100k) × 9 / 12 = 450k in each quarter with leavers.
    expect(result.quarters.map((q) => q.attritionCost.p50)).toEqual([450_000, 0, 0, 450_000, 0, 0]);
  });

  it('keeps headcount at N when backfills start in the quarter people leave', () => {
    const result = simulatePlan(
      team(40),
      plan({ attrition: { annualRate: 0.4 }, timeToHireQuarters: 0, rampUpQuarters: 2 }),
      { runs: 100, seed: 3 },
    );
    for (const q of result.quarters) {
      expect(q.headcount).toEqual({ p10: 41, p50: 41, p90: 41, mean: 41 });
      expect(q.leavers.mean).toBeGreaterThan(3);
      expect(q.hires.mean).toBe(q.leavers.mean);
      expect(q.productiveFte.mean).toBeLessThan(41);
    }
  });

  it('applies attrition by level and makes records with status leaving leave first', () => {
    const o = org([
      ['m', null, { level: 'M5' }],
      ['a', 'm', { level: 'L3' }],
      ['b', 'm', { level: 'L3' }],
      ['c', 'm', { level: 'L4' }],
      ['d', 'm', { level: 'L4', status: 'leaving' }],
    ]);
    const result = simulatePlan(
      o,
      plan({ quarters: 2, attrition: { annualRate: 0, byLevel: { L3: 1 } }, backfill: { enabled: false } }),
      { runs: 3 },
    );
    expect(p50(result, 'headcount')).toEqual([2, 2]);
    expect(result.quarters[0].leavers.p50).toBe(3);
  });
});

describe('simulatePlan: managers and 1:1 load', () => {
  it('needs a new manager when a junior team outgrows its manager’s target of 5–6', () => {
    const result = simulatePlan(
      team(5),
      plan({ quarters: 3, hires: [{ teamId: 't', level: 'L3', count: 4, quarter: '2027-Q1' }] }),
      { runs: 3 },
    );
    const at = (k: 'managersNeeded' | 'newManagerReqs' | 'spanOver' | 'spanUnder') =>
      result.quarters.map((q) => q[k].p50);
    // 5 ICs, then 9 from 2027-Q2: ceil(9 / 6) = 2 first-line managers, one of them a new req.
    expect(at('managersNeeded')).toEqual([1, 2, 2]);
    expect(at('newManagerReqs')).toEqual([0, 1, 1]);
    expect(at('spanOver')).toEqual([0, 1, 1]);
    expect(at('spanUnder')).toEqual([0, 0, 0]);
  });

  it('uses the senior target of 6–8 for a senior team and 4–5 while the manager is new', () => {
    expect(simulatePlan(team(8, 'L4'), plan({ quarters: 1 }), { runs: 1 }).quarters[0].spanOver.p50).toBe(0);
    expect(
      simulatePlan(team(9, 'L4'), plan({ quarters: 1 }), { runs: 1 }).quarters[0].managersNeeded.p50,
    ).toBe(2);
    // A manager since 2026-06-01 is new until 365 days have passed: 2027-Q1 ends on day 303,
    // 2027-Q2 on day 394. Six junior ICs are over 4–5 while new, within 5–6 after.
    const rows: Row[] = [['m', null, { managerSince: '2026-06-01' }]];
    for (let i = 0; i < 6; i++) rows.push([`e${i}`, 'm', { level: 'L3' }]);
    const result = simulatePlan(org(rows), plan({ quarters: 2 }), { runs: 1 });
    expect(result.quarters.map((q) => q.spanOver.p50)).toEqual([1, 0]);
    expect(result.quarters.map((q) => q.newManagerReqs.p50)).toEqual([1, 0]);
  });

  it('counts first-line managers under target and leaves assistants out of spans', () => {
    const result = simulatePlan(team(2, 'L3'), plan({ quarters: 1 }), { runs: 1 });
    expect(result.quarters[0].spanUnder.p50).toBe(1);
    const withAssistant = team(6);
    const o = {
      ...withAssistant,
      people: [...withAssistant.people, ...people(['ea', 'm', { isAssistant: true }])],
    };
    expect(simulatePlan(o, plan({ quarters: 1 }), { runs: 1 }).quarters[0].spanOver.p50).toBe(0);
  });

  it('gives the weekly 1:1 hours of the busiest managers (30 min a report, 30 min a month a skip)', () => {
    // CTO with 2 EMs of 5 ICs each: CTO 2 × 0.5 + 10 × 0.5 / 4.33 ≈ 2.15 h; each EM 5 × 0.5 = 2.5 h.
    const rows: Row[] = [
      ['cto', null],
      ['a', 'cto'],
      ['b', 'cto'],
    ];
    for (let i = 0; i < 5; i++) rows.push([`a${i}`, 'a'], [`b${i}`, 'b']);
    const result = simulatePlan(org(rows), plan({ quarters: 1 }), { runs: 1 });
    expect(result.quarters[0].busiestManagerHours.p50).toBe(2.5);
    expect(result.quarters[0].top5ManagerHours.p50).toBe(2.38); // (2.5 + 2.5 + 2.1547) / 3
    // [1on1]: a CTO with 8 direct reports spends 4 h a week on 1:1s.
    const cto: Row[] = [['cto', null]];
    for (let i = 0; i < 8; i++) cto.push([`d${i}`, 'cto']);
    expect(
      simulatePlan(org(cto), plan({ quarters: 1 }), { runs: 1 }).quarters[0].busiestManagerHours.p50,
    ).toBe(4);
  });
});

describe('simulatePlan: plan lines it cannot apply as written', () => {
  it('warns about unknown teams, levels and quarters outside the horizon, and still simulates', () => {
    const result = simulatePlan(
      team(5),
      plan({
        quarters: 4,
        startQuarter: '2027-Q1',
        attrition: { annualRate: 0.1, byLevel: { Z9: 0.5 } },
        hires: [
          { teamId: 'nope', level: 'L3', count: 1, quarter: '2027-Q1' },
          { teamId: 't', level: 'X1', count: 1, quarter: '2027-Q1' },
          { teamId: 't', level: 'L3', count: 1, quarter: '2028-Q4' },
          { teamId: 't', level: 'L3', count: 1, quarter: '2026-Q1' },
        ],
      }),
      { runs: 10 },
    );
    expect(result.warnings).toEqual([
      'hires.0.teamId: no team nope in the org',
      "hires.1.level: level X1 is not in the org's ladder",
      'hires.2.quarter: opened in 2028-Q4, the hires start after the last simulated quarter',
      'hires.3.quarter: 2026-Q1 is before 2027-Q1; the hires start in the first quarter',
      "attrition.byLevel.Z9: level Z9 is not in the org's ladder",
    ]);
    expect(result.start.plannedHires).toBe(4);
  });

  it('counts an aggregate as ceil(fte) posts sharing its cost, and never as a manager', () => {
    const o = org([
      ['m', null, { cost: 200_000 }],
      ['agg', 'm', { aggregate: true, fte: 2.5, cost: 300_000 }],
      ['none', 'm', { aggregate: true, fte: 0 }],
      ['e1', 'm', { cost: 100_000 }],
      ['x', 'none', { cost: 100_000 }],
    ]);
    const result = simulatePlan(o, plan({ quarters: 1 }), { runs: 1 });
    // m + 3 posts of agg (100k each) + e1 + x; `none` has no post, and x reports to no one.
    expect(result.start).toMatchObject({ headcount: 6, cost: 700_000, firstLineManagers: 1 });
    // m has posts of an aggregate reporting directly: its span is estimated, its hours not measured,
    // and it is the only position, so the busiest measured hours are 0.
    expect(result.quarters[0].busiestManagerHours.p50).toBe(0);
    expect(result.quarters[0].productiveFte.p50).toBe(5.5);
  });

  it('measures 1:1 hours only on positions whose span is not estimated', () => {
    const o = org([
      ['top', null],
      ['est', 'top'],
      ['agg', 'est', { aggregate: true, fte: 40 }],
      ['lead', 'top'],
      ['a', 'lead'],
      ['b', 'lead'],
      ['c', 'lead'],
    ]);
    const q = simulatePlan(o, plan({ quarters: 1 }), { runs: 1 }).quarters[0];
    // est (40 posts, 20 h if counted) is left out; top: 2 × 0.5 h + 43 skips × 0.5 h / 4.33 = 5.965 h;
    // lead: 3 × 0.5 h = 1.5 h. Mean of the two measured: 3.733 h (bands to 2 decimals).
    expect(q.busiestManagerHours.p50).toBe(5.97);
    expect(q.top5ManagerHours.p50).toBe(3.73);
  });

  it('never throws on a dirty org (duplicates, cycles, dangling managers, aggregates)', () => {
    fc.assert(
      fc.property(dirtyPeopleArb, fc.integer({ min: 0, max: 1000 }), (ps, seed) => {
        const o = createOrg({ id: 'd', name: 'Dirty', asOf: '2026-10-01', people: ps });
        const result = simulatePlan(o, plan({ quarters: 3, attrition: { annualRate: 0.3 } }), {
          runs: 5,
          seed,
        });
        expect(result.quarters).toHaveLength(3);
        for (const q of result.quarters) {
          expect(q.headcount.p10).toBeLessThanOrEqual(q.headcount.p90);
          expect(q.productiveFte.mean).toBeGreaterThanOrEqual(-1e-9);
        }
      }),
      { numRuns: 60 },
    );
  });
});
