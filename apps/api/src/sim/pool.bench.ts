import { createHeadcountPlan, simulatePlan } from '@reorg/model';
import { afterAll, bench, describe } from 'vitest';
import { generateOrg } from '../../../../fixtures/generate';
import { defaultThreads, SimulationPool } from './pool';

/**
 * Issue 12: `simulatePlan`, 1,000 runs × 8 quarters on a 10k-person org, on the request thread,
 * on a single worker thread, and on the pool (cores − 1 workers). Each bench runs as many
 * simulations at once as the pool has workers (at least 2), with distinct seeds: one worker runs
 * them one after another, the pool side by side. On a 2-core machine the pool is one worker, so
 * it matches the single worker: the gain there is that the request thread stays free.
 */
const org = generateOrg({ people: 10_000, seed: 7 });
const teams = org.teams.filter((t) => t.kind === 'team').slice(0, 40);
const plan = createHeadcountPlan({
  quarters: 8,
  attrition: { annualRate: 0.15, byLevel: { L3: 0.2, M6: 0.1 } },
  hires: teams.map((t, i) => ({ teamId: t.id, level: i % 2 ? 'L3' : 'L4', count: 3, quarter: '2027-Q2' })),
  backfill: { enabled: true, delayQuarters: 1 },
});
const CONCURRENT = Math.max(2, defaultThreads());
const task = (seed: number) => ({ org, plan, options: { runs: 1000, seed } });

const single = new SimulationPool({ threads: 1, queueLimit: CONCURRENT });
const pool = new SimulationPool({ queueLimit: CONCURRENT });
afterAll(async () => {
  await Promise.all([single.close(), pool.close()]);
});

describe(`simulatePlan 1,000 runs × 8 quarters on 10k people, ${CONCURRENT} at once`, () => {
  const options = { iterations: 3, warmupIterations: 1, time: 0 };
  bench(
    'on the request thread (blocks it)',
    () => {
      for (let k = 0; k < CONCURRENT; k++) simulatePlan(org, plan, { runs: 1000, seed: k + 1 });
    },
    options,
  );
  bench(
    'single worker thread',
    async () => {
      await Promise.all(Array.from({ length: CONCURRENT }, (_, k) => single.run(task(k + 1))));
    },
    options,
  );
  bench(
    `the pool (${pool.threads} worker${pool.threads === 1 ? '' : 's'}: cores − 1)`,
    async () => {
      await Promise.all(Array.from({ length: CONCURRENT }, (_, k) => pool.run(task(k + 1))));
    },
    options,
  );
});
