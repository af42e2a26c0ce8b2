import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { Identity } from '../auth/identity';
import type { Store } from '../db/store';
import { ENGINES, openTestApp, signedIn, TEST_ADMIN } from '../testing/engines';
import { type Json, readJson } from '../testing/http';
import { smallOrg } from '../testing/orgs';

type App = Awaited<ReturnType<typeof openTestApp>>['app'];

const move = (personId: string, managerId: string | null) => ({ type: 'changeManager', personId, managerId });

describe.each(ENGINES)('scenarios on %s', (engine) => {
  let app: App;
  let store: Store;
  let close: () => Promise<void>;
  let baselineBefore: Json;
  let tokenFor: Awaited<ReturnType<typeof openTestApp>>['tokenFor'];
  let identity: Awaited<ReturnType<typeof openTestApp>>['identity'];
  const tokens = new Map<string, string>();
  /** Credentials of editor `name@tests.example` (the author of what they save). */
  const as = async (name: string) => {
    const email = name.includes('@') ? name : `${name}@tests.example`;
    if (!tokens.has(name)) tokens.set(name, await tokenFor(email, 'editor'));
    return { authorization: `Bearer ${tokens.get(name)}` };
  };
  beforeAll(async () => {
    ({ app, store, close, tokenFor, identity } = await openTestApp(engine));
    for (const id of ['acme', 'other']) {
      const res = await send('POST', '/api/orgs', smallOrg(id));
      expect(res.status).toBe(201);
    }
    baselineBefore = (await get('/api/orgs/acme')).org;
  }, 60_000);
  afterAll(() => close?.(), 60_000);

  async function send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const { author, ...rest } = headers;
    return app.request(path, {
      method,
      ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      headers: { 'content-type': 'application/json', ...rest, ...(author ? await as(author) : {}) },
    });
  }
  const get = async (path: string): Promise<Json> => readJson(await app.request(path));
  const createScenario = async (id: string, ops: unknown[] = [], orgId = 'acme') => {
    const body = { id, name: `Scenario ${id}`, ops, visibility: 'org' };
    const res = await send('POST', `/api/orgs/${orgId}/scenarios`, body);
    expect(res.status).toBe(201);
    return res;
  };
  const saveOps = (id: string, ops: unknown[], ifMatch?: string, author?: string) =>
    send(
      'POST',
      `/api/scenarios/${id}/ops`,
      { ops },
      {
        ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }),
        ...(author ? { author: author } : {}),
      },
    );
  const managerOf = (state: Json, personId: string) =>
    state.people.find((p: { id: string }) => p.id === personId).managerId;

  describe('create', () => {
    it('creates revision 1 with the baseline state: 201, ETag, Location, author', async () => {
      const res = await send(
        'POST',
        '/api/orgs/acme/scenarios',
        { name: '  Plan A ', id: 'plan-a', visibility: 'org' },
        { author: 'dana@tests.example' },
      );
      expect(res.status).toBe(201);
      expect(res.headers.get('etag')).toBe('"1"');
      expect(res.headers.get('location')).toBe('/api/scenarios/plan-a');
      const body = await readJson(res);
      expect(body).toMatchObject({
        id: 'plan-a',
        orgId: 'acme',
        name: 'Plan A',
        author: 'dana@tests.example',
        revision: 1,
        ops: [],
      });
      const baseline = (await get('/api/orgs/acme')).org;
      // Dana is an editor who is no one's manager in the org: every cost is taken out for her.
      const withoutCosts = {
        ...baseline,
        people: baseline.people.map(({ cost: _cost, ...p }: Json) => p),
      };
      expect(baseline.people.filter((p: Json) => p.cost !== undefined).length).toBeGreaterThan(0);
      expect(body.state).toEqual(withoutCosts);
    });

    it('generates an id from the name when none is given', async () => {
      const body = await readJson(await send('POST', '/api/orgs/acme/scenarios', { name: 'Split Core!' }));
      expect(body.id).toMatch(/^split-core-[0-9a-f]{8}$/);
      expect(body.author).toBe(TEST_ADMIN);
    });

    it('applies initial ops, and refuses a bad one with its index (422, nothing stored)', async () => {
      const ok = await readJson(await createScenario('with-ops', [move('e1', 'linus')]));
      expect(managerOf(ok.state, 'e1')).toBe('linus');
      const res = await send('POST', '/api/orgs/acme/scenarios', {
        id: 'refused',
        name: 'x',
        ops: [move('e1', 'linus'), move('e2', 'ghost')],
      });
      expect(res.status).toBe(422);
      const problem = await readJson(res);
      expect(problem).toMatchObject({ type: 'urn:reorg:problem:op-refused', opIndex: 1 });
      expect(problem.errors).toEqual([
        expect.objectContaining({ in: 'body', path: 'ops.1', opIndex: 1, code: 'not_found' }),
      ]);
      expect((await app.request('/api/scenarios/refused')).status).toBe(404);
    });

    it('answers 404 for an unknown org, 409 for a taken id, 422 for an invalid body', async () => {
      expect((await send('POST', '/api/orgs/ghost/scenarios', { name: 'x' })).status).toBe(404);
      const taken = await send('POST', '/api/orgs/acme/scenarios', { id: 'plan-a', name: 'again' });
      expect(taken.status).toBe(409);
      expect((await readJson(taken)).errors).toEqual([{ in: 'body', path: 'id', message: 'already exists' }]);
      const invalid = await send('POST', '/api/orgs/acme/scenarios', {
        name: '',
        ops: [{ type: 'teleport' }],
        extra: 1,
      });
      expect(invalid.status).toBe(422);
      const paths = (await readJson(invalid)).errors.map((e: { path: string }) => e.path).sort();
      expect(paths).toEqual(['', 'name', 'ops.0.type']);
    });
  });

  describe('read', () => {
    it('returns state, effective ops and revision with an ETag; 304 when unchanged', async () => {
      const res = await app.request('/api/scenarios/with-ops');
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe('"1"');
      const body = await readJson(res);
      expect(body.ops).toEqual([{ ...move('e1', 'linus'), withReports: true }]);
      const cached = await app.request('/api/scenarios/with-ops', { headers: { 'if-none-match': '"1"' } });
      expect(cached.status).toBe(304);
      expect(await cached.text()).toBe('');
      // If-None-Match compares weakly (RFC 9110): W/"1" is revision 1 too; "2" is not.
      const weak = await app.request('/api/scenarios/with-ops', { headers: { 'if-none-match': 'W/"1"' } });
      expect(weak.status).toBe(304);
      const other = await app.request('/api/scenarios/with-ops', { headers: { 'if-none-match': '"2"' } });
      expect(other.status).toBe(200);
    });

    it('answers 404 for an unknown scenario', async () => {
      const res = await app.request('/api/scenarios/ghost');
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      for (const path of [
        '/api/scenarios/ghost/revisions',
        '/api/scenarios/ghost/analysis',
        '/api/scenarios/ghost/revisions/1',
      ]) {
        expect((await app.request(path)).status).toBe(404);
      }
    });

    it('lists scenarios, all or of one org', async () => {
      await createScenario('other-plan', [], 'other');
      const all = (await get('/api/scenarios')).scenarios.map((s: { id: string }) => s.id);
      expect(all).toEqual(expect.arrayContaining(['plan-a', 'with-ops', 'other-plan']));
      const ofOther = (await get('/api/orgs/other/scenarios')).scenarios;
      expect(ofOther).toEqual([expect.objectContaining({ id: 'other-plan', orgId: 'other', revision: 1 })]);
      expect((await app.request('/api/orgs/ghost/scenarios')).status).toBe(404);
    });
  });

  describe('save ops with If-Match', () => {
    it('requires If-Match: 428, nothing stored', async () => {
      const res = await saveOps('plan-a', [move('e3', 'grace')]);
      expect(res.status).toBe(428);
      expect(await readJson(res)).toMatchObject({
        status: 428,
        type: 'urn:reorg:problem:precondition-required',
      });
      expect((await get('/api/scenarios/plan-a')).revision).toBe(1);
    });

    it('saves a batch as the next revision: 201, ETag, author, Location', async () => {
      const res = await saveOps('plan-a', [move('e3', 'grace'), move('e4', 'grace')], '"1"', 'erin');
      expect(res.status).toBe(201);
      expect(res.headers.get('etag')).toBe('"2"');
      expect(res.headers.get('location')).toBe('/api/scenarios/plan-a/revisions/2');
      expect(await readJson(res)).toMatchObject({
        scenarioId: 'plan-a',
        revision: 2,
        author: 'erin@tests.example',
        restoredFrom: null,
      });
      const scenario = await get('/api/scenarios/plan-a');
      expect(scenario.revision).toBe(2);
      expect(managerOf(scenario.state, 'e3')).toBe('grace');
      expect(managerOf(scenario.state, 'e4')).toBe('grace');
    });

    it('refuses a stale If-Match: 412 with the current ETag, nothing stored', async () => {
      const res = await saveOps('plan-a', [move('e1', 'linus')], '"1"');
      expect(res.status).toBe(412);
      expect(res.headers.get('etag')).toBe('"2"');
      expect(await readJson(res)).toMatchObject({
        type: 'urn:reorg:problem:precondition-failed',
        currentRevision: 2,
      });
      expect(managerOf((await get('/api/scenarios/plan-a')).state, 'e1')).toBe('grace');
    });

    it('is atomic: a batch with one refused op stores nothing (422 with the op index)', async () => {
      const before = await get('/api/scenarios/plan-a');
      const res = await saveOps('plan-a', [move('e1', 'linus'), move('ada', 'e1')], '"2"');
      expect(res.status).toBe(422);
      const problem = await readJson(res);
      expect(problem.opIndex).toBe(1);
      expect(problem.errors[0]).toMatchObject({ path: 'ops.1', code: 'cycle' });
      expect(await get('/api/scenarios/plan-a')).toEqual(before);
      expect((await get('/api/scenarios/plan-a/revisions')).revisions).toHaveLength(2);
    });

    it('validates the batch with the op schema (422 with paths), and refuses an empty one', async () => {
      const res = await saveOps('plan-a', [{ type: 'changeManager', personId: 5 }], '"2"');
      expect(res.status).toBe(422);
      const paths = (await readJson(res)).errors.map((e: { path: string }) => e.path).sort();
      expect(paths).toEqual(['ops.0.managerId', 'ops.0.personId']);
      expect((await saveOps('plan-a', [], '"2"')).status).toBe(422);
      const nul = await saveOps(
        'plan-a',
        [{ type: 'updatePerson', personId: 'e1', changes: { title: 'a\u0000b' } }],
        '"2"',
      );
      expect(nul.status).toBe(422);
      expect((await readJson(nul)).errors).toEqual([
        expect.objectContaining({
          in: 'body',
          path: 'ops.0.changes.title',
          message: expect.stringContaining('NUL'),
        }),
      ]);
    });

    it('compares If-Match strongly (RFC 9110): W/"2" and a bare 2 get 412; "2" and * are accepted', async () => {
      expect((await saveOps('plan-a', [move('e1', 'linus')], 'W/"2"')).status).toBe(412);
      expect((await saveOps('plan-a', [move('e1', 'linus')], '2')).status).toBe(412);
      expect((await saveOps('plan-a', [move('e1', 'linus')], '"2"')).status).toBe(201);
      expect((await saveOps('plan-a', [move('e1', 'grace')], '*')).status).toBe(201);
      expect((await get('/api/scenarios/plan-a')).revision).toBe(4);
    });

    it('lets exactly one of two concurrent writers of one revision win; the other gets 412', async () => {
      await createScenario('race');
      const results = await Promise.all([
        saveOps('race', [move('e1', 'linus')], '"1"', 'first'),
        saveOps('race', [move('e2', 'linus')], '"1"', 'second'),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 412]);
      const revisions = (await get('/api/scenarios/race/revisions')).revisions;
      expect(revisions).toHaveLength(2);
    });

    it('refuses an ops body over 5 MB with 413', async () => {
      const big = {
        ops: [{ type: 'updatePerson', personId: 'e1', changes: { title: 'x'.repeat(6 * 1024 * 1024) } }],
      };
      const res = await saveOps('plan-a', big.ops, '"4"');
      expect(res.status).toBe(413);
      expect((await get('/api/scenarios/plan-a')).revision).toBe(4);
    });

    it('never changes the baseline', async () => {
      const org = (await get('/api/orgs/acme')).org;
      expect(managerOf(org, 'e3')).toBe('linus');
      expect(org).toEqual(baselineBefore);
    });
  });

  describe('revisions and restore', () => {
    it('lists revisions with batches, authors and times, oldest first', async () => {
      const { revisions } = await get('/api/scenarios/plan-a/revisions');
      expect(revisions.map((r: Json) => r.revision)).toEqual([1, 2, 3, 4]);
      expect(revisions[0]).toMatchObject({ author: 'dana@tests.example', ops: [], restoredFrom: null });
      expect(revisions[1].author).toBe('erin@tests.example');
      expect(revisions[1].ops).toHaveLength(2);
      expect(revisions.every((r: Json) => !Number.isNaN(Date.parse(r.createdAt)))).toBe(true);
    });

    it('returns the state at an old revision', async () => {
      const rev2 = await get('/api/scenarios/plan-a/revisions/2');
      expect(rev2).toMatchObject({ scenarioId: 'plan-a', revision: 2, author: 'erin@tests.example' });
      expect(managerOf(rev2.state, 'e3')).toBe('grace');
      expect(managerOf(rev2.state, 'e1')).toBe('grace');
      expect((await app.request('/api/scenarios/plan-a/revisions/99')).status).toBe(404);
      expect((await app.request('/api/scenarios/plan-a/revisions/zero')).status).toBe(422);
    });

    it('restores an old revision as a new one with equal state and ops', async () => {
      const rev1 = await get('/api/scenarios/plan-a/revisions/1');
      expect((await send('POST', '/api/scenarios/plan-a/restore', { revision: 1 })).status).toBe(428);
      expect(
        (await send('POST', '/api/scenarios/plan-a/restore', { revision: 1 }, { 'if-match': '"3"' })).status,
      ).toBe(412);
      const res = await send(
        'POST',
        '/api/scenarios/plan-a/restore',
        { revision: 1 },
        { 'if-match': '"4"', author: 'fay@tests.example' },
      );
      expect(res.status).toBe(201);
      expect(res.headers.get('etag')).toBe('"5"');
      expect(await readJson(res)).toMatchObject({
        revision: 5,
        restoredFrom: 1,
        author: 'fay@tests.example',
      });
      const now = await get('/api/scenarios/plan-a');
      expect(now.revision).toBe(5);
      expect(now.state).toEqual(rev1.state);
      expect(now.ops).toEqual([]);
      const { revisions } = await get('/api/scenarios/plan-a/revisions');
      expect(revisions.at(-1)).toMatchObject({ revision: 5, restoredFrom: 1, ops: [] });
    });

    it('continues from a restored revision, and can restore forward again', async () => {
      expect((await saveOps('plan-a', [move('e2', 'linus')], '"5"')).status).toBe(201);
      const six = await get('/api/scenarios/plan-a');
      expect(six.ops).toEqual([{ ...move('e2', 'linus'), withReports: true }]);
      expect(managerOf(six.state, 'e3')).toBe('linus');
      const res = await send('POST', '/api/scenarios/plan-a/restore', { revision: 4 }, { 'if-match': '"6"' });
      expect(res.status).toBe(201);
      const rev4 = await get('/api/scenarios/plan-a/revisions/4');
      expect((await get('/api/scenarios/plan-a')).state).toEqual(rev4.state);
    });

    it('refuses to restore a revision that does not exist (422 naming it)', async () => {
      const res = await send(
        'POST',
        '/api/scenarios/plan-a/restore',
        { revision: 40 },
        { 'if-match': '"7"' },
      );
      expect(res.status).toBe(422);
      expect((await readJson(res)).errors).toEqual([
        expect.objectContaining({ in: 'body', path: 'revision' }),
      ]);
      const invalid = await send(
        'POST',
        '/api/scenarios/plan-a/restore',
        { revision: 0 },
        { 'if-match': '"7"' },
      );
      expect(invalid.status).toBe(422);
    });

    it('keeps the database as the truth: a new process (empty cache) sees the same states', async () => {
      const token = (await identity.createToken(TEST_ADMIN, 'fresh', { actor: 'system' }))?.token as string;
      const fresh = signedIn(
        createApp({
          store,
          webDir: false,
          identity: new Identity(store.drizzle, { publicUrl: 'http://localhost' }),
        }),
        token,
      );
      for (const id of ['plan-a', 'with-ops', 'race']) {
        const a = await get(`/api/scenarios/${id}`);
        const b = await readJson(await fresh.request(`/api/scenarios/${id}`));
        expect(b).toEqual(a);
      }
      const rev2 = await readJson(await fresh.request('/api/scenarios/plan-a/revisions/2'));
      expect(rev2).toEqual(await get('/api/scenarios/plan-a/revisions/2'));
    });
  });

  describe('analysis', () => {
    it('analyses the latest state, with its ETag', async () => {
      await createScenario('lopsided', [move('e1', 'linus'), move('e2', 'linus')]);
      const res = await app.request('/api/scenarios/lopsided/analysis');
      expect(res.status).toBe(200);
      expect(res.headers.get('etag')).toBe('"1"');
      const report = await readJson(res);
      const spans = Object.fromEntries(report.managers.map((m: Json) => [m.id, m.directReports]));
      expect(spans).toMatchObject({ ada: 2, linus: 4 });
      expect(spans.grace).toBeUndefined();
      expect((await app.request('/api/scenarios/lopsided/analysis?asOf=nope')).status).toBe(422);
    });
  });
});
