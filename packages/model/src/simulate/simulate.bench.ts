import { bench, describe } from 'vitest';
import { generateOrg } from '../../../../fixtures/generate';
import { createHeadcountPlan } from './plan';
import { simulatePlan } from './simulate-plan';

// Target (issue): 1,000 runs × 8 quarters on a 10k-person org in ≤ 2 s.
const org = generateOrg({ people: 10_000, seed: 7 });
const teams = org.teams.filter((t) => t.kind === 'team').slice(0, 40);
const plan = createHeadcountPlan({
  quarters: 8,
  attrition: { annualRate: 0.15, byLevel: { L3: 0.2, M6: 0.1 } },
  hires: teams.map((t, i) => ({ teamId: t.id, level: i % 2 ? 'L3' : 'L4', count: 3, quarter: '2027-Q2' })),
  backfill: { enabled: true, delayQuarters: 1 },
});

describe('simulatePlan, 10k people', () => {
  bench(
    '1,000 runs × 8 quarters',
    () => {
      simulatePlan(org, plan, { runs: 1000, seed: 1 });
    },
    { iterations: 3, warmupIterations: 1 },
  );
});
