import { SimulationResultSchema } from '@reorg/model';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestApp } from '../testing/engines';
import { type Json, readJson } from '../testing/http';
import { smallOrg } from '../testing/orgs';

type App = Awaited<ReturnType<typeof openTestApp>>['app'];

/**
 * Two L4 hires into web, opened in 2025-Q2, no attrition, no backfill: every run is the same, so
 * the bands are exact. The test org costs 1,530,970 a year; an L4 hire without a cost takes the
 * median L4 cost, (141,421 + 223,606) / 2 = 182,513.5, so two hires add 365,027.
 */
const exactPlan = {
  name: 'Two for web',
  startQuarter: '2025-Q2',
  quarters: 3,
  attrition: { annualRate: 0 },
  backfill: { enabled: false },
  hires: [{ teamId: 'web', level: 'L4', count: 2, quarter: '2025-Q2' }],
};
/** The same hires with 30% attrition: runs differ, so seeds matter. */
const noisyPlan = {
  ...exactPlan,
  name: 'Noisy',
  attrition: { annualRate: 0.3 },
  backfill: { enabled: true },
};

describe.each(ENGINES)('POST /api/simulations on %s', (engine) => {
  let app: App;
  let close: () => Promise<void>;
  const post = (path: string, body: unknown) =>
    app.request(path, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
  const simulate = (body: unknown) => post('/api/simulations', body);
  beforeAll(async () => {
    ({ app, close } = await openTestApp(engine));
    for (const id of ['acme', 'other']) expect((await post('/api/orgs', smallOrg(id))).status).toBe(201);
    expect((await post('/api/orgs/acme/scenarios', { id: 'bigger', name: 'Bigger' })).status).toBe(201);
    const hire = {
      type: 'addPerson',
      person: { id: 'new', name: 'New', managerId: 'linus', teamId: 'web', cost: 100000 },
    };
    const added = await app.request('/api/scenarios/bigger/ops', {
      method: 'POST',
      body: JSON.stringify({ ops: [hire] }),
      headers: { 'content-type': 'application/json', 'if-match': '"1"' },
    });
    expect(added.status).toBe(201);
    expect((await post('/api/scenarios/bigger/plans', { id: 'noisy', plan: noisyPlan })).status).toBe(201);
    expect((await post('/api/orgs/other/scenarios', { id: 'elsewhere', name: 'Elsewhere' })).status).toBe(
      201,
    );
  }, 60_000);
  afterAll(() => close?.(), 60_000);

  it('simulates a plan on an org baseline: exact bands when nothing is random', async () => {
    const res = await simulate({ orgId: 'acme', plan: exactPlan, runs: 50, seed: 3 });
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(SimulationResultSchema.safeParse(body).success).toBe(true);
    expect(body.target).toEqual({ orgId: 'acme', scenarioId: null, revision: null, planId: null });
    expect(body).toMatchObject({ orgId: 'acme', currency: 'GBP', runs: 50, seed: 3 });
    expect(body.start).toMatchObject({ headcount: 7, cost: 1_530_970, plannedHires: 2 });
    const rows = body.quarters.map((q: Json) => [q.quarter, q.headcount.p10, q.headcount.p90, q.cost.p50]);
    expect(rows).toEqual([
      ['2025-Q2', 7, 7, 1_530_970],
      ['2025-Q3', 9, 9, 1_895_997],
      ['2025-Q4', 9, 9, 1_895_997],
    ]);
    const short = await readJson(await simulate({ orgId: 'acme', plan: exactPlan, quarters: 2 }));
    expect(short.quarters).toHaveLength(2);
    expect(short.runs).toBe(1000);
    expect(short.seed).toBe(1);
  });

  it('is deterministic: the same seed gives the same body, byte for byte; another seed differs', async () => {
    const request = { scenarioId: 'bigger', plan: noisyPlan, runs: 300, seed: 42 };
    const first = await (await simulate(request)).text();
    const second = await (await simulate(request)).text();
    expect(second).toBe(first);
    const other = await (await simulate({ ...request, seed: 43 })).text();
    expect(other).not.toBe(first);
  });

  it('runs a saved plan on its own scenario, or on a revision of it', async () => {
    const latest = await readJson(await simulate({ planId: 'noisy', runs: 100 }));
    expect(latest.target).toEqual({ orgId: 'acme', scenarioId: 'bigger', revision: 2, planId: 'noisy' });
    expect(latest.start.headcount).toBe(8);
    expect(latest.plan.name).toBe('Noisy');
    const first = await readJson(
      await simulate({ planId: 'noisy', scenarioId: 'bigger', revision: 1, runs: 100 }),
    );
    expect(first.target.revision).toBe(1);
    expect(first.start.headcount).toBe(7);
    const onBaseline = await readJson(await simulate({ planId: 'noisy', orgId: 'acme', runs: 100 }));
    expect(onBaseline.target).toEqual({ orgId: 'acme', scenarioId: null, revision: null, planId: 'noisy' });
  });

  it('answers 404 naming the missing org, scenario, revision or plan', async () => {
    const cases: [unknown, string, string][] = [
      [{ orgId: 'ghost', plan: exactPlan }, 'orgId', 'no org with id "ghost"'],
      [{ scenarioId: 'ghost', plan: exactPlan }, 'scenarioId', 'no scenario with id "ghost"'],
      [
        { scenarioId: 'bigger', revision: 9, plan: exactPlan },
        'revision',
        'scenario "bigger" has no revision 9 (latest: 2)',
      ],
      [{ planId: 'ghost' }, 'planId', 'no headcount plan with id "ghost"'],
    ];
    for (const [body, path, detail] of cases) {
      const res = await simulate(body);
      expect(res.status).toBe(404);
      const problem = await readJson(res);
      expect(problem.detail).toBe(detail);
      expect(problem.errors).toEqual([{ in: 'body', path, message: detail }]);
    }
  });

  it('answers 422 with the path of each bad field', async () => {
    const cases: [unknown, string][] = [
      [{ orgId: 'acme', plan: exactPlan, runs: 5001 }, 'runs'],
      [{ orgId: 'acme', plan: exactPlan, runs: 0 }, 'runs'],
      [{ orgId: 'acme', plan: exactPlan, seed: 1.5 }, 'seed'],
      [{ orgId: 'acme', plan: exactPlan, quarters: 41 }, 'quarters'],
      [{ orgId: 'acme' }, 'plan'],
      [{ orgId: 'acme', plan: exactPlan, planId: 'noisy' }, 'plan'],
      [{ plan: exactPlan }, 'orgId'],
      [{ orgId: 'acme', scenarioId: 'bigger', plan: exactPlan }, 'scenarioId'],
      [{ orgId: 'acme', revision: 1, plan: exactPlan }, 'revision'],
      [
        { orgId: 'acme', plan: { ...exactPlan, hires: [{ ...exactPlan.hires[0], quarter: '2025-Q9' }] } },
        'plan.hires.0.quarter',
      ],
      [{ orgId: 'acme', plan: exactPlan, colour: 'red' }, ''],
      [{ orgId: 'other', planId: 'noisy' }, 'planId'],
      [{ scenarioId: 'elsewhere', planId: 'noisy' }, 'planId'],
    ];
    for (const [body, path] of cases) {
      const res = await simulate(body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      const paths = (await readJson(res)).errors.map((e: Json) => e.path);
      expect(paths, JSON.stringify(body)).toContain(path);
    }
  });

  it('answers 413 for a body over 1 MB', async () => {
    const res = await simulate({ orgId: 'acme', plan: { ...exactPlan, description: 'x'.repeat(1_100_000) } });
    expect(res.status).toBe(413);
  });

  it('never answers a 5xx to junk bodies (300 generated)', async () => {
    const idOrJunk = fc.oneof(
      fc.constantFrom('acme', 'bigger', 'noisy', 'ghost'),
      fc.string(),
      fc.jsonValue(),
    );
    const planLike = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          attrition: fc.oneof(
            fc.record({ annualRate: fc.oneof(fc.double(), fc.jsonValue()) }),
            fc.jsonValue(),
          ),
          quarters: fc.oneof(fc.integer({ min: -2, max: 45 }), fc.jsonValue()),
          startQuarter: fc.oneof(fc.constantFrom('2025-Q1', '2030-Q4'), fc.string()),
          hires: fc.array(
            fc.record({
              teamId: idOrJunk,
              level: fc.oneof(fc.constantFrom('L3', 'L4', 'M9'), fc.jsonValue()),
              count: fc.oneof(fc.integer({ min: -1, max: 20 }), fc.jsonValue()),
              quarter: fc.oneof(fc.constantFrom('2025-Q2', '2026-Q1'), fc.string()),
            }),
            { maxLength: 3 },
          ),
        },
        { requiredKeys: [] },
      ),
    );
    const body = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          orgId: idOrJunk,
          scenarioId: idOrJunk,
          revision: fc.oneof(fc.integer({ min: -1, max: 4 }), fc.jsonValue()),
          plan: planLike,
          planId: idOrJunk,
          runs: fc.oneof(fc.integer({ min: -1, max: 60 }), fc.jsonValue()),
          seed: fc.oneof(fc.integer(), fc.double(), fc.jsonValue()),
          quarters: fc.oneof(fc.integer({ min: -1, max: 41 }), fc.jsonValue()),
        },
        { requiredKeys: [] },
      ),
    );
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          body.map((b) => JSON.stringify(b) ?? 'null'),
          fc.string(),
        ),
        async (text) => {
          const res = await simulate(text);
          statuses.add(res.status);
          if (res.status >= 500) throw new Error(`${res.status} for ${text}: ${await res.text()}`);
        },
      ),
      { numRuns: 300 },
    );
    expect([...statuses].every((s) => s < 500)).toBe(true);
  });
});
