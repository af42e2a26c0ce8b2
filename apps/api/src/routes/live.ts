import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import { clientIp } from '../auth/middleware';
import type { Store } from '../db/store';
import { type AppEnv, BODY_LIMITS, IdParamSchema, limitBody } from '../http';
import { type FeedDeps, runFeed } from '../live/feed';
import { RevisionReader } from '../live/revision-reader';
import { PROBLEM_TYPES, problem, problemResponse } from '../problem';
import { IdParamsSchema } from '../schemas';
import type { Baselines } from '../services/baselines';
import { scenarioNotFound } from './scenario-answers';

const FeedQuerySchema = z.object({
  since: z.string().optional().openapi({
    description:
      'Resume after this cursor when the request has no `Last-Event-ID` (a revision number; for an org feed, the `id` of its last event). Default: from now.',
  }),
});

const FeedHeadersSchema = z.object({
  'last-event-id': z.string().optional().openapi({
    description: 'Sent by EventSource on reconnect: the feed resumes after it, without gaps or repeats.',
  }),
});

const eventStream = (description: string) => ({
  description,
  content: { 'text/event-stream': { schema: z.string() } },
});

const feedDescription =
  'Server-Sent Events. `hello` (`{ connectionId, cursor, heartbeatMs }`), then each revision after the cursor as event `revision` with data `{ scenarioId, revision, author, authorName, ops, restoredFrom, at }` and `id` (the revision; on the org feed, its commit sequence in the org), then `ready`, then new revisions as they are saved (by any API process), and a comment line every heartbeat. Costs in ops are redacted for those who may not see them.';

const scenarioEventsRoute = createRoute({
  method: 'get',
  path: '/scenarios/{id}/events',
  summary: 'Live feed of a scenario: revisions and presence (SSE)',
  description: `${feedDescription} A scenario feed also sends \`presence\` (\`{ scenarioId, present: [{ connectionId, email, name, selected, openedAt }] }\`) when someone opens or closes it or selects a person or team.`,
  request: { params: IdParamsSchema, query: FeedQuerySchema, headers: FeedHeadersSchema },
  responses: {
    200: eventStream('The feed (text/event-stream)'),
    404: problemResponse('No such scenario'),
    422: problemResponse('Invalid cursor (`Last-Event-ID` or `since`)'),
  },
});

const orgEventsRoute = createRoute({
  method: 'get',
  path: '/orgs/{id}/events',
  summary: 'Live feed of an org: revisions of every scenario the caller may see (SSE)',
  description: feedDescription,
  request: { params: IdParamsSchema, query: FeedQuerySchema, headers: FeedHeadersSchema },
  responses: {
    200: eventStream('The feed (text/event-stream)'),
    404: problemResponse('No such org'),
    422: problemResponse('Invalid cursor (`Last-Event-ID` or `since`)'),
  },
});

const PresenceBodySchema = z
  .object({
    connectionId: IdParamSchema.openapi({
      description: 'The `connectionId` of the `hello` event of your open feed',
    }),
    selected: z
      .object({ kind: z.enum(['person', 'team']), id: IdParamSchema })
      .nullable()
      .openapi({ description: 'The person or team selected, or null' }),
  })
  .openapi('PresenceUpdate');

const presenceRoute = createRoute({
  method: 'post',
  path: '/scenarios/{id}/presence',
  summary: 'Say which person or team you have selected in an open scenario',
  description:
    'Shown to the others who have the scenario open (their feeds get a `presence` event). Anyone who may see the scenario may do this.',
  middleware: [limitBody(BODY_LIMITS.small)] as const,
  request: {
    params: IdParamsSchema,
    body: { required: true, content: { 'application/json': { schema: PresenceBodySchema } } },
  },
  responses: {
    204: { description: 'Recorded' },
    401: problemResponse('Not signed in'),
    404: problemResponse('No such scenario, or no open feed of yours with that connectionId'),
    422: problemResponse('Invalid body'),
  },
});

/** Where a feed starts: the `Last-Event-ID`, else `since`, else `fallback`; a 422 problem when invalid. */
function feedCursor(c: Context, max: number | undefined, fallback: number): number | Response {
  const header = c.req.header('last-event-id');
  const since = c.req.query('since');
  const raw = header !== undefined && header.trim() !== '' ? header : since;
  const where =
    raw === header
      ? { in: 'header' as const, path: 'last-event-id' }
      : { in: 'query' as const, path: 'since' };
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = /^\d{1,15}$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  const message = Number.isNaN(n)
    ? `must be a whole number (the id of the last event received), got "${raw.slice(0, 40)}"`
    : `is ${n}, after the latest (${max}): this feed has no such event`;
  if (!Number.isNaN(n) && (max === undefined || n <= max)) return n;
  return problem(c, {
    type: PROBLEM_TYPES.validation,
    title: 'Validation failed',
    status: 422,
    detail: `${where.path} ${message}`,
    errors: [{ ...where, message }],
  });
}

/** `/api/scenarios/:id/events`, `/api/orgs/:id/events` (live feeds) and `/api/scenarios/:id/presence`. */
export function createLiveRoutes(deps: { store: Store; baselines: Baselines; feed?: Partial<FeedDeps> }) {
  const { store, baselines } = deps;
  const feedDeps: FeedDeps = { store, baselines, reader: new RevisionReader(store.live), ...deps.feed };
  return new OpenAPIHono<AppEnv>()
    .openapi(scenarioEventsRoute, async (c) => {
      const { id } = c.req.valid('param');
      const head = await store.getScenarioHead(id);
      if (!head) return scenarioNotFound(c, id);
      const cursor = feedCursor(c, head.revision, head.revision);
      if (typeof cursor !== 'number') return cursor;
      const principal = c.var.principal;
      const ip = clientIp(c) ?? null;
      return streamSSE(c, (stream) =>
        runFeed(stream, feedDeps, { principal, orgId: head.orgId, scenarioId: id, cursor, ip }),
      ) as never;
    })
    .openapi(orgEventsRoute, async (c) => {
      const { id } = c.req.valid('param');
      if (!(await baselines.get(id))) {
        return problem(c, {
          type: PROBLEM_TYPES.notFound,
          title: 'Not found',
          status: 404,
          detail: `no org with id "${id}"`,
        });
      }
      const latest = await store.live.latestOrgSeq(id);
      const cursor = feedCursor(c, latest, latest);
      if (typeof cursor !== 'number') return cursor;
      const principal = c.var.principal;
      const ip = clientIp(c) ?? null;
      return streamSSE(c, (stream) =>
        runFeed(stream, feedDeps, { principal, orgId: id, cursor, ip }),
      ) as never;
    })
    .openapi(presenceRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { connectionId, selected } = c.req.valid('json');
      const ok = await store.live.selectInPresence(id, connectionId, c.var.principal.email, selected);
      if (!ok) {
        return problem(c, {
          type: PROBLEM_TYPES.notFound,
          title: 'Not found',
          status: 404,
          detail: `you have no open feed "${connectionId}" on scenario "${id}" (open GET /api/scenarios/${id}/events first)`,
        });
      }
      await store.bus.publish(`scenario:${id}`, { kind: 'presence', scenarioId: id });
      return c.body(null, 204);
    });
}
