import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { HeadcountPlan } from '@reorg/model';
import type { Context } from 'hono';
import { auditActor } from '../auth/middleware';
import type { AppendPlanResult, PlanRecord, PlanStore } from '../db/plan-store';
import { type AppEnv, limitBody, parseIfMatch, revisionEtag, WriteHeadersSchema } from '../http';
import { PROBLEM_TYPES, problem, problemResponse } from '../problem';
import { IdParamsSchema } from '../schemas';
import { generatedId, notFound, planExists, toPlanRevision, toSavedPlan } from './plan-answers';
import {
  DuplicatePlanBodySchema,
  PlanRevisionSchema,
  SavedPlanSchema,
  UpdatePlanBodySchema,
} from './plan-schemas';
import { etagHeader, json, PLAN_BODY_LIMIT } from './plans';

const writeResponses = {
  401: problemResponse('Not signed in'),
  403: problemResponse("You may see this plan's scenario but not change it"),
  404: problemResponse('No such plan'),
  412: problemResponse('If-Match is not the latest revision: nothing stored; GET the plan again'),
  422: problemResponse('Invalid body or id (every issue with its path)'),
  428: problemResponse('If-Match missing'),
} as const;

const updateRoute = createRoute({
  method: 'put',
  path: '/plans/{id}',
  operationId: 'updatePlan',
  summary: 'Save a new revision of a headcount plan (change, rename, or restore a deleted one)',
  description:
    'Requires `If-Match` with the latest revision (as for scenarios). Appends the next revision with the new name and/or plan (HeadcountPlanSchema, defaults filled in); earlier revisions stay. Saving a deleted plan restores it.',
  middleware: [limitBody(PLAN_BODY_LIMIT)] as const,
  request: {
    params: IdParamsSchema,
    headers: WriteHeadersSchema,
    body: { required: true, content: { 'application/json': { schema: UpdatePlanBodySchema } } },
  },
  responses: {
    200: json(SavedPlanSchema, 'Saved as the next revision', etagHeader),
    ...writeResponses,
    413: problemResponse('Body too large'),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/plans/{id}',
  operationId: 'deletePlan',
  summary: 'Delete a headcount plan (a revision marked deleted; its history stays)',
  description:
    'Requires `If-Match`. Appends a revision with `deleted: true`: the plan leaves the lists, `GET /api/plans/{id}` and its revisions still answer, and `PUT` restores it.',
  request: { params: IdParamsSchema, headers: WriteHeadersSchema },
  responses: {
    200: json(SavedPlanSchema, 'Deleted (the new revision)', etagHeader),
    ...writeResponses,
    409: problemResponse('The plan is already deleted'),
  },
});

const duplicateRoute = createRoute({
  method: 'post',
  path: '/plans/{id}/duplicate',
  operationId: 'duplicatePlan',
  summary: 'Copy a headcount plan into a new plan of the same scenario',
  middleware: [limitBody(PLAN_BODY_LIMIT)] as const,
  request: {
    params: IdParamsSchema,
    body: { required: false, content: { 'application/json': { schema: DuplicatePlanBodySchema } } },
  },
  responses: {
    201: json(SavedPlanSchema, 'The copy, as revision 1 of a new plan', etagHeader),
    401: problemResponse('Not signed in'),
    403: problemResponse("You may see this plan's scenario but not change it"),
    404: problemResponse('No such plan'),
    409: problemResponse('A plan with this id exists'),
    413: problemResponse('Body too large'),
    422: problemResponse('Invalid body or id'),
  },
});

const revisionsRoute = createRoute({
  method: 'get',
  path: '/plans/{id}/revisions',
  operationId: 'listPlanRevisions',
  summary: 'Every revision of a headcount plan, oldest first',
  request: { params: IdParamsSchema },
  responses: {
    200: json(
      z.object({ planId: z.string(), revisions: z.array(PlanRevisionSchema) }).openapi('PlanRevisions'),
      'Revisions, oldest first',
      etagHeader,
    ),
    401: problemResponse('Not signed in'),
    404: problemResponse('No such plan'),
    422: problemResponse('Invalid id'),
  },
});

/**
 * Changes to saved headcount plans, mounted under `/api` (the plan guard has already checked
 * that the caller may edit the plan's scenario): `PUT|DELETE /plans/:id` (If-Match, a new
 * revision each), `POST /plans/:id/duplicate`, `GET /plans/:id/revisions`.
 */
export function createPlanEditRoutes(plans: PlanStore) {
  return new OpenAPIHono<AppEnv>()
    .openapi(updateRoute, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const current = await plans.get(id);
      if (!current) return missing(c, id) as never;
      const expected = expectedPlanRevision(c, current, c.req.valid('header')['if-match']);
      if (typeof expected !== 'number') return expected as never;
      const name = body.name ?? current.name;
      const plan = (body.plan as HeadcountPlan | undefined) ?? current.plan;
      const what = [
        body.name !== undefined && name !== current.name ? 'rename' : null,
        body.plan ? 'plan' : null,
      ];
      const audit = {
        ...auditActor(c),
        action: current.deleted ? 'plan.restore' : 'plan.update',
        subject: id,
        detail: { revision: expected + 1, changed: what.filter(Boolean), name },
      };
      const result = await plans.append(
        id,
        expected,
        { name, plan, deleted: false, author: c.var.principal.email },
        audit,
      );
      return answerAppend(c, id, result) as never;
    })
    .openapi(deleteRoute, async (c) => {
      const { id } = c.req.valid('param');
      const current = await plans.get(id);
      if (!current) return missing(c, id) as never;
      const expected = expectedPlanRevision(c, current, c.req.valid('header')['if-match']);
      if (typeof expected !== 'number') return expected as never;
      if (current.deleted) {
        return problem(c, {
          type: PROBLEM_TYPES.conflict,
          title: 'Already deleted',
          status: 409,
          detail: `headcount plan "${id}" was deleted at revision ${current.revision}; PUT it to restore it`,
        });
      }
      const audit = {
        ...auditActor(c),
        action: 'plan.delete',
        subject: id,
        detail: { revision: expected + 1 },
      };
      const result = await plans.append(
        id,
        expected,
        { name: current.name, plan: current.plan, deleted: true, author: c.var.principal.email },
        audit,
      );
      return answerAppend(c, id, result) as never;
    })
    .openapi(duplicateRoute, async (c) => {
      const { id } = c.req.valid('param');
      const body = (c.req.valid('json') ?? {}) as z.infer<typeof DuplicatePlanBodySchema>;
      const source = await plans.get(id);
      if (!source || source.deleted) return missing(c, id) as never;
      const name = body.name ?? `${source.name} (copy)`.slice(0, 200);
      const copyId = body.id ?? generatedId(name);
      const audit = {
        ...auditActor(c),
        action: 'plan.duplicate',
        subject: copyId,
        detail: { from: id, fromRevision: source.revision, scenarioId: source.scenarioId, name },
      };
      const saved = await plans.insert(
        { id: copyId, scenarioId: source.scenarioId, name, plan: source.plan, author: c.var.principal.email },
        audit,
      );
      if (saved.status === 'no-scenario') return missing(c, id) as never;
      if (saved.status === 'exists') return planExists(c, copyId) as never;
      c.header('Location', `/api/plans/${encodeURIComponent(copyId)}`);
      c.header('ETag', revisionEtag(1));
      return c.json(toSavedPlan(saved.record), 201);
    })
    .openapi(revisionsRoute, async (c) => {
      const { id } = c.req.valid('param');
      const revisions = await plans.revisions(id);
      if (revisions.length === 0) return missing(c, id) as never;
      c.header('ETag', revisionEtag(revisions.length));
      return c.json({ planId: id, revisions: revisions.map(toPlanRevision) }, 200);
    });
}

function missing(c: Context, id: string) {
  return notFound(c, `no headcount plan with id "${id}"`);
}

/** The revision If-Match names when it is the latest; else the 428 or 412 to answer. */
function expectedPlanRevision(c: Context, current: PlanRecord, ifMatch: string | undefined) {
  const parsed = parseIfMatch(ifMatch);
  if (parsed.kind === 'missing') {
    return problem(c, {
      type: PROBLEM_TYPES.preconditionRequired,
      title: 'Precondition required',
      status: 428,
      detail: `send If-Match with the ETag of the revision your change is based on (GET /api/plans/${current.id})`,
      errors: [{ in: 'header', path: 'if-match', message: 'required' }],
    });
  }
  if (parsed.kind === 'any' || parsed.revisions.includes(current.revision)) return current.revision;
  return stale(c, current.id, current.revision, ifMatch ?? '');
}

function stale(c: Context, id: string, latest: number, ifMatch: string) {
  c.header('ETag', revisionEtag(latest));
  return problem(c, {
    type: PROBLEM_TYPES.preconditionFailed,
    title: 'Precondition failed',
    status: 412,
    detail: `headcount plan "${id}" is at revision ${latest}, not ${ifMatch}: nothing was stored. GET it again and re-apply your change`,
    currentRevision: latest,
  });
}

function answerAppend(c: Context, id: string, result: AppendPlanResult) {
  if (result.status === 'not-found') return missing(c, id);
  if (result.status === 'conflict') return stale(c, id, result.latest, c.req.header('if-match') ?? '');
  c.header('ETag', revisionEtag(result.record.revision));
  return c.json(toSavedPlan(result.record), 200);
}
