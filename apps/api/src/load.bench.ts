import { bench, describe } from 'vitest';
import { type LoadResult, runLoad } from './bench/load';
import { ENGINES } from './testing/engines';

/**
 * Loopback load benchmark (autocannon): GET a 1,000-person scenario and POST one-op batches,
 * on PGlite and, when DATABASE_URL is set, on PostgreSQL. Each bench runs once and prints
 * requests per second and latency percentiles; Vitest's own timing of it is not the measure.
 */
const results: LoadResult[] = [];

describe('API under loopback load (autocannon, 10 connections, 5 s each)', () => {
  for (const engine of ENGINES) {
    bench(
      `${engine}: GET scenario and POST one-op batches`,
      async () => {
        const measured = await runLoad({ engine });
        results.push(...measured);
        console.table(
          measured.map((r) => ({
            engine: r.engine,
            scenario: r.scenario,
            'req/s': r.requestsPerSecond,
            'p50 ms': r.p50,
            'p99 ms': r.p99,
            requests: r.requests,
            non2xx: r.non2xx,
            errors: r.errors,
          })),
        );
      },
      { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
    );
  }
});
