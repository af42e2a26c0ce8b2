import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPublicApiPath } from './auth/middleware';
import type { OpenApiDocument } from './openapi';
import { Contract, ContractError } from './testing/contract';
import { ENGINES, openTestApp } from './testing/engines';
import { type Json, readJson } from './testing/http';
import { smallOrg } from './testing/orgs';

const API_DIR = join(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = join(API_DIR, '..', '..');
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

type App = Awaited<ReturnType<typeof openTestApp>>['app'];

/** Every operation of the document, with its path and method. */
function operationsOf(doc: OpenApiDocument) {
  return Object.entries<OpenApiDocument>(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] as OpenApiDocument })),
  );
}

/** A request path for a path template, with these ids. */
function fill(path: string, ids: Record<string, string>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? 'x');
}

describe('the served OpenAPI document', () => {
  let doc: OpenApiDocument;
  let close: () => Promise<void>;
  beforeAll(async () => {
    const opened = await openTestApp('pglite');
    close = opened.close;
    doc = (await (await opened.anonymous.request('/api/openapi.json')).json()) as OpenApiDocument;
  });
  afterAll(() => close?.());

  it('names, tags and secures every operation, and lists the problems each can answer', () => {
    const ops = operationsOf(doc);
    expect(ops.length).toBeGreaterThanOrEqual(34);
    const ids = ops.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    expect(doc.servers.length).toBeGreaterThan(0);
    expect(doc.info.license.name).toBeTruthy();
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearerAuth', 'sessionCookie']);
    expect(doc.components.securitySchemes.sessionCookie).toMatchObject({
      in: 'cookie',
      name: 'reorg.session_token',
    });
    for (const { path, method, op } of ops) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(op.operationId, where).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op.tags?.length, where).toBeGreaterThan(0);
      const statuses = Object.keys(op.responses);
      if (isPublicApiPath(fill(path, {}))) expect(op.security, where).toEqual([]);
      else {
        expect(op.security, where).toBeUndefined();
        expect(statuses, where).toContain('401');
      }
      if (op.requestBody)
        expect(statuses, where).toEqual(expect.arrayContaining(['400', '413', '415', '422']));
      if (path.includes('{')) expect(statuses, where).toEqual(expect.arrayContaining(['404', '422']));
    }
    // One example by hand: the simulation's answer is one object, not an allOf of a closed schema.
    expect(doc.components.schemas.SimulationAnswer.allOf).toBeUndefined();
    expect(doc.components.schemas.SimulationAnswer.required).toEqual(
      expect.arrayContaining(['plan', 'target']),
    );
    expect(Object.keys(doc.paths['/api/orgs'].post.requestBody.content).sort()).toEqual([
      'application/json',
      'multipart/form-data',
      'text/csv',
      'text/plain',
    ]);
  });

  it('states the limits the server enforces', () => {
    const param = (path: string, method: string, name: string) =>
      doc.paths[path][method].parameters.find((p: Json) => p.name === name).schema;
    expect(param('/api/scenarios/{id}/revisions/{revision}', 'get', 'revision')).toMatchObject({
      type: 'integer',
      minimum: 1,
      maximum: 2147483647,
    });
    const restore =
      doc.paths['/api/scenarios/{id}/restore'].post.requestBody.content['application/json'].schema;
    expect(restore.properties.revision).toMatchObject({ minimum: 1, maximum: 2147483647 });
    const simulate = doc.components.schemas.SimulateRequest;
    expect(simulate.allOf[0].oneOf).toEqual([{ required: ['plan'] }, { required: ['planId'] }]);
    expect(simulate.dependentRequired).toEqual({ revision: ['scenarioId'] });
    const ids = new RegExp(param('/api/compare', 'get', 'ids').pattern, 'u');
    expect(ids.test(Array.from({ length: 12 }, (_, i) => `s${i}`).join(','))).toBe(true);
    expect(ids.test(Array.from({ length: 13 }, (_, i) => `s${i}`).join(','))).toBe(false);
    const id = new RegExp(param('/api/orgs/{id}', 'get', 'id').pattern, 'u');
    expect([id.test('acme'), id.test('a,b'), id.test('a\nb')]).toEqual([true, false, false]);
    expect(param('/api/orgs', 'post', 'mapping')).toMatchObject({
      contentMediaType: 'application/json',
      contentSchema: { type: 'object' },
    });
    expect(param('/api/orgs/{id}/analysis', 'get', 'asOf')).toMatchObject({ format: 'date' });
  });

  it('keeps input and output forms apart: a request-only component has no default, an answer has them all', () => {
    const plan = doc.components.schemas.HeadcountPlanInput;
    expect(plan.required ?? []).not.toContain('quarters');
    expect(JSON.stringify(plan)).not.toContain('"default"');
    expect(doc.components.schemas.HeadcountPlan.required).toEqual(
      expect.arrayContaining(['quarters', 'backfill']),
    );
    expect(doc.components.schemas.Org.required).toEqual(expect.arrayContaining(['policy', 'teams']));
    expect(doc.components.schemas.OrgInput.required ?? []).not.toContain('policy');
    expect(JSON.stringify(doc.components.schemas.SimulateRequest)).not.toContain('"default"');
  });

  it("passes Redocly's recommended ruleset with no errors (offline)", () => {
    const dir = mkdtempSync(join(tmpdir(), 'reorg-openapi-'));
    try {
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(doc, null, 2));
      const cli = join(ROOT, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
      const run = spawnSync(
        process.execPath,
        [cli, 'lint', 'openapi.json', '--extends=recommended', '--format=json'],
        {
          cwd: dir,
          encoding: 'utf8',
          env: {
            ...process.env,
            REDOCLY_TELEMETRY: 'off',
            REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true',
            CI: 'true',
          },
          timeout: 120_000,
        },
      );
      const report = JSON.parse(run.stdout.slice(run.stdout.indexOf('{'))) as {
        totals: { errors: number; warnings: number };
        problems: { ruleId: string; severity: string; message: string }[];
      };
      const errors = report.problems
        .filter((p) => p.severity === 'error')
        .map((p) => `${p.ruleId}: ${p.message}`);
      expect(errors).toEqual([]);
      expect(report.totals.errors).toBe(0);
      expect(report.problems.map((p) => p.ruleId)).not.toContain('operation-operationId');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives an openapi-typescript client (default options) that type-checks against a use of every operation', async () => {
    const out = join(API_DIR, 'openapi-client', 'generated');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'openapi.d.ts'), astToString(await openapiTS(doc as never)));
    const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
    const run = spawnSync(process.execPath, [tsc, '-p', join(API_DIR, 'openapi-client')], {
      encoding: 'utf8',
      timeout: 180_000,
    });
    expect(run.stdout + run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('fails a response the document does not describe (the checker can fail)', async () => {
    const broken = structuredClone(doc);
    // The bug this issue fixed: an allOf of a closed result and { target } refuses every answer.
    const result = structuredClone(doc.components.schemas.SimulationAnswer);
    delete result.properties.target;
    result.required = result.required.filter((k: string) => k !== 'target');
    broken.components.schemas.SimulationResult = result;
    broken.components.schemas.SimulationAnswer = {
      allOf: [
        { $ref: '#/components/schemas/SimulationResult' },
        { type: 'object', properties: { target: {} }, required: ['target'] },
      ],
    };
    const contract = new Contract(broken);
    const opened = await openTestApp('pglite');
    try {
      await opened.app.request('/api/orgs', {
        method: 'POST',
        body: JSON.stringify(smallOrg('acme')),
        headers: { 'content-type': 'application/json' },
      });
      const res = await opened.app.request('/api/simulations', {
        method: 'POST',
        body: JSON.stringify({
          orgId: 'acme',
          runs: 5,
          plan: { name: 'None', attrition: { annualRate: 0 } },
        }),
        headers: { 'content-type': 'application/json' },
      });
      expect(res.status).toBe(200);
      await expect(new Contract(doc).check('POST', '/api/simulations', res)).resolves.toBeUndefined();
      await expect(contract.check('POST', '/api/simulations', res)).rejects.toThrow(ContractError);
      // A status the operation does not document, and a 404 where the document has the method.
      const undocumented = new Response('{}', {
        status: 418,
        headers: { 'content-type': 'application/json' },
      });
      await expect(contract.check('GET', '/api/orgs', undocumented)).rejects.toThrow(/not 418/);
      const wrongAllow = new Response(JSON.stringify({ type: 'x', title: 'x', status: 405 }), {
        status: 405,
        headers: { 'content-type': 'application/problem+json', allow: 'GET' },
      });
      await expect(contract.check('DELETE', '/api/orgs', wrongAllow)).rejects.toThrow(/Allow/);
    } finally {
      await opened.close();
    }
  });
});

describe.each(ENGINES)('the reproducers of the contract issue, on %s', (engine) => {
  let app: App;
  let close: () => Promise<void>;
  let doc: OpenApiDocument;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    app.request(path, {
      method: 'POST',
      body: typeof body === 'string' ? body : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  beforeAll(async () => {
    ({ app, close } = await openTestApp(engine));
    doc = (await (await app.request('/api/openapi.json')).json()) as OpenApiDocument;
    expect((await post('/api/orgs', smallOrg('startup'))).status).toBe(201);
    expect((await post('/api/orgs/startup/scenarios', { id: 's1', name: 'One' })).status).toBe(201);
    expect((await post('/api/orgs/startup/scenarios', { id: 's2', name: 'Two' })).status).toBe(201);
    const plan = { name: 'Flat', attrition: { annualRate: 0 } };
    expect((await post('/api/scenarios/s1/plans', { id: 'p1', plan })).status).toBe(201);
  });
  afterAll(() => close?.());

  it('refuses days a month does not have: 422 for 2026-02-30 and 2026-02-31, 200 for 2026-02-28', async () => {
    expect((await app.request('/api/orgs/startup/analysis?asOf=2026-02-31')).status).toBe(422);
    expect((await app.request('/api/scenarios/s1/analysis?asOf=2026-02-30')).status).toBe(422);
    expect((await app.request('/api/orgs/startup/analysis?asOf=2026-02-28')).status).toBe(200);
    const csv = await app.request('/api/orgs?format=hris&asOf=2026-02-30', {
      method: 'POST',
      body: 'id,name,manager_id\nada,Ada,\n',
      headers: { 'content-type': 'text/csv' },
    });
    expect(csv.status).toBe(422);
    expect((await post('/api/orgs', { ...smallOrg('feb'), asOf: '2026-02-30' })).status).toBe(422);
  });

  it('compares If-Match strongly: W/"1" and a bare 1 are 412, "1" is saved', async () => {
    const ops = { ops: [{ type: 'changeManager', personId: 'e4', managerId: 'grace' }] };
    for (const tag of ['W/"1"', '1']) {
      const res = await post('/api/scenarios/s2/ops', ops, { 'if-match': tag });
      expect(res.status, tag).toBe(412);
    }
    expect((await post('/api/scenarios/s2/ops', ops)).status).toBe(428);
    expect((await post('/api/scenarios/s2/ops', ops, { 'if-match': '"7", "1"' })).status).toBe(201);
    // If-None-Match is weak: W/"2" names revision 2.
    const cached = await app.request('/api/scenarios/s2', { headers: { 'if-none-match': 'W/"2"' } });
    expect(cached.status).toBe(304);
  });

  it('answers 405 with Allow for a method a path does not support', async () => {
    const res = await app.request('/api/orgs/startup', { method: 'DELETE' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect((await readJson(res)).type).toBe('urn:reorg:problem:method-not-allowed');
  });

  it('answers a simulation 200 that validates against its schema', async () => {
    const res = await post('/api/simulations', { scenarioId: 's1', planId: 'p1', runs: 10 });
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.target).toEqual({ orgId: 'startup', scenarioId: 's1', revision: 1, planId: 'p1' });
  });

  it('answers every write a documented 400 for malformed JSON and 415 for another media type', async () => {
    const ids = { id: 's1' };
    const writes = operationsOf(doc).filter((o) => o.op.requestBody);
    expect(writes.length).toBeGreaterThanOrEqual(10);
    for (const { path, method } of writes) {
      const url = fill(path.startsWith('/api/orgs/{id}') ? path.replace('{id}', 'startup') : path, ids);
      const init = { method: method.toUpperCase(), headers: { 'if-match': '"1"' } };
      const malformed = await app.request(url, {
        ...init,
        body: '{"broken',
        headers: { ...init.headers, 'content-type': 'application/json' },
      });
      expect(malformed.status, `${method} ${url}`).toBe(400);
      const xml = await app.request(url, {
        ...init,
        body: '<org/>',
        headers: { ...init.headers, 'content-type': 'application/xml' },
      });
      expect(xml.status, `${method} ${url}`).toBe(415);
    }
  });

  it('refuses ids with commas, so that every id can be compared', async () => {
    const scenario = await post('/api/orgs/startup/scenarios', { id: 'a,b', name: 'Comma' });
    expect(scenario.status).toBe(422);
    const org = await post('/api/orgs', smallOrg('x,y'));
    expect(org.status).toBe(422);
    expect((await readJson(org)).errors).toEqual([expect.objectContaining({ in: 'body', path: 'id' })]);
    const compared = await app.request('/api/compare?ids=s1,s2');
    expect(compared.status).toBe(200);
  });
});
