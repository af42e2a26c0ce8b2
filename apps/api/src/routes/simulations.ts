import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../http';
import { PROBLEM_TYPES, problem, problemResponse } from '../problem';

const simulateRoute = createRoute({
  method: 'post',
  path: '/',
  summary: 'Simulate a headcount plan (not implemented yet)',
  responses: { 501: problemResponse('Not implemented yet') },
});

/** `/api/simulations`: a later issue; answers 501 with a problem until then. */
export function createSimulationRoutes() {
  return new OpenAPIHono<AppEnv>().openapi(simulateRoute, (c) =>
    problem(c, {
      type: PROBLEM_TYPES.notImplemented,
      title: 'Not implemented',
      status: 501,
      detail: 'headcount-plan simulation over HTTP is not implemented yet; use `reorg simulate`',
    }),
  );
}
