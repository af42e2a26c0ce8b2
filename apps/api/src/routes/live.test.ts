import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestApp } from '../testing/engines';
import { type Json, readJson } from '../testing/http';
import { smallOrg } from '../testing/orgs';
import { type SseEvent, SseReader } from '../testing/sse';

type Opened = Awaited<ReturnType<typeof openTestApp>>;

const OP_COST = 808080; // a cost set by an op: hidden from the viewer, shown to hr

describe.each(ENGINES)('live feeds and presence, on %s', (engine) => {
  let t: Opened;
  const tokens: Record<string, string> = {};
  const readers: SseReader[] = [];
  const request = (who: string, path: string, init: RequestInit = {}) => {
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${tokens[who]}`);
    if (init.body) headers.set('content-type', 'application/json');
    return t.anonymous.request(path, { ...init, headers });
  };
  const open = async (who: string, path: string, headers: Record<string, string> = {}) => {
    const res = await request(who, path, { headers });
    expect(res.status, `${who} ${path}: ${res.status === 200 ? '' : await res.clone().text()}`).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const reader = new SseReader(res);
    readers.push(reader);
    await reader.nextNamed('ready');
    return reader;
  };
  let latest = 1;
  const save = async (who: string, scenario: string, ops: Json[], expected: number) => {
    const res = await request(who, `/api/scenarios/${scenario}/ops`, {
      method: 'POST',
      body: JSON.stringify({ ops }),
      headers: { 'if-match': `"${expected}"` },
    });
    expect(res.status, await res.clone().text()).toBe(201);
    return (await readJson(res)).revision as number;
  };
  const moveTo = (personId: string, managerId: string) => ({ type: 'changeManager', personId, managerId });
  const revisions = (events: SseEvent[]) =>
    events.filter((e) => e.event === 'revision').map((e) => JSON.parse(e.data).revision as number);

  beforeAll(async () => {
    t = await openTestApp(engine);
    tokens.admin = (await t.identity.createToken('admin@tests.example', 'a', { actor: 'system' }))
      ?.token as string;
    await t.identity.addUser(
      { email: 'ana@acme.example', role: 'editor', orgId: 'acme', name: 'Ana' },
      {
        actor: 'system',
      },
    );
    tokens.ana = (await t.identity.createToken('ana@acme.example', 't', { actor: 'system' }))
      ?.token as string;
    tokens.kofi = await t.tokenFor('kofi@acme.example', 'editor', 'acme');
    tokens.hr = await t.tokenFor('hr@acme.example', 'hr', 'acme');
    tokens.viewer = await t.tokenFor('vi@acme.example', 'viewer', 'acme');
    tokens.outsider = await t.tokenFor('out@other.example', 'editor', 'other');
    expect(
      (
        await t.app.request('/api/orgs', {
          method: 'POST',
          body: JSON.stringify(smallOrg('acme')),
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(201);
    for (const [id, visibility] of [
      ['shared', 'org'],
      ['private', 'private'],
    ] as const) {
      const res = await request('ana', '/api/orgs/acme/scenarios', {
        method: 'POST',
        body: JSON.stringify({ id, name: id, visibility }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
    }
  }, 90_000);
  afterAll(async () => {
    for (const r of readers) await r.close();
    await t?.close();
  }, 60_000);

  it('delivers a save by one client to the feed of another within 1 s, with names, ops and the revision as id', async () => {
    const kofi = await open('kofi', '/api/scenarios/shared/events');
    const hello = kofi.drain(); // nothing before ready but hello and presence
    expect(hello.filter((e) => e.event === 'revision')).toEqual([]);
    const saved = performance.now();
    latest = await save('ana', 'shared', [moveTo('e1', 'linus')], latest);
    const event = await kofi.nextNamed('revision');
    expect(event.at - saved).toBeLessThan(1000);
    expect(event.id).toBe(String(latest));
    const data = JSON.parse(event.data);
    expect(data).toMatchObject({
      scenarioId: 'shared',
      revision: 2,
      author: 'ana@acme.example',
      authorName: 'Ana',
      ops: [moveTo('e1', 'linus')],
      restoredFrom: null,
    });
    expect(Number.isNaN(Date.parse(data.at))).toBe(false);
    await kofi.close();
  });

  it('resumes after Last-Event-ID (or ?since=) without gaps or repeats', async () => {
    for (const [p, m] of [
      ['e2', 'linus'],
      ['e3', 'grace'],
      ['e4', 'grace'],
    ] as const) {
      latest = await save('ana', 'shared', [moveTo(p, m)], latest);
    }
    expect(latest).toBe(5);
    const resumed = await open('kofi', '/api/scenarios/shared/events', { 'last-event-id': '2' });
    latest = await save('kofi', 'shared', [moveTo('e1', 'grace')], latest);
    const got = [
      await resumed.nextNamed('revision'),
      await resumed.nextNamed('revision'),
      await resumed.nextNamed('revision'),
      await resumed.nextNamed('revision'),
    ];
    expect(got.map((e) => e.id)).toEqual(['3', '4', '5', '6']);
    expect(revisions(got)).toEqual([3, 4, 5, 6]);
    await resumed.close();
    const since = await open('kofi', '/api/scenarios/shared/events?since=5');
    latest = await save('kofi', 'shared', [moveTo('e2', 'grace')], latest);
    expect((await since.nextNamed('revision')).id).toBe('6');
    expect((await since.nextNamed('revision')).id).toBe('7');
    await new Promise((r) => setTimeout(r, 100));
    expect(revisions(since.drain())).toEqual([]);
    await since.close();
  });

  it('loses and repeats nothing when a client reconnects again and again while two people save', async () => {
    const start = latest;
    const writers = ['ana', 'kofi'].map(async (who, w) => {
      for (let k = 0; k < 6; k++) {
        for (;;) {
          const head = await readJson(await request(who, '/api/scenarios/shared'));
          const res = await request(who, '/api/scenarios/shared/ops', {
            method: 'POST',
            body: JSON.stringify({ ops: [moveTo('e3', k % 2 === w ? 'grace' : 'linus')] }),
            headers: { 'if-match': `"${head.revision}"` },
          });
          if (res.status === 201) break;
          expect(res.status).toBe(412);
        }
      }
    });
    const seen: number[] = [];
    let cursor = start;
    const reconnecting = (async () => {
      while (cursor < start + 12) {
        const reader = await open('kofi', '/api/scenarios/shared/events', {
          'last-event-id': String(cursor),
        });
        const e = await reader.nextNamed('revision', 5000).catch(() => undefined);
        await reader.close();
        if (!e) continue;
        seen.push(Number(e.id));
        cursor = Number(e.id);
      }
    })();
    await Promise.all([...writers, reconnecting]);
    latest = start + 12;
    expect(seen).toEqual(Array.from({ length: 12 }, (_, k) => start + 1 + k));
  });

  it('refuses a cursor that is not a revision of the scenario with a 422 naming it', async () => {
    const bad = await request('kofi', '/api/scenarios/shared/events', {
      headers: { 'last-event-id': 'abc' },
    });
    expect(bad.status).toBe(422);
    expect((await readJson(bad)).errors[0]).toMatchObject({ in: 'header', path: 'last-event-id' });
    const ahead = await request('kofi', '/api/scenarios/shared/events?since=999');
    expect(ahead.status).toBe(422);
    expect((await readJson(ahead)).detail).toContain('after the latest');
  });

  it('answers 404 to whoever may not see the scenario or org, and 401 without credentials', async () => {
    for (const who of ['kofi', 'hr', 'viewer', 'outsider']) {
      expect((await request(who, '/api/scenarios/private/events')).status, who).toBe(404);
    }
    expect((await request('outsider', '/api/scenarios/shared/events')).status).toBe(404);
    expect((await request('outsider', '/api/orgs/acme/events')).status).toBe(404);
    expect((await request('admin', '/api/scenarios/nope/events')).status).toBe(404);
    expect((await t.anonymous.request('/api/scenarios/shared/events')).status).toBe(401);
  });

  it('redacts costs inside ops for the viewer and keeps them for hr', async () => {
    const viewer = await open('viewer', '/api/scenarios/shared/events');
    const hr = await open('hr', '/api/scenarios/shared/events');
    latest = await save(
      'ana',
      'shared',
      [{ type: 'updatePerson', personId: 'e4', changes: { cost: OP_COST } }],
      latest,
    );
    const seen = await viewer.nextNamed('revision');
    expect(seen.data).not.toContain(String(OP_COST));
    expect(JSON.parse(seen.data).ops[0]).toEqual({ type: 'updatePerson', personId: 'e4', changes: {} });
    expect(JSON.parse((await hr.nextNamed('revision')).data).ops[0].changes.cost).toBe(OP_COST);
    await viewer.close();
    await hr.close();
  });

  it('sends the org feed every visible scenario in commit order, resumable by its id', async () => {
    const kofi = await open('kofi', '/api/orgs/acme/events');
    const ana = await open('ana', '/api/orgs/acme/events');
    latest = await save('ana', 'shared', [moveTo('e3', 'linus')], latest);
    await save('ana', 'private', [moveTo('e3', 'grace')], 1);
    latest = await save('ana', 'shared', [moveTo('e4', 'linus')], latest);
    const forAna = [
      await ana.nextNamed('revision'),
      await ana.nextNamed('revision'),
      await ana.nextNamed('revision'),
    ];
    expect(forAna.map((e) => JSON.parse(e.data).scenarioId)).toEqual(['shared', 'private', 'shared']);
    const ids = forAna.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    // Kofi may not see the private scenario: he gets the two others only.
    const forKofi = [await kofi.nextNamed('revision'), await kofi.nextNamed('revision')];
    expect(forKofi.map((e) => e.id)).toEqual([forAna[0].id, forAna[2].id]);
    await new Promise((r) => setTimeout(r, 100));
    expect(revisions(kofi.drain())).toEqual([]);
    const resumed = await open('ana', '/api/orgs/acme/events', { 'last-event-id': String(ids[0]) });
    expect([(await resumed.nextNamed('revision')).id, (await resumed.nextNamed('revision')).id]).toEqual([
      String(ids[1]),
      String(ids[2]),
    ]);
    for (const r of [kofi, ana, resumed]) await r.close();
  });

  it('shows who has the scenario open and what they selected, and drops them when their feed closes', async () => {
    const ana = await open('ana', '/api/scenarios/shared/events');
    const kofiRes = await request('kofi', '/api/scenarios/shared/events');
    const kofi = new SseReader(kofiRes);
    readers.push(kofi);
    const hello = JSON.parse((await kofi.nextNamed('hello')).data);
    expect(typeof hello.connectionId).toBe('string');
    const both = (e: SseEvent) => e.event === 'presence' && JSON.parse(e.data).present.length === 2;
    const names = JSON.parse((await ana.next(both)).data).present.map((p: Json) => p.name);
    expect(names.sort()).toEqual(['Ana', 'kofi']);
    const select = (body: Json, who = 'kofi') =>
      request(who, '/api/scenarios/shared/presence', { method: 'POST', body: JSON.stringify(body) });
    expect(
      (await select({ connectionId: hello.connectionId, selected: { kind: 'team', id: 'web' } })).status,
    ).toBe(204);
    const selected = await ana.next(
      (e) => e.event === 'presence' && JSON.parse(e.data).present.some((p: Json) => p.selected?.id === 'web'),
    );
    const kofiRow = JSON.parse(selected.data).present.find((p: Json) => p.email === 'kofi@acme.example');
    expect(kofiRow.selected).toEqual({ kind: 'team', id: 'web' });
    // Someone else's connection, or a viewer of a scenario they cannot see: refused.
    expect((await select({ connectionId: hello.connectionId, selected: null }, 'ana')).status).toBe(404);
    expect((await select({ connectionId: hello.connectionId, selected: null }, 'outsider')).status).toBe(404);
    expect(
      (await select({ connectionId: hello.connectionId, selected: { kind: 'x', id: 'y' } })).status,
    ).toBe(422);
    await kofi.close();
    const alone = await ana.next((e) => e.event === 'presence' && JSON.parse(e.data).present.length === 1);
    expect(JSON.parse(alone.data).present[0].email).toBe('ana@acme.example');
    await ana.close();
  });

  it('lets a viewer who sees the scenario be present and select', async () => {
    const viewer = new SseReader(await request('viewer', '/api/scenarios/shared/events'));
    readers.push(viewer);
    const { connectionId } = JSON.parse((await viewer.nextNamed('hello')).data);
    const res = await request('viewer', '/api/scenarios/shared/presence', {
      method: 'POST',
      body: JSON.stringify({ connectionId, selected: { kind: 'person', id: 'e1' } }),
    });
    expect(res.status).toBe(204);
    await viewer.close();
  });
});

describe.each(ENGINES)('live feed heartbeats, on %s', (engine) => {
  let t: Opened;
  beforeAll(async () => {
    t = await openTestApp(engine, { liveTimings: { heartbeatMs: 150, retryMs: 1000 } });
    const post = (path: string, body: unknown) =>
      t.app.request(path, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json' },
      });
    expect((await post('/api/orgs', smallOrg('acme'))).status).toBe(201);
    expect((await post('/api/orgs/acme/scenarios', { id: 's', name: 'S' })).status).toBe(201);
  }, 90_000);
  afterAll(() => t?.close(), 60_000);

  it('writes a comment line every heartbeat and keeps the presence row fresh', async () => {
    const reader = new SseReader(await t.app.request('/api/scenarios/s/events'));
    const hello = JSON.parse((await reader.nextNamed('hello')).data);
    expect(hello.heartbeatMs).toBe(150);
    await reader.nextNamed('ready');
    const seen = async () =>
      (await t.store.live.presence('s'))
        .find((p) => p.connectionId === hello.connectionId)
        ?.seenAt.getTime() ?? 0;
    const first = await seen();
    await new Promise((r) => setTimeout(r, 700));
    expect(reader.comments).toBeGreaterThanOrEqual(2);
    expect(await seen()).toBeGreaterThan(first);
    await reader.close();
  });
});
