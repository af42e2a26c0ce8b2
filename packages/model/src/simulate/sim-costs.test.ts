import { describe, expect, it } from 'vitest';
import { people } from '../analyze/test-orgs';
import { createOrg } from '../schema/org';
import { createHeadcountPlan } from './plan';
import { indexRateCard, resolveCost } from './sim-costs';
import { simulatePlan } from './simulate-plan';

describe('resolveCost', () => {
  const rates = indexRateCard({
    rates: [
      { level: 'L3', location: 'London', annualCost: 90_000 },
      { level: 'L3', annualCost: 95_000 },
      { level: 'L5', location: 'Paris', annualCost: 150_000 },
    ],
  });
  const fallbacks = { byLevel: new Map([['L4', 130_000]]), all: 120_000 };

  it('takes the rate at the location (any case and spaces), then the level’s rate, then medians', () => {
    expect(resolveCost(rates, fallbacks, 'L3', ' london ')).toEqual({
      annualCost: 90_000,
      source: 'rate-card',
      rateLocation: 'london',
    });
    expect(resolveCost(rates, fallbacks, 'L3', 'Paris')).toEqual({
      annualCost: 95_000,
      source: 'rate-card',
      rateLocation: null,
    });
    expect(resolveCost(rates, fallbacks, 'L3', undefined)).toMatchObject({ annualCost: 95_000 });
    // L5 has only a Paris rate: elsewhere it falls back to the medians (no L5 median: everyone's).
    expect(resolveCost(rates, fallbacks, 'L5', 'Paris')).toMatchObject({ annualCost: 150_000 });
    expect(resolveCost(rates, fallbacks, 'L5', 'Berlin')).toEqual({
      annualCost: 120_000,
      source: 'org-median',
    });
    expect(resolveCost(rates, fallbacks, 'L4', 'London')).toEqual({
      annualCost: 130_000,
      source: 'level-median',
    });
    expect(resolveCost(rates, { byLevel: new Map(), all: 0 }, undefined, undefined)).toEqual({
      annualCost: 0,
      source: 'none',
    });
  });
});

describe('simulatePlan with a rate card', () => {
  // m (M5, 200k) over e0 (L3, 100k) and e1 (L3, 120k); open reqs o1 (L3, London) and o2 (L4), no cost.
  const org = createOrg({
    id: 'o',
    name: 'Org',
    asOf: '2026-10-01',
    people: people(
      ['m', null, { level: 'M5', cost: 200_000, teamId: 't', managerSince: '2020-01-01' }],
      ['e0', 'm', { level: 'L3', cost: 100_000, teamId: 't' }],
      ['e1', 'm', { level: 'L3', cost: 120_000, teamId: 't' }],
      ['o1', 'm', { level: 'L3', status: 'open', location: 'London', teamId: 't' }],
      ['o2', 'm', { level: 'L4', status: 'open', teamId: 't' }],
    ),
    teams: [{ id: 't', name: 'T', managerId: 'm' }],
    rateCard: {
      source: 'Finance bands 2027',
      rates: [
        { level: 'L3', location: 'London', annualCost: 90_000 },
        { level: 'L3', annualCost: 95_000 },
      ],
    },
  });
  const plan = createHeadcountPlan({
    quarters: 2,
    attrition: { annualRate: 0 },
    hires: [
      { teamId: 't', level: 'L3', count: 2, quarter: '2027-Q1', location: 'london ' },
      { teamId: 't', level: 'L3', count: 1, quarter: '2027-Q1', location: 'Paris' },
      { teamId: 't', level: 'L5', count: 1, quarter: '2027-Q1', cost: 300_000 },
      { teamId: 't', level: 'M5', count: 1, quarter: '2027-Q1' },
    ],
  });
  const result = simulatePlan(org, plan, { runs: 5 });

  it('costs open reqs and hires without a cost from the rate card, else the medians', () => {
    // Q1: 200 + 100 + 120 in post, o1 at the London L3 rate 90, o2: no L4 rate nor L4 people,
    // so everyone's median (100, 120, 200 → 120): 630k. Q2: + 2 × 90 + 95 + 300 (own) + 200 (M5 median).
    expect(result.quarters.map((q) => q.cost.p50)).toEqual([630_000, 1_405_000]);
    expect(result.costSources).toEqual([
      {
        of: 'open-req',
        level: 'L3',
        location: 'London',
        posts: 1,
        source: 'rate-card',
        rateLocation: 'London',
        annualCostPerPost: 90_000,
      },
      {
        of: 'open-req',
        level: 'L4',
        location: null,
        posts: 1,
        source: 'org-median',
        rateLocation: null,
        annualCostPerPost: 120_000,
      },
      {
        of: 'hire',
        line: 0,
        level: 'L3',
        location: 'london',
        posts: 2,
        source: 'rate-card',
        rateLocation: 'london',
        annualCostPerPost: 90_000,
      },
      {
        of: 'hire',
        line: 1,
        level: 'L3',
        location: 'Paris',
        posts: 1,
        source: 'rate-card',
        rateLocation: null,
        annualCostPerPost: 95_000,
      },
      {
        of: 'hire',
        line: 2,
        level: 'L5',
        location: null,
        posts: 1,
        source: 'own',
        rateLocation: null,
        annualCostPerPost: 300_000,
      },
      {
        of: 'hire',
        line: 3,
        level: 'M5',
        location: null,
        posts: 1,
        source: 'level-median',
        rateLocation: null,
        annualCostPerPost: 200_000,
      },
    ]);
    expect(result.assumptions.join('\n')).toContain("the rate card's rate for their level");
  });
});
