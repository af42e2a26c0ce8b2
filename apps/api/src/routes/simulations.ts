import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { type AppEnv, limitBody } from '../http';
import { PROBLEM_TYPES, problem, problemResponse } from '../problem';
import type { Simulations } from '../services/simulations';
import { SimulateBodySchema, SimulationAnswerSchema } from './plan-schemas';
import { PLAN_BODY_LIMIT } from './plans';

const simulateRoute = createRoute({
  method: 'post',
  path: '/',
  summary: 'Simulate a headcount plan on an org or a scenario',
  description:
    'Monte Carlo simulation (`simulatePlan` of @reorg/model) of a plan given in the body or saved with a scenario, on an org’s baseline or a scenario (at a revision). Quarterly p10/p50/p90 bands; the same seed gives the same body, byte for byte.',
  middleware: [limitBody(PLAN_BODY_LIMIT)] as const,
  request: {
    body: { required: true, content: { 'application/json': { schema: SimulateBodySchema } } },
  },
  responses: {
    200: {
      description: 'The simulation result, with what it ran on',
      content: { 'application/json': { schema: SimulationAnswerSchema } },
    },
    404: problemResponse('No such org, scenario, revision or saved plan'),
    413: problemResponse('Body too large'),
    422: problemResponse('Invalid body (every issue with its path), or a saved plan of another org'),
  },
});

/** `/api/simulations`: run a headcount plan over quarters. */
export function createSimulationRoutes(simulations: Simulations) {
  return new OpenAPIHono<AppEnv>().openapi(simulateRoute, async (c) => {
    const body = c.req.valid('json');
    const outcome = await simulations.run(body);
    if (outcome.ok) return c.json({ ...outcome.result, target: outcome.target }, 200);
    if (outcome.reason === 'not-found') {
      return problem(c, {
        type: PROBLEM_TYPES.notFound,
        title: 'Not found',
        status: 404,
        detail: outcome.detail,
        errors: [{ in: 'body', path: outcome.field, message: outcome.detail }],
      });
    }
    return problem(c, {
      type: PROBLEM_TYPES.validation,
      title: 'Validation failed',
      status: 422,
      detail: outcome.detail,
      errors: [{ in: 'body', path: 'planId', message: outcome.detail }],
    });
  });
}
