import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Guards } from '../auth/guards';
import { normalizeEmail } from '../auth/identity';
import { auditActor } from '../auth/middleware';
import {
  type AppEnv,
  BODY_LIMITS,
  ifNoneMatchHits,
  limitBody,
  revisionEtag,
  WriteHeadersSchema,
} from '../http';
import { PROBLEM_TYPES, problem, problemResponse } from '../problem';
import { AnalysisSchema, AsOfQuerySchema, IdParamsSchema } from '../schemas';
import type { Review } from '../services/review';
import type { Scenarios } from '../services/scenarios';
import { answerWrite, expectedRevision, scenarioNotFound, toRevision, toSummary } from './scenario-answers';
import {
  OpsBodySchema,
  RestoreBodySchema,
  RevisionDetailSchema,
  RevisionParamsSchema,
  RevisionSchema,
  ScenarioSchema,
  ScenarioSummarySchema,
  ShareBodySchema,
  SharesSchema,
  WriteResultSchema,
} from './scenario-schemas';

const etagHeader = {
  ETag: { description: 'The latest revision, e.g. `"3"`', schema: { type: 'string' as const } },
};
const json = <T extends z.ZodType>(schema: T, description: string, headers?: typeof etagHeader) => ({
  description,
  content: { 'application/json': { schema } },
  ...(headers ? { headers } : {}),
});

const listRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'List scenarios',
  responses: {
    200: json(z.object({ scenarios: z.array(ScenarioSummarySchema) }), 'Scenarios, oldest first'),
  },
});

const getRoute = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'Get a scenario: state, effective ops and revision (ETag)',
  request: { params: IdParamsSchema },
  responses: {
    200: json(ScenarioSchema, 'The scenario at its latest revision', etagHeader),
    304: { description: 'Not modified (If-None-Match names the latest revision)' },
    404: problemResponse('No such scenario'),
    422: problemResponse('Invalid id'),
  },
});

const writeResponses = {
  201: json(WriteResultSchema, 'Saved as a new revision', etagHeader),
  401: problemResponse('Not signed in'),
  403: problemResponse('You may see this scenario but not change it'),
  404: problemResponse('No such scenario'),
  412: problemResponse('If-Match is not the latest revision: nothing stored; GET the scenario again'),
  413: problemResponse('Body too large'),
  422: problemResponse('Invalid body, or an op refused (with its opIndex): nothing stored'),
  428: problemResponse('If-Match missing'),
} as const;

const opsRoute = createRoute({
  method: 'post',
  path: '/{id}/ops',
  summary: 'Save a batch of ops as one new revision',
  description:
    'Requires `If-Match` with the latest revision. The batch goes through `applyOps`: if any op is refused, nothing is stored and the 422 names the op index.',
  middleware: [limitBody(BODY_LIMITS.ops)] as const,
  request: {
    params: IdParamsSchema,
    headers: WriteHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: OpsBodySchema } } },
  },
  responses: writeResponses,
});

const restoreRoute = createRoute({
  method: 'post',
  path: '/{id}/restore',
  summary: 'Restore an old revision as a new revision',
  middleware: [limitBody(BODY_LIMITS.small)] as const,
  request: {
    params: IdParamsSchema,
    headers: WriteHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: RestoreBodySchema } } },
  },
  responses: writeResponses,
});

const revisionsRoute = createRoute({
  method: 'get',
  path: '/{id}/revisions',
  summary: 'List the revisions of a scenario',
  request: { params: IdParamsSchema },
  responses: {
    200: json(
      z.object({ scenarioId: z.string(), revisions: z.array(RevisionSchema) }),
      'Revisions, oldest first',
    ),
    404: problemResponse('No such scenario'),
    422: problemResponse('Invalid id'),
  },
});

const revisionRoute = createRoute({
  method: 'get',
  path: '/{id}/revisions/{revision}',
  summary: 'Get one revision with the state at it',
  request: { params: RevisionParamsSchema },
  responses: {
    200: json(RevisionDetailSchema, 'The revision'),
    404: problemResponse('No such scenario or revision'),
    422: problemResponse('Invalid id or revision'),
  },
});

const analysisRoute = createRoute({
  method: 'get',
  path: '/{id}/analysis',
  summary: 'Analyse a scenario at its latest revision',
  request: { params: IdParamsSchema, query: AsOfQuerySchema },
  responses: {
    200: json(AnalysisSchema, 'The analysis report', etagHeader),
    404: problemResponse('No such scenario'),
    422: problemResponse('Invalid id or asOf'),
  },
});

const shareRoute = createRoute({
  method: 'post',
  path: '/{id}/share',
  summary: 'Share a scenario with the org or with one person (view, comment or edit)',
  description:
    'Scenarios start private to their author. Only the author (or an admin) may share. Sharing again with the same org or e-mail replaces its access.',
  middleware: [limitBody(BODY_LIMITS.small)] as const,
  request: {
    params: IdParamsSchema,
    body: { required: true, content: { 'application/json': { schema: ShareBodySchema } } },
  },
  responses: {
    200: json(SharesSchema, 'Shared: every share of the scenario'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Only the author or an admin may share'),
    404: problemResponse('No such scenario'),
    422: problemResponse('Invalid body: `with` is `org` or an e-mail'),
  },
});

/** `/api/scenarios`: read, save ops (If-Match), restore, list revisions, analyse, share. */
export function createScenarioRoutes(scenarios: Scenarios, guards: Guards, review: Review) {
  return new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => {
      const heads = await guards.visibleScenarios(c.var.principal, await scenarios.list());
      const reviews = await review.summaries(heads);
      return c.json({ scenarios: heads.map((h) => toSummary(h, h.access, reviews.get(h.id))) }, 200);
    })
    .openapi(shareRoute, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const head = await scenarios.head(id);
      if (!head) return scenarioNotFound(c, id);
      let target = body.with;
      if (target !== 'org') {
        try {
          target = normalizeEmail(target);
        } catch (error) {
          const message = (error as Error).message;
          return problem(c, {
            type: PROBLEM_TYPES.validation,
            title: 'Validation failed',
            status: 422,
            detail: message,
            errors: [{ in: 'body', path: 'with', message }],
          });
        }
      }
      const audit = {
        ...auditActor(c),
        action: 'scenario.share',
        orgId: head.orgId,
        subject: id,
        detail: { with: target, access: body.access },
      };
      const grants = await scenarios.share(id, { with: target, access: body.access }, audit);
      if (!grants) return scenarioNotFound(c, id);
      return c.json({ scenarioId: id, visibility: grants.visibility, shares: grants.shares }, 200);
    })
    .openapi(getRoute, async (c) => {
      const { id } = c.req.valid('param');
      const head = await scenarios.head(id);
      if (!head) return scenarioNotFound(c, id);
      c.header('ETag', revisionEtag(head.revision));
      if (ifNoneMatchHits(c, head.revision)) return c.body(null, 304);
      const state = await scenarios.stateAt(head);
      if (!state) return scenarioNotFound(c, id);
      const summary = (await review.summaries([head])).get(head.id);
      return c.json(
        { ...toSummary(head, c.var.scenarioAccess, summary), ops: state.ops, state: state.org },
        200,
      );
    })
    .openapi(opsRoute, async (c) => {
      const { id } = c.req.valid('param');
      const headers = c.req.valid('header');
      const { ops } = c.req.valid('json');
      const head = await scenarios.head(id);
      if (!head) return scenarioNotFound(c, id);
      const expected = expectedRevision(c, head, headers['if-match']);
      if (typeof expected !== 'number') return expected;
      const author = c.var.principal.email;
      const audit = {
        ...auditActor(c),
        action: 'scenario.ops',
        orgId: head.orgId,
        subject: id,
        detail: { ops: ops.length },
      };
      return answerWrite(
        c,
        scenarios,
        head,
        await scenarios.append(head, expected, ops, author, audit),
        author,
        null,
      );
    })
    .openapi(restoreRoute, async (c) => {
      const { id } = c.req.valid('param');
      const headers = c.req.valid('header');
      const { revision } = c.req.valid('json');
      const head = await scenarios.head(id);
      if (!head) return scenarioNotFound(c, id);
      const expected = expectedRevision(c, head, headers['if-match']);
      if (typeof expected !== 'number') return expected;
      const author = c.var.principal.email;
      const audit = {
        ...auditActor(c),
        action: 'scenario.restore',
        orgId: head.orgId,
        subject: id,
        detail: { restoredFrom: revision },
      };
      const result = await scenarios.restore(head, expected, revision, author, audit);
      return answerWrite(c, scenarios, head, result, author, revision);
    })
    .openapi(revisionsRoute, async (c) => {
      const { id } = c.req.valid('param');
      const head = await scenarios.head(id);
      if (!head) return scenarioNotFound(c, id);
      const revisions = await scenarios.revisions(id);
      return c.json({ scenarioId: id, revisions: revisions.map(toRevision) }, 200);
    })
    .openapi(revisionRoute, async (c) => {
      const { id, revision } = c.req.valid('param');
      const head = await scenarios.head(id);
      if (!head) return scenarioNotFound(c, id);
      const [state, row] = await Promise.all([
        scenarios.stateAt(head, revision),
        scenarios.revision(id, revision),
      ]);
      if (!state || !row) {
        return problem(c, {
          type: PROBLEM_TYPES.notFound,
          title: 'Not found',
          status: 404,
          detail: `scenario "${id}" has no revision ${revision} (latest: ${head.revision})`,
        });
      }
      return c.json({ scenarioId: id, ...toRevision(row), state: state.org }, 200);
    })
    .openapi(analysisRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { asOf } = c.req.valid('query');
      const head = await scenarios.head(id);
      if (!head) return scenarioNotFound(c, id);
      const state = await scenarios.stateAt(head);
      if (!state) return scenarioNotFound(c, id);
      c.header('ETag', revisionEtag(head.revision));
      return c.json(scenarios.analyze(id, state, asOf), 200);
    });
}
