import { z } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AccessLevel } from './auth/policy';
import type { Principal } from './auth/principal';
import { PROBLEM_TYPES, problem } from './problem';
import { requireUtf8Body } from './utf8-body';

/**
 * Hono environment of every route: the request id (request-id middleware); the caller, resolved
 * by the auth middleware on every `/api` route that needs one; the org a response is about (set by
 * the guards, read by the redaction at the response boundary); and the caller's access to the
 * scenario of the path, when there is one.
 */
export type AppEnv = {
  Variables: {
    requestId: string;
    principal: Principal;
    orgId?: string;
    scenarioAccess?: AccessLevel;
  };
};

/** Body limits per route, in bytes. Imports take the largest HR exports (50 MB). */
export const BODY_LIMITS = {
  import: 50 * 1024 * 1024,
  ops: 5 * 1024 * 1024,
  scenario: 5 * 1024 * 1024,
  small: 64 * 1024,
} as const;

/**
 * Refuses bodies over `maxSize` bytes with a 413 problem (declared or streamed length), then bodies
 * that are not valid UTF-8 with a 400 problem naming the byte offset ({@link requireUtf8Body}).
 * Every route that reads a body has this middleware.
 */
export function limitBody(maxSize: number): MiddlewareHandler {
  const utf8 = requireUtf8Body();
  const limit = limitSize(maxSize);
  return (c, next) => limit(c, async () => void (await utf8(c, next)));
}

function limitSize(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: (c) =>
      problem(c, {
        type: PROBLEM_TYPES.tooLarge,
        title: 'Payload too large',
        status: 413,
        detail: `this route accepts bodies up to ${formatBytes(maxSize)}`,
      }),
  });
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${n / (1024 * 1024)} MB` : `${n / 1024} KB`;
}

/**
 * The headers of a scenario write: `If-Match` (required, checked by the handler). The author of
 * a revision is the signed-in user, never a header.
 */
export const WriteHeadersSchema = z.object({
  'if-match': z
    .string()
    .optional()
    .openapi({ description: 'The ETag (revision) the change was made on, e.g. `"3"`. Required.' }),
});

/** The strong ETag of a revision: `"3"`. */
export function revisionEtag(revision: number): string {
  return `"${revision}"`;
}

/**
 * What an `If-Match` (or `If-None-Match`) header asks for, by RFC 9110 §13.1: `missing`, `any`
 * (`*`), or the revisions its entity-tags name. Our ETags are strong (`"3"`). `comparison`
 * `strong` (If-Match, the default) lets only strong tags match: `W/"3"` names nothing; `weak`
 * (If-None-Match) matches `W/"3"` as `"3"`. A bare `3` is not an entity-tag and names nothing.
 */
export function parseIfMatch(
  header: string | undefined,
  comparison: 'strong' | 'weak' = 'strong',
): { kind: 'missing' } | { kind: 'any' } | { kind: 'revisions'; revisions: number[] } {
  if (header === undefined || header.trim() === '') return { kind: 'missing' };
  if (header.trim() === '*') return { kind: 'any' };
  const tag = comparison === 'strong' ? /^\s*"(\d{1,9})"\s*$/ : /^\s*(?:W\/)?"(\d{1,9})"\s*$/;
  const revisions = header
    .split(',')
    .map((t) => tag.exec(t)?.[1])
    .filter((r): r is string => r !== undefined)
    .map(Number);
  return { kind: 'revisions', revisions };
}

/** True when an `If-None-Match` header lists this revision's ETag (or `*`). */
export function ifNoneMatchHits(c: Context, revision: number): boolean {
  const header = c.req.header('if-none-match');
  if (!header) return false;
  const parsed = parseIfMatch(header, 'weak');
  return parsed.kind === 'any' || (parsed.kind === 'revisions' && parsed.revisions.includes(revision));
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when PostgreSQL can store the string: no NUL character, no unpaired surrogate. */
export function isStorableText(s: string): boolean {
  return !s.includes('\u0000') && !LONE_SURROGATE.test(s);
}

/**
 * The characters of an id in a path or query: anything but a comma (compare lists ids with
 * commas) or a control character (U+0000–U+001F, U+007F).
 */
export const ID_PATTERN = '^[^,\\u0000-\\u001F\\u007F]+$';

/**
 * An id in a path or query: 1–200 characters of {@link ID_PATTERN} that PostgreSQL can store
 * (no unpaired surrogate).
 */
export const IdParamSchema = z
  .string()
  .min(1)
  .max(200)
  .regex(new RegExp(ID_PATTERN), 'an id has no commas and no control characters')
  .refine(isStorableText, 'must not contain NUL characters or unpaired surrogates');

/**
 * The first place in a JSON value that PostgreSQL's `jsonb` and `text` cannot store: a NUL
 * character or a lone UTF-16 surrogate, in a string or a key. Returns its path, or undefined.
 */
export function findUnstorableText(
  value: unknown,
  path: (string | number)[] = [],
): (string | number)[] | undefined {
  if (typeof value === 'string') return isStorableText(value) ? undefined : path;
  if (value === null || typeof value !== 'object') return undefined;
  const entries: [string | number, unknown][] = Array.isArray(value)
    ? value.map((v, k) => [k, v])
    : Object.entries(value);
  for (const [k, v] of entries) {
    if (typeof k === 'string' && !isStorableText(k)) return [...path, k];
    const found = findUnstorableText(v, [...path, k]);
    if (found) return found;
  }
  return undefined;
}

/** The dotted form of a path (`people.3.name`), `(root)` for the empty path. */
export function dottedPath(path: (string | number)[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/** Message of the issue raised for unstorable text. */
export const UNSTORABLE_MESSAGE = 'must not contain NUL characters (U+0000) or unpaired surrogates';

/**
 * Adds to a body schema the check that every string can be stored (see {@link findUnstorableText}),
 * reported like any validation issue, with its path.
 */
export function storable<T extends z.ZodType>(schema: T): T {
  return schema.superRefine((value, ctx) => {
    const path = findUnstorableText(value);
    if (path) ctx.addIssue({ code: 'custom', path, message: UNSTORABLE_MESSAGE });
  }) as unknown as T;
}

/** A 422 problem for text that cannot be stored (see {@link findUnstorableText}). */
export function unstorableText(c: Context, path: (string | number)[]) {
  return problem(c, {
    type: PROBLEM_TYPES.validation,
    title: 'Validation failed',
    status: 422,
    detail: `text ${UNSTORABLE_MESSAGE}`,
    errors: [{ in: 'body', path: dottedPath(path), message: UNSTORABLE_MESSAGE }],
  });
}
