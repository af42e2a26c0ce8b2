import type { z } from '@hono/zod-openapi';
import { toJSONSchema } from 'zod';
import { isPublicApiPath } from './auth/middleware';
import { isCompensationKey } from './auth/redact';
import { PROBLEM_MEDIA_TYPE } from './problem';

/**
 * The OpenAPI document of the API: what zod-to-openapi renders from the routes, completed here
 * with what holds for every operation (security, the problems every route can answer, ids and
 * tags), so that a route added later is documented the same way without repeating it.
 */

/** An OpenAPI document as plain JSON (what `getOpenAPI31Document` answers). */
// biome-ignore lint/suspicious/noExplicitAny: the document is walked as untyped JSON.
export type OpenApiDocument = Record<string, any>;

type OpenApiMeta = Parameters<ReturnType<typeof z.lazy>['openapi']>[1];

/**
 * zod's own JSON Schema of a model schema, as OpenAPI metadata: the `input` form (what a client
 * may send: fields with a default are optional) or the `output` form (what the server answers:
 * fields with a default are always there). Used where zod-to-openapi cannot render a schema or
 * where input and output differ.
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): OpenApiMeta {
  const { $schema: _drop, ...json } = toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return json as OpenApiMeta;
}

/** The `info` of the document. */
export const OPENAPI_INFO = {
  title: 'reorg API',
  version: '0.1.0',
  description: [
    'Orgs (immutable baselines), scenarios (append-only revisions of reorg ops), headcount plans saved with scenarios, and their simulation.',
    '',
    'Errors are `application/problem+json` (RFC 9457) with a `type` URN per kind of failure and `errors` naming each issue (body path, query, header, or file/row/column of an import). A method a path does not answer gets 405 with `Allow`; an unknown path 404.',
    '',
    'Sign in with an API token (`Authorization: Bearer TOKEN`, see `POST /api/tokens` and `reorg tokens create`) or the session cookie the web app gets at sign-in (`reorg.session_token`; writes with it need a same-origin `Origin`). Scenario writes need `If-Match` with the latest revision (strong comparison, RFC 9110); reads honour `If-None-Match` (weak comparison).',
  ].join('\n'),
  // No licence has been chosen for the project yet: this says so rather than guess one.
  license: { name: 'UNLICENSED: no licence chosen yet (all rights reserved by the authors)' },
};

/**
 * The server: the one that serves this document (a relative URL, so the document holds wherever
 * reorg runs; `reorg serve` listens on http://localhost:8787 by default).
 */
export const OPENAPI_SERVERS = [
  {
    url: '/',
    description:
      'The reorg server that serves this document (`reorg serve`: http://localhost:8787 by default)',
  },
];

/** The two ways to sign in (the `security` of every non-public operation). */
export const SECURITY_SCHEMES = {
  bearerAuth: {
    type: 'http',
    scheme: 'bearer',
    description:
      'An API token of a user (`POST /api/tokens`, `reorg tokens create`); it acts with their roles.',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: 'reorg.session_token',
    description:
      'The Better Auth session cookie of the web app (sign-in under `/api/auth/*`). Writes with it need a same-origin `Origin` or `Sec-Fetch-Site` (CSRF protection).',
  },
} as const;

/** Tags of the operations, by the first path segment under `/api`; others are tagged by that segment. */
export const TAGS: { name: string; description: string; segments: string[] }[] = [
  { name: 'health', description: 'Is the server up and its database answering.', segments: ['health'] },
  {
    name: 'identity',
    description: 'The signed-in user, users and their roles, API tokens, the audit log, sign-in options.',
    segments: ['me', 'users', 'tokens', 'audit', 'sign-in-options'],
  },
  {
    name: 'orgs',
    description: 'Imported orgs (immutable baselines) and their analysis.',
    segments: ['orgs'],
  },
  {
    name: 'scenarios',
    description: 'Scenarios: append-only revisions of reorg ops on a baseline, shares, analysis.',
    segments: ['scenarios'],
  },
  { name: 'compare', description: 'Scenarios of one org side by side.', segments: ['compare'] },
  { name: 'plans', description: 'Headcount plans saved with scenarios.', segments: ['plans'] },
  {
    name: 'simulations',
    description: 'Monte Carlo simulation of headcount plans.',
    segments: ['simulations'],
  },
  { name: 'meta', description: 'This document.', segments: ['openapi.json'] },
];

/** Shared problem responses, referenced by every operation they apply to. */
const PROBLEM_RESPONSES: Record<string, { status: string; description: string }> = {
  MalformedRequest: {
    status: '400',
    description:
      'Malformed body: not JSON (or a broken multipart body), or not valid UTF-8 (the byte offset is named)',
  },
  Unauthorized: {
    status: '401',
    description: 'Not signed in, or the API token is not valid (`WWW-Authenticate: Bearer`)',
  },
  Forbidden: {
    status: '403',
    description:
      'Not allowed: your role does not permit it, a cross-site write (CSRF), a write while viewing as someone, or an unknown `Host`',
  },
  NotFound: { status: '404', description: 'No such resource (or one you may not see)' },
  PayloadTooLarge: { status: '413', description: 'Body over the limit of this operation' },
  UnsupportedMediaType: { status: '415', description: 'A Content-Type this operation does not take' },
  ValidationFailed: {
    status: '422',
    description: 'The request does not match the schema: every issue with where (`in`, `path`) and what',
  },
  InternalError: {
    status: '500',
    description: 'Unexpected failure (never for bad input); the `requestId` identifies it in the logs',
  },
};

/** The OpenAPI path (`/api/orgs/{id}`) of a Hono path (`/api/orgs/:id`). */
export function openApiPath(honoPath: string): string {
  return honoPath.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, '{$1}');
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * Completes the document zod-to-openapi rendered (in place, and answers it): `servers`, the
 * licence, the security schemes and each operation's `security` (`[]` on public paths, see
 * {@link isPublicApiPath}), a tag and an operationId for each operation that has none, the
 * problems every operation can answer (400/413/415 with a body, 401/403 when signed in, 404
 * with a path parameter, 422 with any input, 500), `format: date` on dates, and request-only
 * components without `default` (see {@link stripRequestDefaults}).
 */
export function completeDocument(doc: OpenApiDocument): OpenApiDocument {
  doc.info = { ...OPENAPI_INFO, ...doc.info, license: OPENAPI_INFO.license };
  doc.servers = OPENAPI_SERVERS;
  doc.paths ??= {};
  addPlainRoutes(doc.paths);
  doc.components ??= {};
  doc.components.securitySchemes = { ...SECURITY_SCHEMES, ...doc.components.securitySchemes };
  doc.components.responses ??= {};
  for (const [name, { description }] of Object.entries(PROBLEM_RESPONSES)) {
    doc.components.responses[name] ??= {
      description,
      content: { [PROBLEM_MEDIA_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
    };
  }
  doc.security = [{ bearerAuth: [] }, { sessionCookie: [] }];
  const tagOf = tagResolver(Object.keys(doc.paths));
  const usedIds = new Set<string>();
  for (const [path, item] of Object.entries<OpenApiDocument>(doc.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const isPublic = isPublicApiPath(path.replace(/\{[^}]+\}/g, 'x'));
      if (isPublic) op.security = [];
      op.tags ??= [tagOf(path)];
      op.operationId ??= operationIdOf(method, path);
      if (usedIds.has(op.operationId)) throw new Error(`two operations are named ${op.operationId}`);
      usedIds.add(op.operationId);
      const params: { in: string }[] = [...(item.parameters ?? []), ...(op.parameters ?? [])];
      const responses = (op.responses ??= {});
      const add = (name: keyof typeof PROBLEM_RESPONSES) => {
        const { status } = PROBLEM_RESPONSES[name];
        responses[status] ??= { $ref: `#/components/responses/${name}` };
      };
      if (op.requestBody) {
        add('MalformedRequest');
        add('PayloadTooLarge');
        add('UnsupportedMediaType');
      }
      if (!isPublic) {
        add('Unauthorized');
      }
      add('Forbidden');
      if (params.some((p) => p.in === 'path')) add('NotFound');
      if (op.requestBody || params.length > 0) add('ValidationFailed');
      add('InternalError');
      op.responses = sortedByStatus(responses);
    }
  }
  markDates(doc);
  stripRequestDefaults(doc);
  markRedactable(doc);
  pruneUnusedResponses(doc);
  doc.tags = TAGS.filter((t) => usedTag(doc, t.name)).map(({ name, description }) => ({ name, description }));
  return doc;
}

/** Drops the shared problem responses no operation refers to. */
function pruneUnusedResponses(doc: OpenApiDocument): void {
  const text = JSON.stringify(doc.paths);
  for (const name of Object.keys(PROBLEM_RESPONSES))
    if (!text.includes(`"#/components/responses/${name}"`)) delete doc.components.responses[name];
}

/** The routes that are plain Hono routes (not zod-openapi ones), documented by hand. */
function addPlainRoutes(paths: OpenApiDocument): void {
  paths['/api/openapi.json'] ??= {
    get: {
      summary: 'This OpenAPI 3.1 document',
      operationId: 'getOpenApiDocument',
      responses: {
        200: {
          description: 'The OpenAPI document of this server',
          content: { 'application/json': { schema: { type: 'object' } } },
        },
      },
    },
  };
  paths['/api/sign-in-options'] ??= {
    get: {
      summary: 'What the sign-in page offers (public)',
      operationId: 'getSignInOptions',
      responses: {
        200: {
          description: 'Whether single sign-on (OpenID Connect) is configured',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                properties: { singleSignOn: { type: 'boolean' } },
                required: ['singleSignOn'],
                additionalProperties: false,
              },
            },
          },
        },
      },
    },
  };
}

/**
 * The tag of a path: the last literal segment that names a tag (`/api/orgs/{id}/scenarios` →
 * scenarios, `/api/scenarios/{id}/plans` → plans), else its first segment's tag.
 */
function tagResolver(paths: string[]): (path: string) => string {
  const bySegment = new Map<string, string>();
  for (const t of TAGS) for (const s of t.segments) bySegment.set(s, t.name);
  for (const p of paths) {
    const first = p.split('/')[2];
    if (first && !bySegment.has(first)) bySegment.set(first, first);
  }
  return (path) => {
    const segments = path.split('/').slice(2);
    const named = segments.filter((s) => !s.startsWith('{') && bySegment.has(s));
    return bySegment.get(named.at(-1) ?? segments[0] ?? 'api') ?? segments[0] ?? 'api';
  };
}

/**
 * A readable, stable operationId from the method and the path: `GET /api/orgs` → getOrgs,
 * `GET /api/orgs/{id}` → getOrg, `POST /api/scenarios/{id}/ops` → postScenarioOps,
 * `GET /api/scenarios/{id}/revisions/{revision}` → getScenarioRevision.
 */
export function operationIdOf(method: string, path: string): string {
  const segments = path.split('/').slice(2);
  const words: string[] = [];
  segments.forEach((segment, i) => {
    if (segment.startsWith('{')) return;
    const next = segments[i + 1];
    const word = next?.startsWith('{') ? singular(segment) : segment;
    words.push(...word.split(/[^A-Za-z0-9]+/).filter(Boolean));
  });
  return method.toLowerCase() + words.map((w) => w[0].toUpperCase() + w.slice(1)).join('');
}

function singular(word: string): string {
  if (word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function sortedByStatus(responses: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

function usedTag(doc: OpenApiDocument, name: string): boolean {
  return Object.values<OpenApiDocument>(doc.paths).some((item) =>
    METHODS.some((m) => item[m]?.tags?.includes(name)),
  );
}

/** Every value of the document, depth first, with a callback on each object. */
function walk(value: unknown, visit: (node: OpenApiDocument) => void): void {
  if (Array.isArray(value)) for (const v of value) walk(v, visit);
  else if (value && typeof value === 'object') {
    visit(value as OpenApiDocument);
    for (const v of Object.values(value)) walk(v, visit);
  }
}

/** The model's dates (`YYYY-MM-DD`, refused when the month has no such day) are `format: date`. */
function markDates(doc: OpenApiDocument): void {
  walk(doc, (node) => {
    if (node.type === 'string' && node.pattern === '^\\d{4}-\\d{2}-\\d{2}$') node.format ??= 'date';
  });
}

const SCHEMA_KEYWORDS = ['type', 'anyOf', 'oneOf', 'allOf', '$ref', 'enum', 'const', 'items', 'properties'];

/** True for a JSON Schema object (not a `properties` map that names a field `default`). */
function isSchemaLike(node: OpenApiDocument): boolean {
  return (
    SCHEMA_KEYWORDS.some((k) => k in node) ||
    Object.keys(node).every((k) => k === 'default' || k === 'description')
  );
}

/**
 * What the response boundary does to pay (`redactCompensation`), stated in the response schemas:
 * a compensation field (`cost`, `annualCost`, … see `isCompensationKey`) a caller may not see
 * is removed (a person's) or `null` with `"redacted": true` on its object (a total). So in every
 * schema an answer uses, such a field is optional and nullable, and its object may say
 * `redacted`.
 */
export function markRedactable(doc: OpenApiDocument): void {
  const roots: unknown[] = [];
  for (const item of Object.values<OpenApiDocument>(doc.paths ?? {}))
    for (const m of METHODS) if (item[m]) roots.push(item[m].responses);
  const names = referencedComponents(doc, [...roots, doc.components?.responses]);
  const mark = (node: OpenApiDocument) => {
    const properties = node.properties as Record<string, OpenApiDocument> | undefined;
    if (!properties || typeof properties !== 'object') return;
    const keys = Object.keys(properties).filter((k) => isCompensationKey(k));
    if (keys.length === 0) return;
    for (const key of keys) {
      const field = properties[key];
      if (field.anyOf?.some((s: OpenApiDocument) => s.type === 'null' && s.description === REDACTED))
        continue;
      properties[key] = { anyOf: [field, { type: 'null', description: REDACTED }] };
    }
    if (Array.isArray(node.required)) {
      node.required = node.required.filter((k: string) => !keys.includes(k));
      if (node.required.length === 0) delete node.required;
    }
    properties.redacted ??= {
      type: 'boolean',
      const: true,
      description: 'Present when a compensation field of this object was hidden from the caller.',
    };
  };
  for (const name of names) walk(doc.components.schemas[name], mark);
  for (const root of roots) walk(root, mark);
}

const REDACTED = 'Hidden from a caller who may not see this pay (removed, or null with `redacted`).';

/** The names of the components a value refers to, transitively. */
function referencedComponents(doc: OpenApiDocument, roots: unknown[]): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length > 0) {
    walk(queue.pop(), (node) => {
      const ref = typeof node.$ref === 'string' ? /^#\/components\/schemas\/(.+)$/.exec(node.$ref) : null;
      if (ref && !seen.has(ref[1])) {
        seen.add(ref[1]);
        queue.push(doc.components?.schemas?.[ref[1]]);
      }
    });
  }
  return seen;
}

/**
 * Component schemas that only requests use keep no `default` keyword: the default goes into the
 * description instead. (Generators such as openapi-typescript read a `default` in a component as
 * "always there" and would make the field required in what a client sends.) A component used by
 * both requests and responses with a default in it is an error: split it into an input and an
 * output form (see {@link jsonSchemaOf}).
 */
export function stripRequestDefaults(doc: OpenApiDocument): void {
  const requests: unknown[] = [];
  const responses: unknown[] = [];
  for (const item of Object.values<OpenApiDocument>(doc.paths ?? {})) {
    for (const m of METHODS) {
      const op = item[m];
      if (!op) continue;
      requests.push(op.requestBody, op.parameters, item.parameters);
      responses.push(op.responses);
    }
  }
  const responseSide = referencedComponents(doc, [...responses, doc.components?.responses]);
  for (const name of referencedComponents(doc, requests)) {
    const schema = doc.components.schemas[name];
    let hasDefault = false;
    walk(schema, (node) => {
      if (!('default' in node) || !isSchemaLike(node)) return;
      hasDefault = true;
      if (responseSide.has(name)) return;
      const text = `Default: \`${JSON.stringify(node.default)}\`.`;
      node.description = node.description ? `${node.description} ${text}` : text;
      delete node.default;
    });
    if (hasDefault && responseSide.has(name))
      throw new Error(`component ${name} has defaults and serves requests and responses: split it`);
  }
}
