import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { ComparisonSchema, compareScenarios, IsoDateSchema } from '@reorg/model';
import { type AppEnv, ID_PATTERN, IdParamSchema } from '../http';
import { PROBLEM_TYPES, problem, problemResponse } from '../problem';
import { countByLayer } from '../services/layer-counts';
import type { Scenarios } from '../services/scenarios';

const LayerCountSchema = z.object({
  layer: z.number().int(),
  people: z
    .number()
    .int()
    .openapi({ description: 'Records in the layer (an aggregate as its FTE rounded up).' }),
  managers: z.number().int().openapi({ description: 'Of them, records with direct reports.' }),
});

/** Most scenarios compared at once. */
export const MAX_COMPARED = 12;

/** `?ids=` as a pattern: 1 to MAX_COMPARED ids of {@link ID_PATTERN}, separated by commas. */
function compareIdsPattern(): string {
  const id = ID_PATTERN.slice(1, -1);
  return `^${id}(,${id}){0,${MAX_COMPARED - 1}}$`;
}

const CompareQuerySchema = z.object({
  ids: z
    .string()
    .transform((s) =>
      s
        .split(',')
        .map((id) => id.trim())
        .filter((id) => id !== ''),
    )
    .pipe(z.array(IdParamSchema).min(1).max(MAX_COMPARED))
    .openapi({
      description: `Comma-separated scenario ids (1 to ${MAX_COMPARED}), all of one org; an id has no comma.`,
      example: 'a,b',
      pattern: compareIdsPattern(),
    }),
  asOf: IsoDateSchema.optional().openapi({
    description: 'Date to measure tenure to (default: each org’s own).',
  }),
});

const compareRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'Compare scenarios of one org side by side, each against the baseline',
  request: { query: CompareQuerySchema },
  responses: {
    200: {
      description: 'Metrics of each scenario and its diff/disruption against the baseline',
      content: {
        'application/json': {
          schema: z.object({
            orgId: z.string(),
            scenarios: z.array(z.object({ id: z.string(), name: z.string(), revision: z.number().int() })),
            comparison: z.lazy(() => ComparisonSchema).openapi('Comparison'),
            layers: z
              .object({
                baseline: z.array(LayerCountSchema),
                scenarios: z.record(z.string(), z.array(LayerCountSchema)),
              })
              .openapi({
                description:
                  'People per layer of the reporting tree, top first (the layers pyramid), by scenario id.',
              }),
          }),
        },
      },
    },
    404: problemResponse('A scenario does not exist'),
    422: problemResponse('Invalid ids, or scenarios of different orgs'),
  },
});

/** `/api/compare?ids=a,b`. */
export function createCompareRoutes(scenarios: Scenarios) {
  return new OpenAPIHono<AppEnv>().openapi(compareRoute, async (c) => {
    const { ids: listed, asOf } = c.req.valid('query');
    const ids = [...new Set(listed)];
    const heads = await Promise.all(ids.map((id) => scenarios.head(id)));
    const missing = ids.filter((_, k) => !heads[k]);
    if (missing.length > 0) {
      return problem(c, {
        type: PROBLEM_TYPES.notFound,
        title: 'Not found',
        status: 404,
        detail: `no scenario with id ${missing.map((id) => `"${id}"`).join(', ')}`,
        errors: missing.map((id) => ({ in: 'query' as const, path: 'ids', message: `no scenario "${id}"` })),
      });
    }
    const found = heads.filter((h) => h !== undefined);
    const orgIds = [...new Set(found.map((h) => h.orgId))];
    if (orgIds.length > 1) {
      return problem(c, {
        type: PROBLEM_TYPES.validation,
        title: 'Validation failed',
        status: 422,
        detail: `scenarios compared together must share one baseline; these belong to ${orgIds.join(', ')}`,
        errors: [{ in: 'query', path: 'ids', message: 'scenarios of different orgs' }],
      });
    }
    const orgId = orgIds[0]!;
    const [baseline, states] = await Promise.all([
      scenarios.baselineOf(found[0]!),
      Promise.all(found.map((h) => scenarios.stateAt(h))),
    ]);
    if (!baseline || states.some((s) => !s)) throw new Error(`scenario state of org ${orgId} vanished`);
    const comparison = compareScenarios(
      baseline.org,
      found.map((h, k) => ({ id: h.id, name: h.name, org: states[k]!.org })),
      asOf ? { asOf } : {},
    );
    const layers = {
      baseline: countByLayer(baseline.org),
      scenarios: Object.fromEntries(found.map((h, k) => [h.id, countByLayer(states[k]!.org)])),
    };
    return c.json(
      {
        orgId,
        scenarios: found.map((h) => ({ id: h.id, name: h.name, revision: h.revision })),
        comparison,
        layers,
      },
      200,
    );
  });
}
