import { randomUUID } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Guards } from '../auth/guards';
import { auditActor } from '../auth/middleware';
import { type AppEnv, BODY_LIMITS, limitBody, revisionEtag } from '../http';
import { PROBLEM_TYPES, problem, problemResponse } from '../problem';
import { IdParamsSchema } from '../schemas';
import type { Review } from '../services/review';
import type { Scenarios } from '../services/scenarios';
import { toSummary } from './scenario-answers';
import { CreateScenarioBodySchema, ScenarioSchema, ScenarioSummarySchema } from './scenario-schemas';

const createScenarioRoute = createRoute({
  method: 'post',
  path: '/{id}/scenarios',
  summary: 'Create a scenario of an org',
  description: 'Revision 1 holds the given ops (default none). If an op is refused, nothing is stored.',
  middleware: [limitBody(BODY_LIMITS.scenario)] as const,
  request: {
    params: IdParamsSchema,
    body: { required: true, content: { 'application/json': { schema: CreateScenarioBodySchema } } },
  },
  responses: {
    201: {
      description: 'Created at revision 1',
      content: { 'application/json': { schema: ScenarioSchema } },
      headers: { ETag: { description: '`"1"`', schema: { type: 'string' } } },
    },
    401: problemResponse('Not signed in'),
    403: problemResponse('Your role on the org may not create scenarios'),
    404: problemResponse('No such org'),
    409: problemResponse('A scenario with this id exists'),
    413: problemResponse('Body too large'),
    422: problemResponse('Invalid body, or an op refused (with its opIndex)'),
  },
});

const listRoute = createRoute({
  method: 'get',
  path: '/{id}/scenarios',
  summary: 'List the scenarios of an org',
  request: { params: IdParamsSchema },
  responses: {
    200: {
      description: 'Scenarios, oldest first',
      content: { 'application/json': { schema: z.object({ scenarios: z.array(ScenarioSummarySchema) }) } },
    },
    404: problemResponse('No such org'),
    422: problemResponse('Invalid id'),
  },
});

/** `/api/orgs/:id/scenarios`: create and list the scenarios of one org. */
export function createOrgScenarioRoutes(
  scenarios: Scenarios,
  orgExists: (id: string) => Promise<boolean>,
  guards: Guards,
  review: Review,
) {
  return new OpenAPIHono<AppEnv>()
    .openapi(createScenarioRoute, async (c) => {
      const { id: orgId } = c.req.valid('param');
      const body = c.req.valid('json');
      const author = c.var.principal.email;
      const id = body.id ?? generatedId(body.name);
      const audit = {
        ...auditActor(c),
        action: 'scenario.create',
        orgId,
        subject: id,
        detail: { name: body.name },
      };
      const created = await scenarios.create(
        { id, orgId, name: body.name, ops: body.ops, author, visibility: body.visibility },
        audit,
      );
      if (created.ok) {
        c.header('ETag', revisionEtag(1));
        c.header('Location', `/api/scenarios/${encodeURIComponent(id)}`);
        const summary = toSummary(created.head, 'owner');
        return c.json({ ...summary, ops: created.state.ops, state: created.state.org }, 201);
      }
      if (created.reason === 'no-org') {
        return problem(c, {
          type: PROBLEM_TYPES.notFound,
          title: 'Not found',
          status: 404,
          detail: `no org with id "${orgId}"`,
        });
      }
      if (created.reason !== 'refused') {
        return problem(c, {
          type: PROBLEM_TYPES.conflict,
          title: 'Scenario exists',
          status: 409,
          detail: `a scenario with id "${id}" exists; choose another id or leave it out`,
          errors: [{ in: 'body', path: 'id', message: 'already exists' }],
        });
      }
      const { opIndex, code, message } = created.refusal;
      return problem(c, {
        type: PROBLEM_TYPES.opRefused,
        title: 'Op refused',
        status: 422,
        detail: `op ${opIndex} was refused: ${message.replace(/\.$/, '')}. Nothing was stored`,
        opIndex,
        errors: [{ in: 'body', path: `ops.${opIndex}`, opIndex, code, message }],
      });
    })
    .openapi(listRoute, async (c) => {
      const { id } = c.req.valid('param');
      if (!(await orgExists(id))) {
        return problem(c, {
          type: PROBLEM_TYPES.notFound,
          title: 'Not found',
          status: 404,
          detail: `no org with id "${id}"`,
        });
      }
      const heads = await guards.visibleScenarios(c.var.principal, await scenarios.list(id));
      const reviews = await review.summaries(heads);
      return c.json({ scenarios: heads.map((h) => toSummary(h, h.access, reviews.get(h.id))) }, 200);
    });
}

/** A scenario id from its name: the name's slug and 8 random hex digits. */
function generatedId(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${slug || 'scenario'}-${randomUUID().slice(0, 8)}`;
}
