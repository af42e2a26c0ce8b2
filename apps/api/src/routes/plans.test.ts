import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestApp, TEST_ADMIN } from '../testing/engines';
import { type Json, readJson } from '../testing/http';
import { smallOrg } from '../testing/orgs';

type App = Awaited<ReturnType<typeof openTestApp>>['app'];

/** A small plan for the test org: two L4 hires into web, 10% attrition. */
const growWeb = {
  name: 'Grow web',
  startQuarter: '2025-Q2',
  attrition: { annualRate: 0.1 },
  hires: [{ teamId: 'web', level: 'L4', count: 2, quarter: '2025-Q2' }],
};

describe.each(ENGINES)('headcount plans saved with scenarios, on %s', (engine) => {
  let app: App;
  let close: () => Promise<void>;
  let vp: string;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  beforeAll(async () => {
    let tokenFor: Awaited<ReturnType<typeof openTestApp>>['tokenFor'];
    ({ app, close, tokenFor } = await openTestApp(engine));
    vp = await tokenFor('vp@tests.example', 'editor');
    for (const id of ['acme', 'other']) expect((await post('/api/orgs', smallOrg(id))).status).toBe(201);
    expect((await post('/api/orgs/acme/scenarios', { id: 's1', name: 'S1', visibility: 'org' })).status).toBe(
      201,
    );
    expect((await post('/api/orgs/acme/scenarios', { id: 's2', name: 'S2' })).status).toBe(201);
    expect((await post('/api/orgs/other/scenarios', { id: 'o1', name: 'O1' })).status).toBe(201);
  }, 60_000);
  afterAll(() => close?.(), 60_000);

  it('saves a plan with a scenario (201), defaults filled in, and reads it back', async () => {
    const res = await post(
      '/api/scenarios/s1/plans',
      { id: 'grow', plan: growWeb },
      { authorization: `Bearer ${vp}` },
    );
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/api/plans/grow');
    const saved = await readJson(res);
    expect(saved).toMatchObject({
      id: 'grow',
      scenarioId: 's1',
      orgId: 'acme',
      name: 'Grow web',
      author: 'vp@tests.example',
    });
    expect(saved.plan).toMatchObject({
      quarters: 8,
      timeToHireQuarters: 1,
      rampUpQuarters: 1,
      backfill: { enabled: true, delayQuarters: 0 },
      hires: growWeb.hires,
    });
    const read = await app.request('/api/plans/grow');
    expect(read.status).toBe(200);
    expect(await readJson(read)).toEqual(saved);
  });

  it('generates an id from the name, and names an unnamed plan from the body or "Untitled plan"', async () => {
    const named = await readJson(
      await post('/api/scenarios/s1/plans', { name: 'Freeze!', plan: { attrition: { annualRate: 0.2 } } }),
    );
    expect(named.id).toMatch(/^freeze-[0-9a-f]{8}$/);
    expect(named.name).toBe('Freeze!');
    expect(named.author).toBe(TEST_ADMIN);
    const unnamed = await readJson(
      await post('/api/scenarios/s2/plans', { plan: { attrition: { annualRate: 0 } } }),
    );
    expect(unnamed.name).toBe('Untitled plan');
    expect(unnamed.id).toMatch(/^untitled-plan-[0-9a-f]{8}$/);
  });

  it('lists the plans of a scenario and of an org, oldest first', async () => {
    const ofScenario = await readJson(await app.request('/api/scenarios/s1/plans'));
    expect(ofScenario.scenarioId).toBe('s1');
    expect(ofScenario.plans.map((p: Json) => p.name)).toEqual(['Grow web', 'Freeze!']);
    const ofOrg = await readJson(await app.request('/api/orgs/acme/plans'));
    expect(ofOrg.plans.map((p: Json) => [p.scenarioId, p.name])).toEqual([
      ['s1', 'Grow web'],
      ['s1', 'Freeze!'],
      ['s2', 'Untitled plan'],
    ]);
    expect((await readJson(await app.request('/api/orgs/other/plans'))).plans).toEqual([]);
    expect((await readJson(await app.request('/api/scenarios/o1/plans'))).plans).toEqual([]);
  });

  it('never overwrites a plan: the same id again is a 409 and the first plan stays', async () => {
    const again = await post('/api/scenarios/s2/plans', {
      id: 'grow',
      plan: { attrition: { annualRate: 0.5 } },
    });
    expect(again.status).toBe(409);
    expect((await readJson(again)).errors).toEqual([{ in: 'body', path: 'id', message: 'already exists' }]);
    const kept = await readJson(await app.request('/api/plans/grow'));
    expect(kept.plan.attrition.annualRate).toBe(0.1);
    expect(kept.scenarioId).toBe('s1');
  });

  it('answers 404 for an unknown scenario, org or plan', async () => {
    const res = await post('/api/scenarios/ghost/plans', { plan: growWeb });
    expect(res.status).toBe(404);
    expect((await readJson(res)).detail).toBe('no scenario with id "ghost"');
    expect((await app.request('/api/scenarios/ghost/plans')).status).toBe(404);
    expect((await app.request('/api/orgs/ghost/plans')).status).toBe(404);
    expect((await app.request('/api/plans/ghost')).status).toBe(404);
    expect((await readJson(await app.request('/api/orgs/acme/plans'))).plans).toHaveLength(3);
  });

  it('answers 422 with every issue and its path for an invalid plan, and stores nothing', async () => {
    const res = await post('/api/scenarios/s1/plans', {
      plan: {
        attrition: { annualRate: 1.5 },
        hires: [{ teamId: 'web', level: 'L4', count: 0, quarter: '2025-Q5' }],
      },
    });
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const paths = (await readJson(res)).errors.map((e: Json) => `${e.in}:${e.path}`).sort();
    expect(paths).toEqual([
      'body:plan.attrition.annualRate',
      'body:plan.hires.0.count',
      'body:plan.hires.0.quarter',
    ]);
    const missing = await readJson(await post('/api/scenarios/s1/plans', { plan: {} }));
    expect(missing.errors.map((e: Json) => e.path)).toEqual(['plan.attrition']);
    const stray = await readJson(await post('/api/scenarios/s1/plans', { plan: growWeb, colour: 'red' }));
    expect(stray.status).toBe(422);
    const nul = await readJson(await post('/api/scenarios/s1/plans', { name: 'a\u0000b', plan: growWeb }));
    expect(nul.errors).toEqual([
      expect.objectContaining({ in: 'body', path: 'name', message: expect.stringMatching(/NUL/) }),
    ]);
    expect((await post('/api/scenarios/s1/plans', '{"plan":')).status).toBeLessThan(500);
    expect((await readJson(await app.request('/api/scenarios/s1/plans'))).plans).toHaveLength(2);
  });

  it('never answers a 5xx to junk plans (300 generated), and stores only valid ones', async () => {
    const before = (await readJson(await app.request('/api/orgs/acme/plans'))).plans.length as number;
    const junk = fc.oneof(
      fc.jsonValue(),
      fc.record(
        {
          id: fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue()),
          name: fc.oneof(fc.string({ unit: 'binary' }), fc.jsonValue()),
          plan: fc.oneof(
            fc.jsonValue(),
            fc.record(
              {
                attrition: fc.record({
                  annualRate: fc.oneof(fc.double({ min: -1, max: 2 }), fc.jsonValue()),
                }),
                hires: fc.array(
                  fc.dictionary(fc.constantFrom('teamId', 'level', 'count', 'quarter'), fc.jsonValue()),
                  {
                    maxLength: 2,
                  },
                ),
                name: fc.string({ unit: 'binary' }),
              },
              { requiredKeys: [] },
            ),
          ),
        },
        { requiredKeys: [] },
      ),
    );
    let created = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          junk.map((b) => JSON.stringify(b) ?? 'null'),
          fc.string(),
        ),
        async (text) => {
          const res = await post('/api/scenarios/s2/plans', text);
          if (res.status >= 500) throw new Error(`${res.status} for ${text}: ${await res.text()}`);
          if (res.status === 201) created++;
        },
      ),
      { numRuns: 300 },
    );
    const after = (await readJson(await app.request('/api/orgs/acme/plans'))).plans.length as number;
    expect(after - before).toBe(created);
  });

  it('answers 413 for a body over 1 MB', async () => {
    const hires = Array.from({ length: 20_000 }, () => ({
      teamId: 'web',
      level: 'L4',
      count: 1,
      quarter: '2025-Q2',
    }));
    const res = await post('/api/scenarios/s1/plans', { plan: { attrition: { annualRate: 0 }, hires } });
    expect(res.status).toBe(413);
  });
});
