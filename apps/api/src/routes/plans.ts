import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Guards } from '../auth/guards';
import { auditActor } from '../auth/middleware';
import type { PlanStore } from '../db/plan-store';
import { type AppEnv, limitBody, revisionEtag } from '../http';
import { problemResponse } from '../problem';
import { IdParamsSchema } from '../schemas';
import { generatedId, notFound, planExists, toSavedPlan } from './plan-answers';
import { CreatePlanBodySchema, SavedPlanSchema } from './plan-schemas';

/** Largest body of the plan routes: 1 MB (a plan of ten thousand hire lines). */
export const PLAN_BODY_LIMIT = 1024 * 1024;

/** The ETag header of a plan answer: its latest revision. */
export const etagHeader = {
  ETag: { description: 'The latest revision, e.g. `"3"`', schema: { type: 'string' as const } },
};

export const json = <T extends z.ZodType>(schema: T, description: string, headers?: typeof etagHeader) => ({
  description,
  content: { 'application/json': { schema } },
  ...(headers ? { headers } : {}),
});

const createPlanRoute = createRoute({
  method: 'post',
  path: '/scenarios/{id}/plans',
  operationId: 'createPlan',
  summary: 'Save a headcount plan with a scenario',
  description:
    'Validates the plan (HeadcountPlanSchema of @reorg/model) and stores it with its defaults filled in, as revision 1 (ETag `"1"`). Later changes are new revisions (`PUT /api/plans/{id}` with If-Match).',
  middleware: [limitBody(PLAN_BODY_LIMIT)] as const,
  request: {
    params: IdParamsSchema,
    body: { required: true, content: { 'application/json': { schema: CreatePlanBodySchema } } },
  },
  responses: {
    201: json(SavedPlanSchema, 'Saved as revision 1', etagHeader),
    401: problemResponse('Not signed in'),
    403: problemResponse('You may not change this scenario'),
    404: problemResponse('No such scenario'),
    409: problemResponse('A plan with this id exists'),
    413: problemResponse('Body too large'),
    422: problemResponse('Invalid plan: every issue with its path, e.g. plan.hires.2.quarter'),
  },
});

const scenarioPlansRoute = createRoute({
  method: 'get',
  path: '/scenarios/{id}/plans',
  operationId: 'listScenarioPlans',
  summary: 'List the headcount plans saved with a scenario',
  request: { params: IdParamsSchema },
  responses: {
    200: json(
      z.object({ scenarioId: z.string(), plans: z.array(SavedPlanSchema) }),
      'Plans at their latest revision, oldest first; deleted ones left out',
    ),
    401: problemResponse('Not signed in'),
    404: problemResponse('No such scenario'),
    422: problemResponse('Invalid id'),
  },
});

const orgPlansRoute = createRoute({
  method: 'get',
  path: '/orgs/{id}/plans',
  operationId: 'listOrgPlans',
  summary: 'List the headcount plans saved with any scenario of an org',
  request: { params: IdParamsSchema },
  responses: {
    200: json(
      z.object({ orgId: z.string(), plans: z.array(SavedPlanSchema) }),
      'Plans you may see at their latest revision, oldest first; deleted ones left out',
    ),
    401: problemResponse('Not signed in'),
    404: problemResponse('No such org'),
    422: problemResponse('Invalid id'),
  },
});

const planRoute = createRoute({
  method: 'get',
  path: '/plans/{id}',
  operationId: 'getPlan',
  summary: 'Get a saved headcount plan',
  request: { params: IdParamsSchema },
  responses: {
    200: json(
      SavedPlanSchema,
      'The plan at its latest revision (deleted ones too, with `deleted: true`)',
      etagHeader,
    ),
    401: problemResponse('Not signed in'),
    404: problemResponse('No such plan'),
    422: problemResponse('Invalid id'),
  },
});

/** What the plan routes need. */
export interface PlanRouteDeps {
  guards: Guards;
  plans: PlanStore;
  scenarioExists(id: string): Promise<boolean>;
  orgExists(id: string): Promise<boolean>;
}

/**
 * Headcount plans saved with scenarios, mounted under `/api`: `POST|GET /scenarios/:id/plans`,
 * `GET /orgs/:id/plans`, `GET /plans/:id`.
 */
export function createPlanRoutes({ guards, plans, scenarioExists, orgExists }: PlanRouteDeps) {
  return new OpenAPIHono<AppEnv>()
    .openapi(createPlanRoute, async (c) => {
      const { id: scenarioId } = c.req.valid('param');
      const body = c.req.valid('json');
      const author = c.var.principal.email;
      const name = body.name ?? body.plan.name?.trim() ?? 'Untitled plan';
      const id = body.id ?? generatedId(name);
      const audit = { ...auditActor(c), action: 'plan.create', subject: id, detail: { scenarioId, name } };
      const saved = await plans.insert(
        { id, scenarioId, name: name || 'Untitled plan', plan: body.plan, author },
        audit,
      );
      if (saved.status === 'no-scenario') return notFound(c, `no scenario with id "${scenarioId}"`);
      if (saved.status === 'exists') return planExists(c, id);
      c.header('Location', `/api/plans/${encodeURIComponent(id)}`);
      c.header('ETag', revisionEtag(1));
      return c.json(toSavedPlan(saved.record), 201);
    })
    .openapi(scenarioPlansRoute, async (c) => {
      const { id } = c.req.valid('param');
      if (!(await scenarioExists(id))) return notFound(c, `no scenario with id "${id}"`);
      const list = await plans.listByScenario(id);
      return c.json({ scenarioId: id, plans: list.map(toSavedPlan) }, 200);
    })
    .openapi(orgPlansRoute, async (c) => {
      const { id } = c.req.valid('param');
      if (!(await orgExists(id))) return notFound(c, `no org with id "${id}"`);
      const all = await plans.listByOrg(id);
      const visible = new Set(
        (
          await guards.visibleScenarios(
            c.var.principal,
            [...new Set(all.map((p) => p.scenarioId))].map((s) => ({ id: s })),
          )
        ).map((s) => s.id),
      );
      const list = all.filter((p) => visible.has(p.scenarioId));
      return c.json({ orgId: id, plans: list.map(toSavedPlan) }, 200);
    })
    .openapi(planRoute, async (c) => {
      const { id } = c.req.valid('param');
      const record = await plans.get(id);
      if (!record) return notFound(c, `no headcount plan with id "${id}"`);
      c.header('ETag', revisionEtag(record.revision));
      return c.json(toSavedPlan(record), 200);
    });
}
