import { OP_TYPES } from '@reorg/model';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestApp } from './testing/engines';
import { readJson } from './testing/http';
import { smallOrg } from './testing/orgs';

type App = Awaited<ReturnType<typeof openTestApp>>['app'];

/** Junk bodies per write route. */
const RUNS = 1000;

const PEOPLE = ['ada', 'grace', 'linus', 'e1', 'e2', 'e3', 'e4'];
const TEAMS = ['core', 'web'];

/** Strings PostgreSQL cannot store: a NUL character, lone surrogates. */
const unstorable = fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfff', '\udc00\ud800');
/** Strings of any UTF-16 code units: NUL, lone surrogates, control characters, emoji. */
const anyString = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: unstorable },
);
const anyJson = fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 });
/** A value that is sometimes right and often wrong for a field. */
const idOrJunk = (ids: string[]) =>
  fc.oneof(fc.constantFrom(...ids), fc.constant(null), anyString, anyJson, fc.integer(), fc.constant(''));
const CONTENT_TYPES = [
  'application/json',
  'text/csv',
  'text/plain',
  'application/xml',
  'multipart/form-data',
  '',
];

/** Op-like objects: real op types and ids mixed with junk, plus stray fields. */
const junkOp = fc.record(
  {
    type: fc.oneof(fc.constantFrom(...OP_TYPES), anyString),
    personId: idOrJunk(PEOPLE),
    managerId: idOrJunk(PEOPLE),
    teamId: idOrJunk(TEAMS),
    teamIds: fc.array(idOrJunk(TEAMS), { maxLength: 3 }),
    into: idOrJunk(TEAMS),
    withReports: fc.oneof(fc.boolean(), anyJson),
    changes: fc.oneof(
      fc.dictionary(fc.constantFrom('name', 'title', 'cost', 'fte', 'status', 'level', 'id'), anyJson),
      anyJson,
    ),
    person: fc.oneof(fc.record({ id: anyString, managerId: idOrJunk(PEOPLE), name: anyString }), anyJson),
    team: fc.oneof(fc.record({ id: anyString, name: anyString, type: anyString }), anyJson),
  },
  { requiredKeys: ['type'] },
);

/** Well-formed ops on the test org's ids: many apply, some are refused (a cycle, a missing id). */
const plausibleOp = fc.oneof(
  fc.record({
    type: fc.constant('changeManager'),
    personId: fc.constantFrom(...PEOPLE),
    managerId: fc.constantFrom(...PEOPLE, null, 'ghost'),
  }),
  fc.record({
    type: fc.constant('assignTeam'),
    personId: fc.constantFrom(...PEOPLE),
    teamId: fc.constantFrom(...TEAMS, null),
  }),
  fc.record({
    type: fc.constant('moveTeam'),
    teamId: fc.constantFrom(...TEAMS),
    managerId: fc.constantFrom(...PEOPLE),
  }),
  fc.record({
    type: fc.constant('updatePerson'),
    personId: fc.constantFrom(...PEOPLE),
    changes: fc.record({ title: anyString }),
  }),
);

/** A body as it goes on the wire: JSON text, raw bytes, or a multipart form. */
const wireBody = (json: fc.Arbitrary<unknown>) =>
  fc.oneof(
    { weight: 6, arbitrary: json.map((v) => JSON.stringify(v) ?? 'null') },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 200 }) },
    { weight: 1, arbitrary: anyString },
    { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('senior', 'junior', 'file', 'ops'), anyString) },
  );

/** A path segment for any string; a lone surrogate becomes the invalid UTF-8 it would encode to. */
function pathSegment(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return `%ED%A0%80${encodeURIComponent(s.replace(/[\ud800-\udfff]/g, ''))}`;
  }
}

function toInit(
  body: string | Uint8Array | Record<string, string>,
  contentType: string,
  headers: Record<string, string> = {},
) {
  if (typeof body === 'object' && !(body instanceof Uint8Array)) {
    const form = new FormData();
    for (const [k, v] of Object.entries(body)) form.append(k, new Blob([v]), `${k}.csv`);
    return { method: 'POST', body: form, headers };
  }
  const h: Record<string, string> = { ...headers };
  if (contentType) h['content-type'] = contentType;
  return { method: 'POST', body, headers: h };
}

describe.each(ENGINES)('junk bodies never give a 5xx, on %s', (engine) => {
  let app: App;
  let close: () => Promise<void>;
  const statuses = new Map<number, number>();
  beforeAll(async () => {
    ({ app, close } = await openTestApp(engine));
    const res = await app.request('/api/orgs', {
      method: 'POST',
      body: JSON.stringify(smallOrg('acme')),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(201);
  }, 60_000);
  afterAll(() => close?.(), 60_000);

  async function expectNo5xx(path: string, init: RequestInit) {
    const res = await app.request(path, init);
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    if (res.status >= 500) throw new Error(`${res.status} for ${path}: ${await res.text()}`);
    expect(res.headers.get('content-type')).toMatch(/^application\/(problem\+)?json/);
    return res;
  }

  it(`POST /api/orgs: ${RUNS} junk orgs, CSVs and forms`, async () => {
    const orgLike = fc.oneof(
      anyJson,
      fc
        .record({
          people: fc.array(
            fc.dictionary(fc.constantFrom('id', 'managerId', 'fte', 'cost', 'teamId', 'name'), anyJson),
            { maxLength: 5 },
          ),
        })
        .map((o) => ({ ...smallOrg(), ...o })),
      fc
        .dictionary(
          fc.constantFrom('id', 'name', 'asOf', 'currency', 'schemaVersion', 'teams', 'ladder', 'policy'),
          anyJson,
        )
        .map((o) => ({ ...smallOrg(), ...o })),
    );
    const csv = fc
      .array(
        fc.array(fc.oneof(anyString, fc.constantFrom('Employee ID', 'Manager ID', 'Name', 'p1', '')), {
          maxLength: 6,
        }),
        { maxLength: 6 },
      )
      .map((rows) => rows.map((r) => r.join(',')).join('\n'));
    const query = fc.record(
      {
        format: fc.oneof(fc.constantFrom('json', 'hris', 'uk-organogram', 'auto'), anyString),
        asOf: fc.oneof(fc.constant('2025-01-01'), anyString),
        id: anyString,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(wireBody(orgLike), csv),
        fc.constantFrom(...CONTENT_TYPES),
        query,
        async (body, type, q) => {
          const search = new URLSearchParams(
            Object.entries(q).map(([k, v]): [string, string] => [k, String(v)]),
          );
          await expectNo5xx(`/api/orgs?${search}`, toInit(body, type));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`POST /api/orgs/:id/scenarios: ${RUNS} junk scenarios`, async () => {
    const scenarioLike = fc.oneof(
      anyJson,
      fc.record(
        {
          name: fc.oneof(anyString, anyJson),
          id: fc.oneof(anyString, anyJson),
          ops: fc.oneof(fc.array(junkOp, { maxLength: 4 }), anyJson),
        },
        { requiredKeys: [] },
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        wireBody(scenarioLike),
        fc.constantFrom('application/json', 'application/json', 'text/plain', ''),
        idOrJunk(['acme']),
        anyString,
        async (body, type, org, author) => {
          const orgId = typeof org === 'string' && org !== '' ? pathSegment(org) : 'acme';
          await expectNo5xx(
            `/api/orgs/${orgId}/scenarios`,
            toInit(body, type, { 'x-reorg-author': author.replace(/[^\x20-\x7e]/g, '') }),
          );
        },
      ),
      { numRuns: RUNS },
    );
  });

  it(`POST /api/scenarios/:id/ops: ${RUNS} junk batches, some of which save`, async () => {
    const created = await readJson(
      await app.request('/api/orgs/acme/scenarios', {
        method: 'POST',
        body: JSON.stringify({ id: 'fuzz', name: 'fuzz' }),
        headers: { 'content-type': 'application/json' },
      }),
    );
    let revision = created.revision as number;
    let saved = 0;
    const op = fc.oneof({ weight: 3, arbitrary: plausibleOp }, { weight: 1, arbitrary: junkOp });
    const batch = fc.oneof(
      { weight: 4, arbitrary: fc.record({ ops: fc.array(op, { minLength: 1, maxLength: 3 }) }) },
      { weight: 1, arbitrary: anyJson },
    );
    const ifMatch = fc.oneof(
      { weight: 8, arbitrary: fc.constant('current') },
      { weight: 1, arbitrary: anyString },
      { weight: 1, arbitrary: fc.constant('') },
    );
    await fc.assert(
      fc.asyncProperty(
        wireBody(batch),
        fc.constantFrom('application/json', 'application/json', 'text/csv'),
        ifMatch,
        async (body, type, tag) => {
          const header = tag === 'current' ? `"${revision}"` : tag.replace(/[^\x20-\x7e]/g, '');
          const res = await expectNo5xx(
            '/api/scenarios/fuzz/ops',
            toInit(body, type, header ? { 'if-match': header } : {}),
          );
          if (res.status === 201) {
            revision = (await readJson(res)).revision;
            saved++;
          }
        },
      ),
      { numRuns: RUNS },
    );
    expect(saved).toBeGreaterThan(0);
    const scenario = await readJson(await app.request('/api/scenarios/fuzz'));
    expect(scenario.revision).toBe(revision);
  });

  it(`POST /api/scenarios/:id/restore: ${RUNS} junk restores`, async () => {
    let revision = (await readJson(await app.request('/api/scenarios/fuzz'))).revision as number;
    const body = fc.oneof(
      fc.record({ revision: fc.oneof(fc.integer({ min: -2, max: revision + 2 }), fc.double(), anyJson) }),
      anyJson,
    );
    await fc.assert(
      fc.asyncProperty(wireBody(body), fc.boolean(), async (b, current) => {
        const res = await expectNo5xx(
          '/api/scenarios/fuzz/restore',
          toInit(b, 'application/json', { 'if-match': current ? `"${revision}"` : '"0"' }),
        );
        if (res.status === 201) revision = (await readJson(res)).revision;
      }),
      { numRuns: RUNS },
    );
    expect([...statuses.keys()].every((s) => s < 500)).toBe(true);
  });
});
