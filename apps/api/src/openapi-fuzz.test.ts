import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpenApiDocument } from './openapi';
import { CONTRACT_COUNTS } from './testing/contract';
import { ENGINES, openTestApp, signedIn } from './testing/engines';
import { smallOrg } from './testing/orgs';

/**
 * A bounded property-based fuzz of every operation of the served OpenAPI document: requests made
 * from the document's own schemas (fast-check arbitraries built from them, mostly close to valid,
 * some junk), as an admin, a viewer of one org and anonymously. Every answer must be below 500
 * and match the document (the test app checks each response, see `testing/contract.ts`). Runs per
 * operation: `REORG_FUZZ_RUNS` (default 40); the seed: `REORG_FUZZ_SEED` (default 18).
 */
const RUNS = Number(process.env.REORG_FUZZ_RUNS ?? 40);
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;
const MAX_DEPTH = 5;

type Schema = OpenApiDocument;
type Arb = fc.Arbitrary<unknown>;

/** fast-check arbitraries of the JSON Schemas of one document (its `$ref`s resolved). */
class Arbitraries {
  readonly #doc: OpenApiDocument;
  constructor(doc: OpenApiDocument) {
    this.#doc = doc;
  }

  resolve(schema: Schema): Schema {
    let s = schema;
    while (s?.$ref) s = this.#doc.components.schemas[s.$ref.replace('#/components/schemas/', '')];
    return s;
  }

  /** Values of `schema`: mostly valid ones, bounded in size and depth. */
  of(raw: Schema | undefined, depth = 0): Arb {
    const schema = raw ? this.resolve(raw) : undefined;
    if (!schema || depth > MAX_DEPTH) return fc.constantFrom(null, 0, '', 'x');
    if ('const' in schema) return fc.constant(schema.const);
    if (Array.isArray(schema.enum)) return fc.constantFrom(...schema.enum);
    const alternatives = schema.oneOf ?? schema.anyOf;
    if (alternatives) {
      const { oneOf: _o, anyOf: _a, ...base } = schema;
      return fc.oneof(
        ...alternatives.map((s: Schema) => this.of({ ...base, ...this.resolve(s) }, depth + 1)),
      );
    }
    const type = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : undefined;
    if (type && type.length > 1)
      return fc.oneof(...type.map((t: string) => this.of({ ...schema, type: t }, depth)));
    switch (type?.[0] ?? (schema.properties ? 'object' : undefined)) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return this.#integer(schema);
      case 'number':
        return fc.oneof(
          this.#integer(schema),
          fc.double({
            min: schema.minimum ?? -1e6,
            max: schema.maximum ?? 1e6,
            noNaN: true,
            noDefaultInfinity: true,
          }),
        );
      case 'string':
        return this.#string(schema);
      case 'array': {
        const maxLength = Math.min(schema.maxItems ?? 3, 3);
        const minLength = Math.min(schema.minItems ?? 0, maxLength);
        return fc.array(this.of(schema.items, depth + 1), { minLength, maxLength });
      }
      case 'object':
        return this.#object(schema, depth);
      default:
        return fc.jsonValue({ maxDepth: 2 });
    }
  }

  #integer(schema: Schema): Arb {
    const min =
      schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
    const max = Math.min(schema.maximum ?? min + 100_000, Number.MAX_SAFE_INTEGER);
    return fc.oneof(
      fc.constantFrom(min, max),
      fc.integer({ min, max: Math.min(max, min + 20) }),
      fc.integer({ min, max }),
    );
  }

  #string(schema: Schema): Arb {
    if (schema.format === 'date') {
      return fc.oneof(
        fc
          .date({ min: new Date('2000-01-01'), max: new Date('2040-12-31'), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
        fc.constantFrom('2026-02-30', '2025-13-01', '2025-1-1'),
      );
    }
    const maxLength = Math.min(schema.maxLength ?? 24, 24);
    const minLength = Math.min(schema.minLength ?? 0, maxLength);
    if (schema.pattern) {
      try {
        const pattern = fc
          .stringMatching(new RegExp(schema.pattern, 'u'))
          .filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? 200));
        return fc.oneof(
          { arbitrary: pattern, weight: 4 },
          { arbitrary: fc.string({ maxLength }), weight: 1 },
        );
      } catch {
        // A pattern fast-check cannot generate from: plain strings.
      }
    }
    return fc.oneof(
      { arbitrary: fc.string({ minLength, maxLength }), weight: 4 },
      { arbitrary: fc.string({ unit: 'grapheme', minLength, maxLength }), weight: 1 },
    );
  }

  #object(schema: Schema, depth: number): Arb {
    const properties: Record<string, Schema> = schema.properties ?? {};
    const keys = Object.keys(properties);
    if (keys.length === 0) {
      const extra = schema.additionalProperties;
      if (extra === false) return fc.constant({});
      const key = schema.propertyNames?.enum
        ? fc.constantFrom(...schema.propertyNames.enum)
        : fc.string({ maxLength: 8 });
      return fc.dictionary(key as fc.Arbitrary<string>, this.of(extra === true ? {} : extra, depth + 1), {
        maxKeys: 3,
      });
    }
    const required: string[] = schema.required ?? [];
    const record = fc.record(Object.fromEntries(keys.map((k) => [k, this.of(properties[k], depth + 1)])), {
      requiredKeys: keys.filter((k) => required.includes(k)),
    });
    // Now and then a required field missing or a field the schema does not have.
    return fc.oneof(
      { arbitrary: record, weight: 8 },
      { arbitrary: record.map((r) => ({ ...r, unexpected: 1 })), weight: 1 },
      { arbitrary: record.map((r) => Object.fromEntries(Object.entries(r).slice(1))), weight: 1 },
    );
  }
}

interface Caller {
  name: string;
  request(path: string, init?: RequestInit): Promise<Response> | Response;
}

describe.each(ENGINES)('a fuzz of every operation of the OpenAPI document, on %s', (engine) => {
  let opened: Awaited<ReturnType<typeof openTestApp>>;
  let doc: OpenApiDocument;
  let callers: Caller[];
  /** Ids that exist, by the collection of a path (the first segment under /api). */
  const known: Record<string, string[]> = {};
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    opened.app.request(path, {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...headers },
    });
  beforeAll(async () => {
    opened = await openTestApp(engine);
    doc = (await (await opened.anonymous.request('/api/openapi.json')).json()) as OpenApiDocument;
    expect((await post('/api/orgs', smallOrg('acme'))).status).toBe(201);
    expect((await post('/api/orgs/acme/scenarios', { id: 's1', name: 'One' })).status).toBe(201);
    const ops = { ops: [{ type: 'changeManager', personId: 'e4', managerId: 'grace' }] };
    expect((await post('/api/scenarios/s1/ops', ops, { 'if-match': '"1"' })).status).toBe(201);
    const plan = {
      name: 'Two for web',
      attrition: { annualRate: 0.1 },
      hires: [{ teamId: 'web', level: 'L4', count: 2, quarter: '2025-Q2' }],
    };
    expect((await post('/api/scenarios/s1/plans', { id: 'p1', plan })).status).toBe(201);
    // A user and a token the fuzz may change or revoke (never the admin's own).
    const victim = await opened.identity.addUser(
      { email: 'fuzzed@tests.example', role: 'editor', orgId: 'acme' },
      { actor: 'system' },
    );
    const token = await opened.identity.createToken('fuzzed@tests.example', 'fuzz', { actor: 'system' });
    Object.assign(known, {
      orgs: ['acme'],
      scenarios: ['s1'],
      plans: ['p1'],
      users: [victim.id],
      tokens: [token?.id ?? 'none'],
    });
    const viewer = await opened.tokenFor('viewer@tests.example', 'viewer', 'acme');
    callers = [
      { name: 'admin', request: (p, i) => opened.app.request(p, i) },
      { name: 'viewer', request: (p, i) => signedIn(opened.anonymous, viewer).request(p, i) },
      { name: 'anonymous', request: (p, i) => opened.anonymous.request(p, i) },
    ];
  });
  afterAll(() => opened?.close());

  it('answers every generated request below 500, as the document says', async () => {
    const arbs = new Arbitraries(doc);
    const operations = Object.entries<OpenApiDocument>(doc.paths).flatMap(([path, item]) =>
      METHODS.filter((m) => item[m]).map((method) => ({ path, method, op: item[method] as OpenApiDocument })),
    );
    const before = CONTRACT_COUNTS.validated;
    let requests = 0;
    const statuses: Record<number, number> = {};
    for (const { path, method, op } of operations) {
      const collection = path.split('/')[2];
      const parameters: Schema[] = op.parameters ?? [];
      const param = (p: Schema): Arb => {
        if (p.in === 'path' && p.schema?.type !== 'integer')
          return fc.oneof(
            { arbitrary: fc.constantFrom(...(known[collection] ?? ['x'])), weight: 3 },
            { arbitrary: arbs.of(p.schema), weight: 1 },
          );
        if (p.name === 'if-match') return fc.constantFrom('"1"', '"2"', 'W/"2"', '*', '2', 'junk');
        return arbs.of(p.schema);
      };
      const values = fc.record(
        Object.fromEntries(
          parameters.map((p) => [
            `${p.in}:${p.name}`,
            p.required ? param(p) : fc.option(param(p), { nil: undefined }),
          ]),
        ),
      );
      const jsonSchema = op.requestBody?.content?.['application/json']?.schema;
      const body: Arb = op.requestBody
        ? fc.oneof(
            { arbitrary: jsonSchema ? arbs.of(jsonSchema) : fc.string(), weight: 8 },
            { arbitrary: fc.jsonValue({ maxDepth: 3 }), weight: 2 },
          )
        : fc.constant(undefined);
      const caller = fc.constantFrom(...callers.keys(), 0, 0);
      await fc.assert(
        fc.asyncProperty(values, body, caller, async (given, payload, who) => {
          let url = path;
          const query = new URLSearchParams();
          const headers: Record<string, string> = {};
          for (const [key, value] of Object.entries(given)) {
            if (value === undefined) continue;
            const [where, name] = key.split(':') as [string, string];
            const text = typeof value === 'string' ? value : JSON.stringify(value);
            if (where === 'path') url = url.replace(`{${name}}`, encodeURIComponent(text));
            else if (where === 'query') query.set(name, text);
            else if (where === 'header' && /^[\t\x20-\x7e]*$/.test(text)) headers[name] = text;
          }
          const init: RequestInit = { method: method.toUpperCase(), headers };
          if (payload !== undefined) {
            init.body = JSON.stringify(payload);
            headers['content-type'] = 'application/json';
          }
          requests++;
          const res = await callers[who].request(`${url}${query.size > 0 ? `?${query}` : ''}`, init);
          // A live feed (text/event-stream) never ends: read its status, then hang up.
          if (res.headers.get('content-type')?.startsWith('text/event-stream')) await res.body?.cancel();
          else await res.arrayBuffer();
          statuses[res.status] = (statuses[res.status] ?? 0) + 1;
          expect(res.status, `${callers[who].name} ${method.toUpperCase()} ${url}`).toBeLessThan(500);
        }),
        { numRuns: RUNS, seed: Number(process.env.REORG_FUZZ_SEED ?? 18) },
      );
    }
    expect(requests).toBe(RUNS * operations.length);
    expect(CONTRACT_COUNTS.validated - before).toBe(requests);
    console.log(
      `fuzz on ${engine}: ${operations.length} operations × ${RUNS} = ${requests} requests, all validated; by status ${JSON.stringify(statuses)}`,
    );
    // The fuzz reaches past validation: some requests succeed.
    expect(Object.keys(statuses).some((s) => s.startsWith('2'))).toBe(true);
  }, 600_000);
});
