import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateOrg } from '../../../../fixtures/generate';
import { ENGINES, openTestApp } from '../testing/engines';
import { readJson } from '../testing/http';
import { smallOrg } from '../testing/orgs';

type App = Awaited<ReturnType<typeof openTestApp>>['app'];

/**
 * The simulation worker pool seen through the API: a heavy simulation never holds up other
 * requests, work above the cap is refused (422), a full queue answers 429 with Retry-After, and a
 * client that goes away cancels its simulation. Orderings only, never timings: the heavy
 * simulation (5,000 runs × 40 quarters × 2,000 people, seconds of work) is aborted by the test.
 */
const heavy = { orgId: 'big', plan: { attrition: { annualRate: 0.15 } }, runs: 5000, quarters: 40 };

describe.each(ENGINES)('simulation pool on %s', (engine) => {
  let app: App;
  let close: () => Promise<void>;
  const post = (path: string, body: unknown, signal?: AbortSignal) =>
    app.request(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
      signal,
    });
  const pool = async () => readJson(await app.request('/api/simulations/pool'));
  /** Polls the pool (every 20 ms, up to 60 s) until `test` holds. */
  const waitForPool = async (test: (s: { running: number; queued: number }) => boolean) => {
    for (let i = 0; i < 3000; i++) {
      const status = await pool();
      if (test(status)) return status;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error('the pool never reached the expected state');
  };
  /** Starts a simulation that the test cancels; `settled` says whether it has answered yet. */
  const start = (body: unknown) => {
    const abort = new AbortController();
    const run = {
      settled: false,
      abort,
      response: Promise.resolve(post('/api/simulations', body, abort.signal)),
    };
    run.response.finally(() => {
      run.settled = true;
    });
    return run;
  };

  beforeAll(async () => {
    ({ app, close } = await openTestApp(engine));
    expect((await post('/api/orgs', smallOrg('acme'))).status).toBe(201);
    const big = { ...generateOrg({ people: 2000, seed: 3 }), id: 'big', schemaVersion: 1 };
    expect((await post('/api/orgs', big)).status).toBe(201);
  }, 120_000);
  afterAll(() => close?.(), 60_000);

  it('answers GET /api/health while a heavy simulation runs on a worker, and cancels it when the client goes away', async () => {
    const run = start(heavy);
    await waitForPool((s) => s.running === 1);
    const health = await app.request('/api/health');
    expect(health.status).toBe(200);
    expect(await readJson(health)).toMatchObject({ status: 'ok' });
    // Health answered while the simulation was still on its worker.
    expect(run.settled).toBe(false);
    expect((await pool()).running).toBe(1);
    run.abort.abort();
    const cancelled = await run.response;
    expect(cancelled.status).toBe(503);
    expect(await readJson(cancelled)).toMatchObject({ type: 'urn:reorg:problem:cancelled' });
    await waitForPool((s) => s.running === 0 && s.queued === 0);
    // The terminated worker is replaced: the next simulation runs.
    const small = await post('/api/simulations', {
      orgId: 'acme',
      plan: { attrition: { annualRate: 0.1 } },
      runs: 20,
    });
    expect(small.status).toBe(200);
  });

  it('refuses more work than runs × quarters × people allows (422 naming the cap)', async () => {
    // 5,000 runs × 40 quarters × (7 people + 5,000 hires) = 1,001,400,000 > 1,000,000,000.
    const plan = {
      attrition: { annualRate: 0.1 },
      hires: [{ teamId: 'web', level: 'L4', count: 5000, quarter: '2025-Q2' }],
    };
    const res = await post('/api/simulations', { orgId: 'acme', plan, runs: 5000, quarters: 40 });
    expect(res.status).toBe(422);
    const body = await readJson(res);
    expect(body).toMatchObject({ title: 'Simulation too large', cap: 1_000_000_000, work: 1_001_400_000 });
    expect(body.detail).toBe(
      'runs × quarters × people = 5,000 × 40 × 5,007 = 1,001,400,000 is above the cap of 1,000,000,000; ask for fewer runs or quarters',
    );
    expect((await pool()).running).toBe(0);
  });

  it('answers 429 with Retry-After when every worker is busy and the queue is full', async () => {
    const { threads, queueLimit } = await pool();
    expect(threads).toBeGreaterThanOrEqual(1);
    // Distinct seeds: nothing comes from the result cache.
    const runs = Array.from({ length: threads + queueLimit }, (_, i) => start({ ...heavy, seed: 100 + i }));
    await waitForPool((s) => s.running === threads && s.queued === queueLimit);
    const refused = await post('/api/simulations', { ...heavy, seed: 99 });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await readJson(refused)).toMatchObject({
      type: 'urn:reorg:problem:busy',
      title: 'Too many simulations',
    });
    expect(runs.some((r) => r.settled)).toBe(false);
    for (const r of runs) r.abort.abort();
    const statuses = await Promise.all(runs.map(async (r) => (await r.response).status));
    expect(statuses).toEqual(runs.map(() => 503));
    await waitForPool((s) => s.running === 0 && s.queued === 0);
  });
});
