import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { AnalysisReportSchema } from '@reorg/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itWithData, thirdPartyPath } from '../../../../fixtures/third-party-tests';
import { ENGINES, openTestApp } from '../testing/engines';
import { readJson } from '../testing/http';
import { smallOrg } from '../testing/orgs';

type App = Awaited<ReturnType<typeof openTestApp>>['app'];

const DH_SENIOR = '011013-DH---Organogram-senior.csv';
const DH_JUNIOR = '011013-DH---Organogram-junior.csv';
const uk = (name: string) => thirdPartyPath(`uk_organograms/${name}`);
const API_DIR = fileURLToPath(new URL('../../', import.meta.url));

const HRIS_CSV = [
  'Employee ID,Name,Job Title,Manager ID,Level,Team,Annual Cost',
  'p1,Pat,CTO,,M7,,250000',
  'p2,Sam,Engineering Manager,p1,M5,Core,150000',
  'p3,Kim,Engineer,p2,L4,Core,120000',
].join('\n');

function postJson(app: App, path: string, body: unknown, headers: Record<string, string> = {}) {
  return app.request(path, {
    method: 'POST',
    body: typeof body === 'string' ? body : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
}

describe.each(ENGINES)('orgs on %s', (engine) => {
  let app: App;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ app, close } = await openTestApp(engine));
  }, 60_000);
  afterAll(() => close?.(), 60_000);

  const orgIds = async () =>
    ((await readJson(await app.request('/api/orgs'))) as { orgs: { id: string }[] }).orgs.map((o) => o.id);

  it('imports a JSON org: 201 with Location, summary and no warnings', async () => {
    const res = await postJson(app, '/api/orgs', smallOrg('acme'));
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe('/api/orgs/acme');
    const body = await readJson(res);
    expect(body).toMatchObject({
      id: 'acme',
      name: 'Acme',
      source: 'json',
      summary: { people: 7, aggregates: 0, teams: 2, asOf: '2025-01-01' },
      warnings: [],
    });
    expect(Date.parse(body.createdAt)).not.toBeNaN();
  });

  it('refuses a second org with the same id: 409, the baseline unchanged', async () => {
    const changed = { ...smallOrg('acme'), name: 'Renamed' };
    const res = await postJson(app, '/api/orgs', changed);
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    expect((await readJson(res)).errors).toEqual([{ in: 'body', path: 'id', message: 'already exists' }]);
    const org = await readJson(await app.request('/api/orgs/acme'));
    expect(org.name).toBe('Acme');
  });

  it('lists orgs and returns one with its document', async () => {
    expect(await orgIds()).toContain('acme');
    const res = await app.request('/api/orgs/acme');
    expect(res.status).toBe(200);
    const body = await readJson(res);
    expect(body.org.people).toHaveLength(7);
    expect(body.org.people[0]).toMatchObject({ id: 'ada', status: 'active', fte: 1 });
  });

  it('answers 404 for an unknown org, and 422 for an id PostgreSQL cannot store', async () => {
    const res = await app.request('/api/orgs/nope');
    expect(res.status).toBe(404);
    expect(await readJson(res)).toMatchObject({ status: 404, type: 'urn:reorg:problem:not-found' });
    expect((await app.request('/api/orgs/a%00b')).status).toBe(422);
    expect((await app.request('/api/orgs/nope/analysis')).status).toBe(404);
  });

  it('lists every validation issue of an invalid org with its path (422), and stores nothing', async () => {
    const bad = smallOrg('bad');
    bad.people![1] = { ...bad.people![1]!, fte: -1 };
    const res = await postJson(app, '/api/orgs', { ...bad, asOf: '2025-13-40', currency: 'pounds' });
    expect(res.status).toBe(422);
    const problem = await readJson(res);
    const paths = problem.errors.map((e: { path: string }) => e.path).sort();
    expect(paths).toEqual(['asOf', 'currency', 'people.1.fte']);
    expect(problem.errors.every((e: { in: string }) => e.in === 'body')).toBe(true);
    expect(await orgIds()).not.toContain('bad');
  });

  it('answers 400 for malformed JSON and 415 for a body it cannot read', async () => {
    const malformed = await postJson(app, '/api/orgs', '{"id": ');
    expect(malformed.status).toBe(400);
    expect(await readJson(malformed)).toMatchObject({ type: 'urn:reorg:problem:malformed-request' });
    const xml = await app.request('/api/orgs', {
      method: 'POST',
      body: '<org/>',
      headers: { 'content-type': 'application/xml' },
    });
    expect(xml.status).toBe(415);
  });

  it('imports a HRIS CSV with ?format=hris, dated today unless asOf is given', async () => {
    const res = await app.request('/api/orgs?format=hris&id=hris-org&name=From%20HR', {
      method: 'POST',
      body: HRIS_CSV,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(201);
    expect(await readJson(res)).toMatchObject({
      id: 'hris-org',
      name: 'From HR',
      source: 'hris',
      summary: { people: 3, asOf: '2025-01-15' },
    });
    const org = (await readJson(await app.request('/api/orgs/hris-org'))).org;
    expect(org.people.find((p: { id: string }) => p.id === 'p3')).toMatchObject({
      managerId: 'p2',
      teamId: 'core',
      cost: 120000,
    });
  });

  it('answers 422 listing row and column for a bad CSV, and stores nothing', async () => {
    const csv = `${HRIS_CSV}\np4,Lee,Engineer,p2,L3,Core,lots`;
    const res = await app.request('/api/orgs?format=hris&id=bad-csv', {
      method: 'POST',
      body: csv,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(422);
    const problem = await readJson(res);
    expect(problem.type).toBe('urn:reorg:problem:import-failed');
    expect(problem.errors[0]).toMatchObject({ in: 'file', row: 5, column: 'Annual Cost' });
    expect(await orgIds()).not.toContain('bad-csv');
  });

  it('takes a column mapping for a HRIS CSV (?mapping=JSON), and refuses a bad one with 422', async () => {
    const csv = [
      'Employee ID,Name,Reports To,New Manager,Role',
      'p1,Pat,,,CTO',
      'p2,Sam,p1,p1,EM',
      'p3,Kim,p2,p1,Engineer',
    ].join('\n');
    const post = (query: string) =>
      app.request(`/api/orgs?format=hris&asOf=2025-01-01${query}`, {
        method: 'POST',
        body: csv,
        headers: { 'content-type': 'text/csv' },
      });
    const mapping = encodeURIComponent(JSON.stringify({ manager: 'New Manager', title: '' }));
    expect((await post(`&id=mapped&mapping=${mapping}`)).status).toBe(201);
    const people = (await readJson(await app.request('/api/orgs/mapped'))).org.people as {
      id: string;
      managerId: string | null;
      title?: string;
    }[];
    const kim = people.find((p) => p.id === 'p3');
    expect(kim?.managerId).toBe('p1');
    expect(kim?.title).toBeUndefined();

    const missing = await post(`&id=mapped-2&mapping=${encodeURIComponent('{"manager":"Boss"}')}`);
    expect(missing.status).toBe(422);
    expect((await readJson(missing)).errors).toEqual([
      {
        in: 'file',
        message: 'the mapping names column "Boss" for manager, but the file has no such column',
      },
    ]);
    for (const bad of ['{not json', '{"boss":"Reports To"}', '{"manager":3}']) {
      const res = await post(`&id=mapped-3&mapping=${encodeURIComponent(bad)}`);
      expect(res.status).toBe(422);
      const paths = (await readJson(res)).errors.map(
        (e: { in: string; path: string }) => `${e.in}:${e.path}`,
      );
      expect(paths[0]).toMatch(/^query:mapping/);
    }
    expect(await orgIds()).not.toContain('mapped-2');
    expect(await orgIds()).not.toContain('mapped-3');
  });

  it('validates the query: unknown format and bad asOf are 422 with their path', async () => {
    const res = await app.request('/api/orgs?format=xlsx&asOf=yesterday', {
      method: 'POST',
      body: HRIS_CSV,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(422);
    const paths = (await readJson(res)).errors.map((e: { in: string; path: string }) => `${e.in}:${e.path}`);
    expect([...new Set(paths)].sort()).toEqual(['query:asOf', 'query:format']);
  });

  it('refuses bodies over 50 MB with 413, and stores nothing', async () => {
    const huge = `Employee ID,Name\n${'x'.repeat(50 * 1024 * 1024)}`;
    const res = await app.request('/api/orgs?format=hris&id=huge', {
      method: 'POST',
      body: huge,
      headers: { 'content-type': 'text/csv' },
    });
    expect(res.status).toBe(413);
    expect(await readJson(res)).toMatchObject({ status: 413, type: 'urn:reorg:problem:payload-too-large' });
    expect(await orgIds()).not.toContain('huge');
  });

  it('analyses an org, and validates asOf', async () => {
    const res = await app.request('/api/orgs/acme/analysis');
    expect(res.status).toBe(200);
    const report = AnalysisReportSchema.parse(await readJson(res));
    expect(report.summary).toMatchObject({ people: 7, managers: 3, maxLayer: 3 });
    const ada = report.managers.find((m) => m.id === 'ada');
    expect(ada).toMatchObject({ directReports: 2, role: 'manager-of-managers' });
    expect((await app.request('/api/orgs/acme/analysis?asOf=2025-02-30x')).status).toBe(422);
    const later = await readJson(await app.request('/api/orgs/acme/analysis?asOf=2030-01-01'));
    expect(later.asOf).toBe('2030-01-01');
  });

  itWithData(
    'imports the UK DH organogram pair as multipart, with the same analysis as `reorg analyze`',
    async () => {
      const form = new FormData();
      form.append('senior', new Blob([readFileSync(uk(DH_SENIOR))]), DH_SENIOR);
      form.append('junior', new Blob([readFileSync(uk(DH_JUNIOR))]), DH_JUNIOR);
      const res = await app.request('/api/orgs?format=uk-organogram&asOf=2013-10-01', {
        method: 'POST',
        body: form,
      });
      expect(res.status).toBe(201);
      const created = await readJson(res);
      expect(created).toMatchObject({
        id: 'department-of-health',
        name: 'Department of Health',
        source: 'uk-organogram',
      });
      expect(created.summary.aggregates).toBeGreaterThan(0);
      const apiReport = await readJson(await app.request(`/api/orgs/${created.id}/analysis`));

      const cli = await promisify(execFile)(
        process.execPath,
        [
          'bin/reorg.mjs',
          'analyze',
          uk(DH_SENIOR),
          uk(DH_JUNIOR),
          '--format',
          'json',
          '--as-of',
          '2013-10-01',
        ],
        { cwd: API_DIR, maxBuffer: 64 * 1024 * 1024 },
      );
      // The org's id and name are labels each surface picks; the analysis itself must be identical.
      const { orgId: _a, orgName: _b, ...fromApi } = apiReport;
      const { orgId: _c, orgName: _d, ...fromCli } = JSON.parse(cli.stdout);
      expect(fromApi).toEqual(fromCli);
      expect(apiReport.summary.people).toBeGreaterThan(10);
    },
  );

  it('keeps the importer-chosen id of a CSV readable and unique when taken; never changes a chosen one', async () => {
    const post = (query: string) =>
      app.request(`/api/orgs?format=hris${query}`, {
        method: 'POST',
        body: HRIS_CSV,
        headers: { 'content-type': 'text/csv' },
      });
    const first = await readJson(await post(''));
    const second = await readJson(await post(''));
    expect(second.id).not.toBe(first.id);
    expect(second.id.startsWith(`${first.id}-`)).toBe(true);
    expect((await post('&id=hris-org')).status).toBe(409);
  });

  it('imports a Backstage catalog with its HR file, and Team API files, as multipart ?format=auto', async () => {
    const fixture = (p: string) =>
      readFileSync(new URL(`../../../../fixtures/imports/${p}`, import.meta.url), 'utf8');
    const form = new FormData();
    form.append('file1', new Blob([fixture('backstage/org.yaml')]), 'org.yaml');
    form.append('file2', new Blob([fixture('backstage/people.csv')]), 'people.csv');
    form.append('file3', new Blob([fixture('team-api/checkout.md')]), 'checkout.md');
    const res = await app.request('/api/orgs?format=auto&asOf=2024-01-31&id=acme-catalog&name=ACME', {
      method: 'POST',
      body: form,
    });
    expect(res.status).toBe(201);
    const body = await readJson(res);
    // 4 catalog groups + the checkout team of the Team API file; 4 people from the HR file.
    expect(body).toMatchObject({ id: 'acme-catalog', source: 'auto', summary: { people: 4, teams: 5 } });
    expect(body.warnings.map((w: { message: string }) => w.message)).toEqual([
      '1 catalog user matches no one in the HR file by e-mail or name (eli): left out; 4 of 4 people took their team from the catalog',
    ]);
  });

  it('reads ?dateFormat= for dates no value of the file decides, and refuses another value', async () => {
    const post = (q: string) =>
      app.request(`/api/orgs?format=hris&asOf=2024-01-31${q}`, {
        method: 'POST',
        body: 'Employee ID,Manager ID,Hire Date\na,,09-10-2023\n',
        headers: { 'content-type': 'text/csv' },
      });
    expect((await post('&id=dated&dateFormat=DD-MM-YYYY')).status).toBe(201);
    const doc = await readJson(await app.request('/api/orgs/dated'));
    expect(doc.org.people[0].startDate).toBe('2023-10-09');
    expect((await post('&id=dated-2&dateFormat=YYYY')).status).toBe(422); // a bad query is a validation problem
  });

  it('refuses a UK organogram without its senior file (422 naming the field)', async () => {
    const form = new FormData();
    form.append('junior', new Blob(['a,b\n1,2']), 'junior.csv');
    const res = await app.request('/api/orgs?format=uk-organogram', { method: 'POST', body: form });
    expect(res.status).toBe(422);
    expect((await readJson(res)).errors).toEqual([
      { in: 'body', path: 'senior', message: 'missing the multipart field "senior"' },
    ]);
  });
});
