import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestApp } from '../testing/engines';
import { type Json, readJson } from '../testing/http';
import { smallOrg } from '../testing/orgs';

type Opened = Awaited<ReturnType<typeof openTestApp>>;

/** A sentinel hire cost: a viewer's answers never hold it. */
const HIRE_COST = 909091;
const growWeb = {
  name: 'Grow web',
  startQuarter: '2025-Q2',
  attrition: { annualRate: 0.1 },
  hires: [{ teamId: 'web', level: 'L4', count: 2, quarter: '2025-Q2', cost: HIRE_COST }],
};

describe.each(ENGINES)('headcount plan revisions, rename, duplicate, delete, on %s', (engine) => {
  let t: Opened;
  const tokens: Record<string, string> = {};
  const request = (who: string, path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${tokens[who]}`);
    if (init.body && !headers.has('content-type')) headers.set('content-type', 'application/json');
    return t.anonymous.request(path, { ...init, headers });
  };
  const put = (who: string, id: string, body: unknown, ifMatch?: string) =>
    request(who, `/api/plans/${id}`, {
      method: 'PUT',
      body: JSON.stringify(body),
      headers: ifMatch ? { 'if-match': ifMatch } : {},
    });
  const del = (who: string, id: string, ifMatch?: string) =>
    request(who, `/api/plans/${id}`, { method: 'DELETE', headers: ifMatch ? { 'if-match': ifMatch } : {} });
  const dup = (who: string, id: string, body: unknown = {}) =>
    request(who, `/api/plans/${id}/duplicate`, { method: 'POST', body: JSON.stringify(body) });
  let n = 0;
  /** A new plan saved by the editor with the shared scenario; answers its id. */
  const newPlan = async () => {
    const id = `p${++n}`;
    const res = await request('editor', '/api/scenarios/shared/plans', {
      method: 'POST',
      body: JSON.stringify({ id, plan: growWeb }),
    });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(res.headers.get('etag')).toBe('"1"');
    return id;
  };

  beforeAll(async () => {
    t = await openTestApp(engine);
    tokens.admin = await t.tokenFor('root@tests.example', 'admin');
    tokens.hr = await t.tokenFor('hr@acme.example', 'hr', 'acme');
    tokens.editor = await t.tokenFor('ed@acme.example', 'editor', 'acme');
    tokens.editor2 = await t.tokenFor('ed2@acme.example', 'editor', 'acme');
    tokens.viewer = await t.tokenFor('vi@acme.example', 'viewer', 'acme');
    expect(
      (await request('admin', '/api/orgs', { method: 'POST', body: JSON.stringify(smallOrg('acme')) }))
        .status,
    ).toBe(201);
    const mk = (id: string) =>
      request('editor', '/api/orgs/acme/scenarios', {
        method: 'POST',
        body: JSON.stringify({ id, name: id }),
      });
    expect((await mk('shared')).status).toBe(201);
    expect((await mk('private')).status).toBe(201);
    const share = await request('editor', '/api/scenarios/shared/share', {
      method: 'POST',
      body: JSON.stringify({ with: 'org', access: 'view' }),
    });
    expect(share.status).toBe(200);
    const priv = await request('editor', '/api/scenarios/private/plans', {
      method: 'POST',
      body: JSON.stringify({ id: 'secret', plan: growWeb }),
    });
    expect(priv.status).toBe(201);
  }, 60_000);
  afterAll(() => t?.close(), 60_000);

  it('saves a new revision with If-Match (ETag "2"), keeps revision 1, and refuses a stale one (412) storing nothing', async () => {
    const id = await newPlan();
    const changed = { ...growWeb, attrition: { annualRate: 0.2 } };
    const res = await put('editor', id, { plan: changed }, '"1"');
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('etag')).toBe('"2"');
    const saved = await readJson(res);
    expect(saved).toMatchObject({ id, revision: 2, updatedBy: 'ed@acme.example', author: 'ed@acme.example' });
    expect(saved.plan.attrition.annualRate).toBe(0.2);
    expect(saved.plan.quarters).toBe(8); // defaults filled in

    const stale = await put('editor', id, { name: 'Late' }, '"1"');
    expect(stale.status).toBe(412);
    expect(stale.headers.get('etag')).toBe('"2"');
    expect((await readJson(stale)).currentRevision).toBe(2);
    expect((await put('editor', id, { name: 'No header' })).status).toBe(428);

    const got = await request('editor', `/api/plans/${id}`);
    expect(got.headers.get('etag')).toBe('"2"');
    expect((await readJson(got)).name).toBe('Grow web');

    const revs = await readJson(await request('editor', `/api/plans/${id}/revisions`));
    expect(revs.revisions.map((r: Json) => [r.revision, r.plan.attrition.annualRate])).toEqual([
      [1, 0.1],
      [2, 0.2],
    ]);
  });

  it('renames (a revision with the new name), validates the plan with paths (422) and stores nothing then', async () => {
    const id = await newPlan();
    const renamed = await put('editor', id, { name: '  Grow web, faster ' }, '"1"');
    expect(renamed.status).toBe(200);
    expect(await readJson(renamed)).toMatchObject({ name: 'Grow web, faster', revision: 2 });
    const bad = await put(
      'editor',
      id,
      { plan: { ...growWeb, hires: [{ teamId: 'web', level: 'L4', count: 0, quarter: '2025-Q9' }] } },
      '"2"',
    );
    expect(bad.status).toBe(422);
    const paths = (await readJson(bad)).errors.map((e: Json) => e.path);
    expect(paths).toEqual(expect.arrayContaining(['plan.hires.0.count', 'plan.hires.0.quarter']));
    expect((await put('editor', id, {}, '"2"')).status).toBe(422);
    expect((await readJson(await request('editor', `/api/plans/${id}`))).revision).toBe(2);
  });

  it('deletes as a revision: out of the lists, still readable with its history, restored by PUT', async () => {
    const id = await newPlan();
    expect((await del('editor', id)).status).toBe(428);
    const gone = await del('editor', id, '"1"');
    expect(gone.status).toBe(200);
    expect(await readJson(gone)).toMatchObject({ deleted: true, revision: 2 });
    expect((await del('editor', id, '"2"')).status).toBe(409);
    const listed = await readJson(await request('editor', '/api/scenarios/shared/plans'));
    expect(listed.plans.map((p: Json) => p.id)).not.toContain(id);
    const orgList = await readJson(await request('editor', '/api/orgs/acme/plans'));
    expect(orgList.plans.map((p: Json) => p.id)).not.toContain(id);
    expect((await readJson(await request('editor', `/api/plans/${id}`))).deleted).toBe(true);
    expect((await readJson(await request('editor', `/api/plans/${id}/revisions`))).revisions).toHaveLength(2);
    const back = await put('editor', id, { name: 'Back' }, '"2"');
    expect(await readJson(back)).toMatchObject({ deleted: false, revision: 3, name: 'Back' });
  });

  it('duplicates into a new plan of the same scenario ("<name> (copy)" or a given name and id), 409 for a taken id', async () => {
    const id = await newPlan();
    await put('editor', id, { plan: { ...growWeb, attrition: { annualRate: 0.3 } } }, '"1"');
    const copy = await dup('admin', id);
    expect(copy.status).toBe(201);
    const body = await readJson(copy);
    expect(body).toMatchObject({
      scenarioId: 'shared',
      name: 'Grow web (copy)',
      revision: 1,
      author: 'root@tests.example',
    });
    expect(body.plan.attrition.annualRate).toBe(0.3);
    expect(copy.headers.get('location')).toBe(`/api/plans/${body.id}`);
    const named = await dup('editor', id, { id: `${id}-hi`, name: 'High attrition' });
    expect(await readJson(named)).toMatchObject({ id: `${id}-hi`, name: 'High attrition' });
    expect((await dup('editor', id, { id: `${id}-hi` })).status).toBe(409);
    expect((await dup('editor', id, { colour: 'red' })).status).toBe(422);
    const bare = await request('editor', `/api/plans/${id}/duplicate`, { method: 'POST' });
    expect(bare.status, await bare.clone().text()).toBe(201);
    expect((await readJson(bare)).name).toBe('Grow web (copy)');
    expect((await dup('editor', 'no-such-plan')).status).toBe(404);
  });

  it('each role: viewer and hr read (no hire cost for the viewer) but may not change; editors and admins may; a private scenario’s plan is 404 to others', async () => {
    const id = await newPlan();
    for (const who of ['viewer', 'hr']) {
      const got = await request(who, `/api/plans/${id}`);
      expect(got.status, who).toBe(200);
      expect((await put(who, id, { name: 'x' }, '"1"')).status, who).toBe(403);
      expect((await del(who, id, '"1"')).status, who).toBe(403);
      expect((await dup(who, id)).status, who).toBe(403);
    }
    const viewed = await request('viewer', `/api/plans/${id}`);
    expect(await viewed.text()).not.toContain(String(HIRE_COST));
    const revs = await request('viewer', `/api/plans/${id}/revisions`);
    expect(revs.status).toBe(200);
    expect(await revs.text()).not.toContain(String(HIRE_COST));
    expect(await (await request('hr', `/api/plans/${id}`)).text()).toContain(String(HIRE_COST));
    expect((await put('editor2', id, { name: 'by editor 2' }, '"1"')).status).toBe(403); // shared for view only
    expect((await put('admin', id, { name: 'by admin' }, '"1"')).status).toBe(200);
    expect((await put('editor', id, { name: 'by editor' }, '"2"')).status).toBe(200);
    for (const who of ['viewer', 'hr', 'editor2']) {
      for (const res of [
        await request(who, '/api/plans/secret'),
        await request(who, '/api/plans/secret/revisions'),
        await put(who, 'secret', { name: 'x' }, '"1"'),
        await del(who, 'secret', '"1"'),
        await dup(who, 'secret'),
      ]) {
        expect(res.status, who).toBe(404);
      }
    }
    expect((await t.anonymous.request(`/api/plans/${id}`, { method: 'PUT', body: '{}' })).status).toBe(401);
  });

  it('records plan.update, plan.delete and plan.duplicate in the audit trail with the signed-in author', async () => {
    const id = await newPlan();
    await put('editor', id, { name: 'Audited' }, '"1"');
    await dup('editor', id, { id: `${id}-copy` });
    await del('editor', id, '"2"');
    const { events } = await readJson(await request('admin', '/api/audit?limit=500'));
    const mine = events.filter((e: Json) => e.subject === id || e.subject === `${id}-copy`);
    expect(mine.map((e: Json) => [e.action, e.actor, e.orgId]).sort()).toEqual(
      [
        ['plan.create', 'ed@acme.example', 'acme'],
        ['plan.delete', 'ed@acme.example', 'acme'],
        ['plan.duplicate', 'ed@acme.example', 'acme'],
        ['plan.update', 'ed@acme.example', 'acme'],
      ].sort(),
    );
  });
});
