import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Store } from '../db/store';
import type { AppEnv } from '../http';
import { PROBLEM_TYPES, problem, problemResponse } from '../problem';

const healthRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'Health: the server is up and its database answers',
  responses: {
    200: {
      description: 'Healthy',
      content: {
        'application/json': {
          schema: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }),
        },
      },
    },
    503: problemResponse('The database does not answer'),
  },
});

/** `/api/health`. */
export function createHealthRoutes(store: Store) {
  return new OpenAPIHono<AppEnv>().openapi(healthRoute, async (c) => {
    try {
      await store.ping();
    } catch {
      return problem(c, {
        type: PROBLEM_TYPES.internal,
        title: 'Database unavailable',
        status: 503,
        detail: 'the database did not answer',
      });
    }
    return c.json({ status: 'ok' as const, database: store.engine }, 200);
  });
}
