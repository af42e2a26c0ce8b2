import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppOptions, createApp } from './app';
import { Identity } from './auth/identity';
import type { Store } from './db/store';
import { createJsonLogger } from './log';
import { validatingApp } from './testing/contract';
import { ENGINES, openTestStore, signedIn, TEST_ADMIN } from './testing/engines';
import { type Json, readJson } from './testing/http';
import { smallOrg } from './testing/orgs';
import { PLACEHOLDER_HTML } from './web';

const PROBLEM_KEYS = ['type', 'title', 'status', 'detail', 'instance', 'requestId'];

describe.each(ENGINES)('the app on %s', (engine) => {
  let store: Store;
  let close: () => Promise<void>;
  let webDir: string;
  let identity: Identity;
  let token: string;
  /** The app, its requests signed in as an admin (the tests here are not about sign-in). */
  const appOf = (options: AppOptions) => signedIn(validatingApp(createApp({ identity, ...options })), token);
  beforeAll(async () => {
    ({ store, close } = await openTestStore(engine));
    identity = new Identity(store.drizzle, { publicUrl: 'http://localhost' });
    await identity.addUser({ email: TEST_ADMIN, role: 'admin' }, { actor: 'system' });
    token = (await identity.createToken(TEST_ADMIN, 'tests', { actor: 'system' }))?.token as string;
    webDir = mkdtempSync(join(tmpdir(), 'reorg-web-'));
    mkdirSync(join(webDir, 'assets'));
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>reorg web</title>');
    writeFileSync(join(webDir, 'assets', 'app-1234.js'), 'console.log(1)');
  }, 60_000);
  afterAll(async () => {
    rmSync(webDir, { recursive: true, force: true });
    await close?.();
  }, 60_000);

  const plainApp = () => appOf({ store, webDir: false });

  it('answers health with the engine', async () => {
    const res = await plainApp().request('/api/health');
    expect(res.status).toBe(200);
    expect(await readJson(res)).toEqual({ status: 'ok', database: engine });
  });

  it('answers health 503 with a problem when the database does not answer', async () => {
    const down = Object.create(store) as Store;
    down.ping = async () => {
      throw new Error('connection refused');
    };
    const res = await appOf({ store: down, webDir: false }).request('/api/health');
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
  });

  it('answers 405 with Allow for a method a path does not support, 404 for a path nothing answers', async () => {
    const app = plainApp();
    const res = await app.request('/api/orgs/startup', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect((await readJson(res)).type).toBe('urn:reorg:problem:method-not-allowed');
    const ops = await app.request('/api/scenarios/x/ops', { method: 'GET' });
    expect([ops.status, ops.headers.get('allow')]).toEqual([405, 'POST']);
    const orgs = await app.request('/api/orgs', { method: 'PUT' });
    expect([orgs.status, orgs.headers.get('allow')]).toEqual([405, 'GET, HEAD, POST']);
    expect((await app.request('/api/nothing-here', { method: 'DELETE' })).status).toBe(404);
    // A trailing slash is no route's path: 404, never a 405 whose Allow names the method asked.
    expect((await app.request('/api/orgs/', { method: 'GET' })).status).toBe(404);
  });

  it('answers every error as application/problem+json with type, title, status, detail, instance, requestId', async () => {
    const app = plainApp();
    const cases: [string, RequestInit, number][] = [
      ['/api/nothing-here', {}, 404],
      ['/api/orgs/ghost', {}, 404],
      ['/api/orgs', { method: 'POST', body: '{', headers: { 'content-type': 'application/json' } }, 400],
      ['/api/orgs', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }, 422],
      [
        '/api/scenarios/x/ops',
        { method: 'POST', body: '{"ops":[]}', headers: { 'content-type': 'text/plain' } },
        415,
      ],
      [
        '/api/simulations',
        { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } },
        422,
      ],
    ];
    for (const [path, init, status] of cases) {
      const res = await app.request(path, init);
      expect(res.status, path).toBe(status);
      expect(res.headers.get('content-type'), path).toBe('application/problem+json');
      const problem = await readJson(res);
      for (const key of PROBLEM_KEYS) expect(problem, `${path} ${key}`).toHaveProperty(key);
      expect(problem.status).toBe(status);
      expect(problem.instance).toBe(path);
      expect(problem.requestId).toBe(res.headers.get('x-request-id'));
      expect(JSON.stringify(problem)).not.toMatch(/at .*\.ts:\d+/);
    }
  });

  it('lists each validation issue with where and what', async () => {
    const res = await plainApp().request('/api/orgs', {
      method: 'POST',
      body: JSON.stringify({ id: '', name: 1, asOf: '2025-01-01' }),
      headers: { 'content-type': 'application/json' },
    });
    const problem = await readJson(res);
    expect(problem.type).toBe('urn:reorg:problem:validation');
    expect(problem.errors).toEqual([
      { in: 'body', path: 'id', message: expect.any(String) },
      { in: 'body', path: 'name', message: expect.any(String) },
    ]);
  });

  it('hides unexpected failures: 500 problem without details, logged with the request id', async () => {
    const lines: string[] = [];
    const broken = Object.create(store) as Store;
    broken.listOrgs = async () => {
      throw new Error('disk on fire at /secret/path');
    };
    const app = appOf({ store: broken, webDir: false, logger: createJsonLogger((l) => lines.push(l)) });
    const res = await app.request('/api/orgs');
    expect(res.status).toBe(500);
    const problem = await readJson(res);
    expect(problem).toMatchObject({ status: 500, type: 'urn:reorg:problem:internal' });
    expect(JSON.stringify(problem)).not.toContain('fire');
    const logged = lines.map((l) => JSON.parse(l)).find((e: Json) => e.level === 'error');
    expect(logged).toMatchObject({
      msg: 'unhandled error',
      requestId: problem.requestId,
      message: 'disk on fire at /secret/path',
    });
  });

  it('sends security headers with an explicit Content-Security-Policy, and request ids', async () => {
    const res = await plainApp().request('/api/health', { headers: { 'x-request-id': 'trace-42' } });
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-request-id')).toBe('trace-42');
    const generated = await plainApp().request('/api/health');
    expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs one structured line per request, never compensation', async () => {
    const lines: string[] = [];
    const app = appOf({ store, webDir: false, logger: createJsonLogger((l) => lines.push(l)) });
    const org = smallOrg('logged');
    const res = await app.request('/api/orgs', {
      method: 'POST',
      body: JSON.stringify(org),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(201);
    await app.request('/api/orgs/logged');
    await app.request('/api/orgs/logged/analysis');
    await app.request('/api/orgs', {
      method: 'POST',
      body: JSON.stringify(org),
      headers: { 'content-type': 'application/json' },
    });
    expect(lines).toHaveLength(4);
    const events = lines.map((l) => JSON.parse(l));
    expect(events[0]).toMatchObject({
      level: 'info',
      msg: 'request',
      method: 'POST',
      path: '/api/orgs',
      status: 201,
    });
    expect(typeof events[0].ms).toBe('number');
    const all = lines.join('');
    for (const p of org.people!) expect(all).not.toContain(String(p.cost));
  });

  it('serves the OpenAPI document of every route, generated from the schemas', async () => {
    const res = await plainApp().request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = await readJson(res);
    expect(doc.openapi).toBe('3.1.0');
    const routes = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(routes.sort()).toEqual(
      [
        'GET /api/health',
        'POST /api/orgs',
        'GET /api/orgs',
        'GET /api/orgs/{id}',
        'GET /api/orgs/{id}/analysis',
        'POST /api/orgs/{id}/scenarios',
        'GET /api/orgs/{id}/scenarios',
        'GET /api/scenarios',
        'GET /api/scenarios/{id}',
        'POST /api/scenarios/{id}/ops',
        'POST /api/scenarios/{id}/restore',
        'GET /api/scenarios/{id}/revisions',
        'GET /api/scenarios/{id}/revisions/{revision}',
        'GET /api/scenarios/{id}/analysis',
        'GET /api/compare',
        'POST /api/scenarios/{id}/plans',
        'GET /api/scenarios/{id}/plans',
        'GET /api/orgs/{id}/plans',
        'GET /api/plans/{id}',
        'PUT /api/plans/{id}',
        'DELETE /api/plans/{id}',
        'POST /api/plans/{id}/duplicate',
        'GET /api/plans/{id}/revisions',
        'POST /api/simulations',
        'GET /api/simulations/pool',
        'POST /api/scenarios/{id}/share',
        'GET /api/scenarios/{id}/events',
        'GET /api/orgs/{id}/events',
        'POST /api/scenarios/{id}/presence',
        'GET /api/me',
        'GET /api/users',
        'POST /api/users',
        'PUT /api/users/{id}/roles',
        'POST /api/users/{id}/reset-link',
        'POST /api/users/{id}/sign-in-link',
        'GET /api/tokens',
        'POST /api/tokens',
        'DELETE /api/tokens/{id}',
        'GET /api/audit',
        'GET /api/openapi.json',
        'GET /api/sign-in-options',
        // Issue 14, items 3–5: comments, approval, adoption.
        'GET /api/scenarios/{id}/comments',
        'POST /api/scenarios/{id}/comments',
        'POST /api/scenarios/{id}/comments/{commentId}/resolve',
        'POST /api/scenarios/{id}/comments/{commentId}/reopen',
        'GET /api/scenarios/{id}/review',
        'POST /api/scenarios/{id}/review/submit',
        'POST /api/scenarios/{id}/review/approve',
        'POST /api/scenarios/{id}/review/request-changes',
        'POST /api/scenarios/{id}/adopt',
        'GET /api/scenarios/{id}/change-list',
        'GET /api/scenarios/{id}/rebase',
        'POST /api/scenarios/{id}/rebase',
      ].sort(),
    );
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['Org', 'Op', 'AnalysisReport', 'Problem', 'Scenario', 'Revision']),
    );
    const ops = doc.paths['/api/scenarios/{id}/ops'].post;
    expect(Object.keys(ops.responses).sort()).toEqual([
      '201',
      '400',
      '401',
      '403',
      '404',
      '412',
      '413',
      '415',
      '422',
      '428',
      '500',
    ]);
    expect(ops.responses['412'].content['application/problem+json']).toBeDefined();
    expect(ops.parameters.map((p: Json) => p.name)).toEqual(expect.arrayContaining(['id', 'if-match']));
    expect(ops.parameters.map((p: Json) => p.name)).not.toContain('x-reorg-author');
  });

  it('serves a placeholder page when the web app is not built, never for /api/*', async () => {
    const app = appOf({ store, webDir: join(webDir, 'missing') });
    for (const path of ['/', '/orgs/acme', '/deep/link?x=1']) {
      const res = await app.request(path);
      expect(res.status, path).toBe(200);
      expect(await res.text()).toBe(PLACEHOLDER_HTML);
    }
    const api = await app.request('/api/unknown');
    expect(api.status).toBe(404);
    expect(api.headers.get('content-type')).toBe('application/problem+json');
    expect((await app.request('/api')).status).toBe(404);
  });

  it('serves the built web app: files, then index.html for other paths (SPA), never for /api/*', async () => {
    const app = appOf({ store, webDir });
    const asset = await app.request('/assets/app-1234.js');
    expect(asset.status).toBe(200);
    expect(await asset.text()).toBe('console.log(1)');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    for (const path of ['/', '/scenarios/plan-a/compare']) {
      const res = await app.request(path);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('reorg web');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
    expect((await app.request('/api/scenarios/ghost')).status).toBe(404);
    expect((await app.request('/api/not-a-route')).headers.get('content-type')).toBe(
      'application/problem+json',
    );
    expect((await app.request('/', { method: 'POST' })).status).toBe(404);
  });
});
