import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Guards } from '../auth/guards';
import { type AppEnv, limitBody } from '../http';
import { PROBLEM_TYPES, problem, problemResponse } from '../problem';
import { MAX_SIMULATION_WORK, type Simulations } from '../services/simulations';
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
    422: problemResponse(
      'Invalid body (every issue with its path), a saved plan of another org, or more work than the cap (runs × quarters × people)',
    ),
    429: problemResponse(
      'Every simulation worker is busy and the queue is full: retry after `Retry-After` seconds',
    ),
    503: problemResponse('The client went away: the simulation was cancelled'),
  },
});

const poolRoute = createRoute({
  method: 'get',
  path: '/pool',
  summary: 'How busy the simulation workers are',
  responses: {
    200: {
      description: 'Worker threads, queue limit, simulations running and waiting',
      content: {
        'application/json': {
          schema: z
            .object({
              threads: z.number().int(),
              queueLimit: z.number().int(),
              running: z.number().int(),
              queued: z.number().int(),
              maxWork: z.number().int().openapi({ description: 'The cap on runs × quarters × people.' }),
            })
            .openapi('SimulationPoolStatus'),
        },
      },
    },
  },
});

/**
 * `/api/simulations`: run a headcount plan over quarters on the worker pool (cancelled when the
 * client goes away), and `GET /api/simulations/pool`: how busy the pool is.
 */
export function createSimulationRoutes(simulations: Simulations, guards: Guards) {
  return new OpenAPIHono<AppEnv>()
    .openapi(poolRoute, (c) => c.json({ ...simulations.pool.status(), maxWork: MAX_SIMULATION_WORK }, 200))
    .openapi(simulateRoute, async (c) => {
      const body = c.req.valid('json');
      const refused = await guards.simulation(c, body);
      if (refused) return refused as never;
      const outcome = await simulations.run(body, c.req.raw.signal);
      if (outcome.ok) return c.json({ ...outcome.result, target: outcome.target }, 200);
      if (outcome.reason === 'too-big') {
        return problem(c, {
          type: PROBLEM_TYPES.validation,
          title: 'Simulation too large',
          status: 422,
          detail: outcome.detail,
          cap: outcome.cap,
          work: outcome.work,
          errors: [{ in: 'body', path: 'runs', message: outcome.detail }],
        });
      }
      if (outcome.reason === 'queue-full') {
        c.header('Retry-After', String(outcome.retryAfterSeconds));
        return problem(c, {
          type: PROBLEM_TYPES.busy,
          title: 'Too many simulations',
          status: 429,
          detail: outcome.detail,
        });
      }
      if (outcome.reason === 'cancelled') {
        return problem(c, {
          type: PROBLEM_TYPES.cancelled,
          title: 'Cancelled',
          status: 503,
          detail: outcome.detail,
        });
      }
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
