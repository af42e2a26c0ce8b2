import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';

/** The media type of every error response (RFC 9457). */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/**
 * Problem types (RFC 9457 `type`), one per kind of failure, so clients can branch on them.
 * They are URNs: names, not addresses to fetch.
 */
export const PROBLEM_TYPES = {
  validation: 'urn:reorg:problem:validation',
  malformed: 'urn:reorg:problem:malformed-request',
  importFailed: 'urn:reorg:problem:import-failed',
  opRefused: 'urn:reorg:problem:op-refused',
  notFound: 'urn:reorg:problem:not-found',
  methodNotAllowed: 'urn:reorg:problem:method-not-allowed',
  conflict: 'urn:reorg:problem:conflict',
  preconditionRequired: 'urn:reorg:problem:precondition-required',
  preconditionFailed: 'urn:reorg:problem:precondition-failed',
  tooLarge: 'urn:reorg:problem:payload-too-large',
  unsupportedMediaType: 'urn:reorg:problem:unsupported-media-type',
  notImplemented: 'urn:reorg:problem:not-implemented',
  internal: 'urn:reorg:problem:internal',
  busy: 'urn:reorg:problem:busy',
  cancelled: 'urn:reorg:problem:cancelled',
  unauthorized: 'urn:reorg:problem:unauthorized',
  forbidden: 'urn:reorg:problem:forbidden',
  rateLimited: 'urn:reorg:problem:rate-limited',
} as const;

/**
 * One issue of a problem: where (a dotted `path` into the body, query or header named by `in`;
 * or `file`, `row`, `column` of an imported CSV; or the `opIndex` of a refused op) and what.
 */
export const ProblemIssueSchema = z.object({
  in: z.enum(['body', 'query', 'path', 'header', 'file']).optional(),
  path: z.string().optional(),
  file: z.string().optional(),
  row: z.number().int().optional(),
  column: z.string().optional(),
  opIndex: z.number().int().optional(),
  code: z.string().optional(),
  message: z.string(),
});
/** One issue of a problem. */
export type ProblemIssue = z.infer<typeof ProblemIssueSchema>;

/** An RFC 9457 problem document, with `errors` listing every issue and the request's id. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(ProblemIssueSchema).optional(),
  })
  .catchall(z.unknown())
  .openapi('Problem');
/** A problem document. */
export type Problem = z.infer<typeof ProblemSchema>;

/** What a handler says about a problem (`instance` and `requestId` are filled in), with extensions. */
export interface ProblemInput<S extends ContentfulStatusCode = ContentfulStatusCode> {
  type: string;
  title: string;
  status: S;
  detail?: string;
  errors?: ProblemIssue[];
  [extension: string]: unknown;
}

/**
 * Answers with a problem document: `application/problem+json`, the request's id and path filled in.
 * Typed as a JSON response so that routes declaring problem responses type-check.
 */
export function problem<S extends ContentfulStatusCode>(c: Context, input: ProblemInput<S>) {
  const body: Problem = {
    ...input,
    detail: input.detail ?? input.title,
    instance: c.req.path,
    requestId: c.get('requestId') as string | undefined,
  };
  return c.json(body, input.status as S, { 'Content-Type': PROBLEM_MEDIA_TYPE });
}

/** Turns zod issues into problem issues with dotted paths (`people.3.fte`), located `in`. */
export function zodIssues(error: ZodError, location?: ProblemIssue['in']): ProblemIssue[] {
  return error.issues.map((i) => ({
    ...(location ? { in: location } : {}),
    path: i.path.map(String).join('.'),
    code: i.code,
    message: i.message,
  }));
}

/** Where a validator target sits in the request, for {@link ProblemIssue.in}. */
export function locationOf(target: string): ProblemIssue['in'] {
  switch (target) {
    case 'json':
    case 'form':
      return 'body';
    case 'query':
      return 'query';
    case 'param':
      return 'path';
    case 'header':
      return 'header';
    default:
      return undefined;
  }
}

/** OpenAPI `responses` entry for a problem with this description. */
export function problemResponse(description: string) {
  return { description, content: { [PROBLEM_MEDIA_TYPE]: { schema: ProblemSchema } } } as const;
}
