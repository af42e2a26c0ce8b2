import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestApp } from '../testing/engines';
import { type Json, readJson } from '../testing/http';
import { smallOrg } from '../testing/orgs';

type App = Awaited<ReturnType<typeof openTestApp>>['app'];

const move = (personId: string, managerId: string | null) => ({ type: 'changeManager', personId, managerId });

describe.each(ENGINES)('compare on %s', (engine) => {
  let app: App;
  let close: () => Promise<void>;
  const post = (path: string, body: unknown) =>
    app.request(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
  beforeAll(async () => {
    ({ app, close } = await openTestApp(engine));
    for (const id of ['acme', 'other']) expect((await post('/api/orgs', smallOrg(id))).status).toBe(201);
    const scenarios: [string, string, unknown[]][] = [
      ['acme', 'lopsided', [move('e1', 'linus'), move('e2', 'linus')]],
      ['acme', 'with-ops', [move('e1', 'linus')]],
      ['other', 'other-plan', []],
    ];
    for (const [orgId, id, ops] of scenarios) {
      expect((await post(`/api/orgs/${orgId}/scenarios`, { id, name: `Scenario ${id}`, ops })).status).toBe(
        201,
      );
    }
  }, 60_000);
  afterAll(() => close?.(), 60_000);

  it('compares scenarios of one org side by side, each against the baseline', async () => {
    const res = await app.request('/api/compare?ids=lopsided,with-ops');
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.orgId).toBe('acme');
    expect(body.scenarios).toEqual([
      { id: 'lopsided', name: 'Scenario lopsided', revision: 1 },
      { id: 'with-ops', name: 'Scenario with-ops', revision: 1 },
    ]);
    const { baseline, scenarios } = body.comparison;
    expect(baseline).toMatchObject({ orgId: 'acme', metrics: { people: 7, managers: 3 } });
    expect(scenarios.map((s: Json) => s.id)).toEqual(['lopsided', 'with-ops']);
    const [lopsided, withOps] = scenarios;
    expect(lopsided.metrics.managers).toBe(2);
    expect(lopsided.delta.managers).toBe(-1);
    expect(withOps.delta.managers).toBe(0);
    expect(JSON.stringify(lopsided.diff)).toContain('e2');
    // The layers pyramid: Grace keeps her layer but no longer manages anyone in "lopsided".
    expect(body.layers.baseline).toEqual([
      { layer: 1, people: 1, managers: 1 },
      { layer: 2, people: 2, managers: 2 },
      { layer: 3, people: 4, managers: 0 },
    ]);
    expect(body.layers.scenarios.lopsided[1]).toEqual({ layer: 2, people: 2, managers: 1 });
    expect(Object.keys(body.layers.scenarios)).toEqual(['lopsided', 'with-ops']);
  });

  it('answers 404 naming missing scenarios, 422 for scenarios of different orgs or bad ids', async () => {
    const missing = await app.request('/api/compare?ids=lopsided,ghost,phantom');
    expect(missing.status).toBe(404);
    expect((await readJson(missing)).detail).toBe('no scenario with id "ghost", "phantom"');
    const mixed = await app.request('/api/compare?ids=lopsided,other-plan');
    expect(mixed.status).toBe(422);
    expect((await readJson(mixed)).errors).toEqual([
      { in: 'query', path: 'ids', message: 'scenarios of different orgs' },
    ]);
    expect((await app.request('/api/compare?ids=,')).status).toBe(422);
    expect((await app.request('/api/compare')).status).toBe(422);
    const many = Array.from({ length: 13 }, (_, k) => `s${k}`).join(',');
    expect((await app.request(`/api/compare?ids=${many}`)).status).toBe(422);
  });
});
