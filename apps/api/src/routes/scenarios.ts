import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ScenarioHead } from '../db/store';
import {
  type AppEnv,
  authorOf,
  BODY_LIMITS,
  ifNoneMatchHits,
  limitBody,
  parseIfMatch,
  revisionEtag,
  WriteHeadersSchema,
} from '../http';
import { PROBLEM_TYPES, problem, problemResponse } from '../problem';
import { AnalysisSchema, AsOfQuerySchema, IdParamsSchema } from '../schemas';
import type { Scenarios, WriteResult } from '../services/scenarios';
import {
  OpsBodySchema,
  RestoreBodySchema,
  RevisionDetailSchema,
  RevisionParamsSchema,
  RevisionSchema,
  ScenarioSchema,
  ScenarioSummarySchema,
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

/** `/api/scenarios`: read, save ops (If-Match), restore, list revisions, analyse. */
export function createScenarioRoutes(scenarios: Scenarios) {
  return new OpenAPIHono<AppEnv>()
    .openapi(listRoute, async (c) => {
      const heads = await scenarios.list();
      return c.json({ scenarios: heads.map(toSummary) }, 200);
    })
    .openapi(getRoute, async (c) => {
      const { id } = c.req.valid('param');
      const head = await scenarios.head(id);
      if (!head) return scenarioNotFound(c, id);
      c.header('ETag', revisionEtag(head.revision));
      if (ifNoneMatchHits(c, head.revision)) return c.body(null, 304);
      const state = await scenarios.stateAt(head);
      if (!state) return scenarioNotFound(c, id);
      return c.json({ ...toSummary(head), ops: state.ops, state: state.org }, 200);
    })
    .openapi(opsRoute, async (c) => {
      const { id } = c.req.valid('param');
      const headers = c.req.valid('header');
      const { ops } = c.req.valid('json');
      const head = await scenarios.head(id);
      if (!head) return scenarioNotFound(c, id);
      const expected = expectedRevision(c, head, headers['if-match']);
      if (typeof expected !== 'number') return expected;
      const author = authorOf(headers['x-reorg-author']);
      return answerWrite(
        c,
        scenarios,
        head,
        await scenarios.append(head, expected, ops, author),
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
      const author = authorOf(headers['x-reorg-author']);
      const result = await scenarios.restore(head, expected, revision, author);
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

/** The listing shape of a scenario. */
export function toSummary(head: ScenarioHead) {
  return {
    id: head.id,
    orgId: head.orgId,
    name: head.name,
    author: head.author,
    createdAt: head.createdAt.toISOString(),
    revision: head.revision,
    updatedAt: head.updatedAt.toISOString(),
  };
}

function toRevision(row: Awaited<ReturnType<Scenarios['revisions']>>[number]) {
  return {
    revision: row.revision,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    restoredFrom: row.restoredFrom,
    ops: row.ops,
  };
}

/** A 404 problem for a missing scenario. */
export function scenarioNotFound(c: Context, id: string) {
  return problem(c, {
    type: PROBLEM_TYPES.notFound,
    title: 'Not found',
    status: 404,
    detail: `no scenario with id "${id}"`,
  });
}

/** The revision an `If-Match` header allows writing on, or the 428/412 problem to answer. */
function expectedRevision(c: Context, head: ScenarioHead, ifMatch: string | undefined) {
  const parsed = parseIfMatch(ifMatch);
  if (parsed.kind === 'missing') {
    return problem(c, {
      type: PROBLEM_TYPES.preconditionRequired,
      title: 'Precondition required',
      status: 428,
      detail: `send If-Match with the ETag of the revision your change is based on (GET /api/scenarios/${head.id})`,
      errors: [{ in: 'header', path: 'if-match', message: 'required' }],
    });
  }
  if (parsed.kind === 'any' || parsed.revisions.includes(head.revision)) return head.revision;
  return stale(c, head.revision, ifMatch ?? '');
}

function stale(c: Context, latest: number, ifMatch: string) {
  c.header('ETag', revisionEtag(latest));
  return problem(c, {
    type: PROBLEM_TYPES.preconditionFailed,
    title: 'Precondition failed',
    status: 412,
    detail: `the scenario is at revision ${latest}, not ${ifMatch}: nothing was stored. GET it again and re-apply your ops`,
    currentRevision: latest,
  });
}

async function answerWrite(
  c: Context,
  scenarios: Scenarios,
  head: ScenarioHead,
  result: WriteResult,
  author: string,
  restoredFrom: number | null,
) {
  if (result.ok) {
    c.header('ETag', revisionEtag(result.revision));
    c.header('Location', `/api/scenarios/${encodeURIComponent(head.id)}/revisions/${result.revision}`);
    const body = {
      scenarioId: head.id,
      revision: result.revision,
      createdAt: result.createdAt.toISOString(),
      author,
      restoredFrom,
    };
    return c.json(body, 201);
  }
  if (result.reason === 'stale') {
    const latest = (await scenarios.head(head.id))?.revision ?? result.revision;
    return stale(c, latest, `"${head.revision}"`);
  }
  if (result.reason === 'no-revision') {
    return problem(c, {
      type: PROBLEM_TYPES.validation,
      title: 'Validation failed',
      status: 422,
      detail: `there is no revision ${restoredFrom} to restore (latest: ${result.revision})`,
      errors: [{ in: 'body', path: 'revision', message: `no such revision (latest: ${result.revision})` }],
    });
  }
  const { opIndex, code, message } = result.refusal;
  return problem(c, {
    type: PROBLEM_TYPES.opRefused,
    title: 'Op refused',
    status: 422,
    detail: `op ${opIndex} was refused: ${message.replace(/\.$/, '')}. Nothing of the batch was stored`,
    opIndex,
    errors: [{ in: 'body', path: `ops.${opIndex}`, opIndex, code, message }],
  });
}
