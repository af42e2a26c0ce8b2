import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestApp } from '../testing/engines';
import { type Json, readJson } from '../testing/http';
import { smallOrg } from '../testing/orgs';
import { SseReader } from '../testing/sse';

type Opened = Awaited<ReturnType<typeof openTestApp>>;

/**
 * Every cost in the test data is a distinct sentinel: people's costs (smallOrg), a rate-card rate,
 * a cost set by an op, a planned hire's cost. A leak is any of these digits in a response.
 */
const PEOPLE = { ada: 314159, grace: 271828, linus: 161803, e1: 141421, e2: 173205, e3: 223606, e4: 244948 };
const RATE = 626262;
const OP_COST = 808080; // set on e4 by an op of the scenario
const HIRE_COST = 909090; // a planned hire's cost in the saved plan
const SENTINELS = [...Object.values(PEOPLE), RATE, OP_COST, HIRE_COST];
/** Grace manages e1 and e2: the only costs her link to the org lets her see. */
const GRACES_REPORTS = [PEOPLE.e1, PEOPLE.e2];

function acme() {
  const org = smallOrg('acme');
  return {
    ...org,
    people: (org.people ?? []).map((p) => (p.id === 'grace' ? { ...p, email: 'grace@acme.example' } : p)),
    rateCard: { source: 'test bands', rates: [{ level: 'L4', annualCost: RATE }] },
  };
}

/** A response's text; a live feed (which never ends) up to its `ready` event, after the catch-up. */
async function bodyText(res: Response): Promise<string> {
  if (!res.headers.get('content-type')?.includes('text/event-stream')) return res.text();
  const reader = new SseReader(res);
  await reader.nextNamed('ready');
  const text = reader
    .drain()
    .map((e) => e.data)
    .join('\n');
  await reader.close();
  return text;
}

describe.each(ENGINES)('who may see and do what, on %s', (engine) => {
  let t: Opened;
  const tokens: Record<string, string> = {};
  const as = (who: string) => ({ authorization: `Bearer ${tokens[who]}` });
  const request = async (who: string, path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    for (const [k, v] of Object.entries(as(who))) headers.set(k, v);
    if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return t.anonymous.request(path, { ...init, headers });
  };
  const post = (who: string, path: string, body: unknown, headers: Record<string, string> = {}) =>
    request(who, path, { method: 'POST', body: JSON.stringify(body), headers });

  beforeAll(async () => {
    t = await openTestApp(engine);
    tokens.admin = (await t.identity.createToken('admin@tests.example', 'a', { actor: 'system' }))
      ?.token as string;
    tokens.hr = await t.tokenFor('hr@acme.example', 'hr', 'acme');
    tokens.grace = await t.tokenFor('grace@acme.example', 'editor', 'acme');
    tokens.editor = await t.tokenFor('ed@acme.example', 'editor', 'acme');
    tokens.viewer = await t.tokenFor('vi@acme.example', 'viewer', 'acme');
    tokens.outsider = await t.tokenFor('out@other.example', 'editor', 'other');
    expect((await post('admin', '/api/orgs', acme())).status).toBe(201);
    expect((await post('admin', '/api/orgs', smallOrg('other'))).status).toBe(201);
    // A private scenario of the editor with a cost set by an op, and one shared with the org.
    expect(
      (await post('editor', '/api/orgs/acme/scenarios', { id: 'private', name: 'Private' })).status,
    ).toBe(201);
    const shared = await post('editor', '/api/orgs/acme/scenarios', {
      id: 'shared',
      name: 'Shared',
      ops: [{ type: 'updatePerson', personId: 'e4', changes: { cost: OP_COST } }],
    });
    expect(shared.status, await shared.clone().text()).toBe(201);
    expect(
      (
        await post(
          'editor',
          '/api/scenarios/shared/ops',
          { ops: [{ type: 'changeManager', personId: 'e1', managerId: 'linus' }] },
          { 'if-match': '"1"' },
        )
      ).status,
    ).toBe(201);
    expect(
      (await post('editor', '/api/scenarios/shared/share', { with: 'org', access: 'view' })).status,
    ).toBe(200);
    const plan = {
      id: 'hires',
      plan: {
        name: 'Hires',
        startQuarter: '2025-Q2',
        attrition: { annualRate: 0.1 },
        hires: [
          { teamId: 'web', level: 'L4', count: 1, quarter: '2025-Q2', cost: HIRE_COST },
          { teamId: 'core', level: 'L4', count: 1, quarter: '2025-Q3' },
        ],
      },
    };
    const saved = await post('editor', '/api/scenarios/shared/plans', plan);
    expect(saved.status, await saved.clone().text()).toBe(201);
    expect(
      (await post('editor', '/api/scenarios/private/plans', { ...plan, id: 'secret-plan' })).status,
    ).toBe(201);
  }, 90_000);
  afterAll(() => t?.close(), 60_000);

  it('answers each role on each route: allowed, 403 for what it may not do, 404 for what it may not see', async () => {
    const cases: [string, string, () => Promise<Response>, number][] = [];
    const add = (who: string, label: string, call: () => Promise<Response>, status: number) =>
      cases.push([who, label, call, status]);
    for (const who of ['admin', 'hr', 'grace', 'editor', 'viewer']) {
      add(who, 'GET org', () => request(who, '/api/orgs/acme'), 200);
      add(who, 'GET shared scenario', () => request(who, '/api/scenarios/shared'), 200);
      add(who, 'GET shared plan', () => request(who, '/api/plans/hires'), 200);
    }
    add('outsider', 'GET org', () => request('outsider', '/api/orgs/acme'), 404);
    add('outsider', 'GET shared scenario', () => request('outsider', '/api/scenarios/shared'), 404);
    add('outsider', 'GET org analysis', () => request('outsider', '/api/orgs/acme/analysis'), 404);
    // A private scenario: its author and admins; nobody else even sees it.
    add('editor', 'GET private', () => request('editor', '/api/scenarios/private'), 200);
    add('admin', 'GET private', () => request('admin', '/api/scenarios/private'), 200);
    for (const who of ['hr', 'grace', 'viewer', 'outsider']) {
      add(who, 'GET private', () => request(who, '/api/scenarios/private'), 404);
      add(who, 'GET private revisions', () => request(who, '/api/scenarios/private/revisions'), 404);
      add(who, 'GET private plan', () => request(who, '/api/plans/secret-plan'), 404);
      add(who, 'compare private', () => request(who, '/api/compare?ids=shared,private'), 404);
      add(
        who,
        'simulate private plan',
        () => post(who, '/api/simulations', { planId: 'secret-plan', runs: 10, seed: 1 }),
        404,
      );
    }
    // Writes: a viewer reads only; an org share with view access is not edit.
    add('viewer', 'create scenario', () => post('viewer', '/api/orgs/acme/scenarios', { name: 'x' }), 403);
    add(
      'viewer',
      'ops on shared',
      () => post('viewer', '/api/scenarios/shared/ops', { ops: [] }, { 'if-match': '"2"' }),
      403,
    );
    add(
      'grace',
      'ops on shared (view share)',
      () => post('grace', '/api/scenarios/shared/ops', { ops: [] }, { 'if-match': '"2"' }),
      403,
    );
    add(
      'grace',
      'share a scenario of another',
      () => post('grace', '/api/scenarios/shared/share', { with: 'org', access: 'edit' }),
      403,
    );
    add('hr', 'create scenario', () => post('hr', '/api/orgs/acme/scenarios', { name: 'HR plan' }), 201);
    add(
      'outsider',
      'create scenario on acme',
      () => post('outsider', '/api/orgs/acme/scenarios', { name: 'x' }),
      404,
    );
    // Plans follow their scenario: changing one needs edit access to it.
    const planPut = (who: string, id: string) => () =>
      request(who, `/api/plans/${id}`, {
        method: 'PUT',
        body: JSON.stringify({ name: 'Renamed' }),
        headers: { 'if-match': '*' },
      });
    for (const who of ['viewer', 'grace', 'hr']) {
      add(who, 'rename shared plan (view share)', planPut(who, 'hires'), 403);
      add(who, 'duplicate shared plan', () => post(who, '/api/plans/hires/duplicate', {}), 403);
      add(who, 'rename private plan', planPut(who, 'secret-plan'), 404);
    }
    add('outsider', 'rename shared plan', planPut('outsider', 'hires'), 404);
    add('editor', 'rename own private plan', planPut('editor', 'secret-plan'), 200);
    add('admin', 'duplicate private plan', () => post('admin', '/api/plans/secret-plan/duplicate', {}), 201);
    // Imports: admins, and HR on every org.
    add('hr', 'import an org', () => post('hr', '/api/orgs', smallOrg('hr-import')), 403);
    add('editor', 'import an org', () => post('editor', '/api/orgs', smallOrg('ed-import')), 403);
    add('admin', 'import an org', () => post('admin', '/api/orgs', smallOrg('admin-import')), 201);
    // Admin routes.
    for (const who of ['hr', 'grace', 'editor', 'viewer', 'outsider']) {
      add(who, 'GET users', () => request(who, '/api/users'), 403);
      add(who, 'GET audit', () => request(who, '/api/audit'), 403);
      add(who, 'POST users', () => post(who, '/api/users', { email: 'x@y.example', role: 'admin' }), 403);
      add(who, 'GET me', () => request(who, '/api/me'), 200);
    }
    add('admin', 'GET users', () => request('admin', '/api/users'), 200);
    add('admin', 'GET audit', () => request('admin', '/api/audit'), 200);
    const wrong: string[] = [];
    for (const [who, label, call, status] of cases) {
      const res = await call();
      if (res.status !== status) wrong.push(`${who} ${label}: ${res.status}, expected ${status}`);
    }
    expect(wrong).toEqual([]);
    expect(cases.length).toBeGreaterThan(50);
  });

  it('lists only what each one may see', async () => {
    const ids = async (who: string, path: string, key: string) =>
      (await readJson(await request(who, path)))[key].map((x: Json) => x.id).sort();
    expect(await ids('outsider', '/api/orgs', 'orgs')).toEqual(['other']);
    expect(await ids('viewer', '/api/orgs', 'orgs')).toEqual(['acme']);
    expect(await ids('viewer', '/api/scenarios', 'scenarios')).toEqual(['shared']);
    expect(await ids('editor', '/api/orgs/acme/scenarios', 'scenarios')).toEqual(['private', 'shared']);
    expect(await ids('viewer', '/api/orgs/acme/plans', 'plans')).toEqual(['hires']);
    const shared = (await readJson(await request('viewer', '/api/scenarios'))).scenarios[0];
    expect(shared).toMatchObject({
      visibility: 'private',
      access: { level: 'view', edit: false, share: false },
    });
    const own = (await readJson(await request('editor', '/api/scenarios/private'))).access;
    expect(own).toEqual({ level: 'owner', edit: true, share: true, comment: true });
  });

  /** Every GET route of the OpenAPI document with its parameters filled in, and the simulation. */
  async function everyRead(): Promise<[string, () => Promise<Response>][]> {
    const doc = await readJson(await t.anonymous.request('/api/openapi.json'));
    const fill: Record<string, string> = {
      '/api/orgs/{id}': '/api/orgs/acme',
      '/api/orgs/{id}/analysis': '/api/orgs/acme/analysis',
      '/api/orgs/{id}/scenarios': '/api/orgs/acme/scenarios',
      '/api/orgs/{id}/plans': '/api/orgs/acme/plans',
      '/api/scenarios/{id}': '/api/scenarios/shared',
      '/api/scenarios/{id}/analysis': '/api/scenarios/shared/analysis',
      '/api/scenarios/{id}/revisions': '/api/scenarios/shared/revisions',
      '/api/scenarios/{id}/revisions/{revision}': '/api/scenarios/shared/revisions/1',
      '/api/scenarios/{id}/plans': '/api/scenarios/shared/plans',
      '/api/scenarios/{id}/comments': '/api/scenarios/shared/comments',
      '/api/scenarios/{id}/review': '/api/scenarios/shared/review',
      '/api/scenarios/{id}/change-list': '/api/scenarios/shared/change-list',
      '/api/scenarios/{id}/rebase': '/api/scenarios/shared/rebase',
      '/api/plans/{id}': '/api/plans/hires',
      '/api/plans/{id}/revisions': '/api/plans/hires/revisions',
      '/api/compare': '/api/compare?ids=shared',
      // The live feeds from their start: every revision, then `ready` (read up to it, see below).
      '/api/scenarios/{id}/events': '/api/scenarios/shared/events?since=0',
      '/api/orgs/{id}/events': '/api/orgs/acme/events?since=0',
    };
    const reads: [string, () => Promise<Response>][] = [];
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Json>)) {
      if (!ops.get) continue;
      const filled = fill[path] ?? (path.includes('{') ? undefined : path);
      if (!filled) throw new Error(`the leak test does not know how to fill ${path}: add it`);
      reads.push([filled, async () => t.anonymous.request(filled)]);
    }
    reads.push([
      '/api/scenarios/shared/revisions/2',
      async () => t.anonymous.request('/api/scenarios/shared/revisions/2'),
    ]);
    reads.push([
      '/api/orgs/acme/analysis?asOf=2025-06-30',
      async () => t.anonymous.request('/api/orgs/acme/analysis?asOf=2025-06-30'),
    ]);
    return reads;
  }

  async function sentinelsSeenBy(who: string): Promise<{ seen: Map<number, string[]>; routes: number }> {
    const seen = new Map<number, string[]>();
    const reads = await everyRead();
    const bodies: [string, string][] = [];
    for (const [path] of reads) {
      const res = await request(who, path);
      expect(res.status, `${who} ${path}`).toBeLessThan(500);
      bodies.push([path, await bodyText(res)]);
    }
    for (const body of [
      { planId: 'hires', runs: 20, seed: 1 },
      {
        scenarioId: 'shared',
        plan: {
          startQuarter: '2025-Q2',
          attrition: { annualRate: 0.1 },
          hires: [{ teamId: 'web', level: 'L4', count: 1, quarter: '2025-Q2', cost: HIRE_COST }],
        },
        runs: 20,
        seed: 1,
      },
    ]) {
      const res = await post(who, '/api/simulations', body);
      expect(res.status, `${who} simulate: ${await res.clone().text()}`).toBe(200);
      bodies.push(['POST /api/simulations', await res.text()]);
    }
    for (const [path, text] of bodies) {
      for (const s of SENTINELS) {
        if (text.includes(String(s))) seen.set(s, [...(seen.get(s) ?? []), path]);
      }
    }
    return { seen, routes: bodies.length };
  }

  it('leaks no cost to a viewer on any read route, export or simulation; hr sees them all', async () => {
    const viewer = await sentinelsSeenBy('viewer');
    expect(viewer.routes).toBeGreaterThanOrEqual(20);
    expect([...viewer.seen]).toEqual([]);
    const outsiderOrgs = await readJson(await request('outsider', '/api/orgs/other'));
    expect(outsiderOrgs.org.people.every((p: Json) => !('cost' in p))).toBe(true);

    const grace = await sentinelsSeenBy('grace');
    expect([...grace.seen.keys()].sort()).toEqual([...GRACES_REPORTS].sort());

    const hr = await sentinelsSeenBy('hr');
    expect([...hr.seen.keys()].sort()).toEqual([...SENTINELS].sort());
    console.log(
      `leak test: ${viewer.routes} responses per role; viewer saw ${viewer.seen.size} of ${SENTINELS.length} sentinels, grace ${grace.seen.size} (her 2 reports), hr ${hr.seen.size}`,
    );
  });

  it('says "redacted" where a total over people is hidden, and gives the total to hr', async () => {
    const asViewer = await readJson(await request('viewer', '/api/orgs/acme/analysis'));
    expect(asViewer.summary.cost).toBeNull();
    expect(asViewer.summary.redacted).toBe(true);
    const asHr = await readJson(await request('hr', '/api/orgs/acme/analysis'));
    expect(asHr.summary.cost.total).toBe(Object.values(PEOPLE).reduce((a, b) => a + b, 0));
    expect(asHr.summary.redacted).toBeUndefined();
  });

  it('records views of compensation by anyone outside HR, with who and what', async () => {
    await request('grace', '/api/orgs/acme');
    await request('hr', '/api/orgs/acme');
    const { events } = await readJson(await request('admin', '/api/audit?limit=500'));
    const views = events.filter((e: Json) => e.action === 'compensation.view');
    expect(views.some((e: Json) => e.actor === 'grace@acme.example' && e.subject === '/api/orgs/acme')).toBe(
      true,
    );
    expect(views.some((e: Json) => e.actor === 'hr@acme.example')).toBe(false);
    expect(views.some((e: Json) => e.actor === 'vi@acme.example')).toBe(false); // saw none
    const writes = events.filter((e: Json) => e.subject === 'shared').map((e: Json) => e.action);
    expect(writes).toEqual(expect.arrayContaining(['scenario.create', 'scenario.ops', 'scenario.share']));
  });
});
