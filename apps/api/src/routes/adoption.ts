import { randomUUID } from 'node:crypto';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { getManagerAnnouncements } from '@reorg/model';
import type { Guards } from '../auth/guards';
import { auditActor, forbidden } from '../auth/middleware';
import { canAdopt, canEditOn } from '../auth/policy';
import { type AppEnv, BODY_LIMITS, limitBody, revisionEtag } from '../http';
import { problemResponse } from '../problem';
import { IdParamsSchema } from '../schemas';
import { changeListCsv, changeListXlsx } from '../services/change-list-files';
import type { Review } from '../services/review';
import type { Scenarios } from '../services/scenarios';
import { reviewProblem } from './review';
import {
  AdoptBodySchema,
  AdoptionSchema,
  ChangeListQuerySchema,
  ChangeListSchema,
  RebaseBodySchema,
  RebasePreviewSchema,
} from './review-schemas';
import { scenarioNotFound, toSummary } from './scenario-answers';
import { ScenarioSummarySchema } from './scenario-schemas';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const adoptRoute = createRoute({
  method: 'post',
  path: '/{id}/adopt',
  operationId: 'adoptScenario',
  summary: "Adopt an approved scenario as the org's new baseline",
  description:
    'Admins and HR on the org. The scenario must be approved at its latest revision and on the org’s latest baseline. Its state becomes a new immutable baseline revision (the old one is kept); other scenarios on the old baseline are listed for a rebase.',
  middleware: [limitBody(BODY_LIMITS.small)] as const,
  request: {
    params: IdParamsSchema,
    body: { required: false, content: { 'application/json': { schema: AdoptBodySchema } } },
  },
  responses: {
    201: json(AdoptionSchema, 'Adopted: the new baseline revision and the number of change-list rows'),
    401: problemResponse('Not signed in'),
    403: problemResponse('Only admins and HR on the org may adopt'),
    404: problemResponse('No such scenario (or one you may not see)'),
    409: problemResponse('Not approved at its latest revision, or not on the latest baseline (rebase first)'),
    413: problemResponse('Body too large'),
    422: problemResponse('Invalid body (effectiveDate is YYYY-MM-DD)'),
  },
});

const changeListRoute = createRoute({
  method: 'get',
  path: '/{id}/change-list',
  operationId: 'getScenarioChangeList',
  summary:
    'The change list of a scenario: one row per person whose manager, team, level, title or status changes',
  description:
    'Against the baseline the scenario was made on. JSON (with a per-manager announcement summary), CSV (formula-safe) or xlsx, with the column names of Workday or BambooHR mass-update imports. Before adoption it is a preview.',
  request: { params: IdParamsSchema, query: ChangeListQuerySchema },
  responses: {
    200: {
      description: 'The change list',
      content: {
        'application/json': { schema: ChangeListSchema },
        'text/csv': { schema: z.string() },
        [XLSX]: { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    401: problemResponse('Not signed in'),
    404: problemResponse('No such scenario (or one you may not see)'),
    422: problemResponse('Invalid query'),
  },
});

const rebasePreviewRoute = createRoute({
  method: 'get',
  path: '/{id}/rebase',
  operationId: 'previewScenarioRebase',
  summary: "What rebasing a scenario onto its org's latest baseline keeps, and its conflicts per op",
  request: { params: IdParamsSchema },
  responses: {
    200: json(RebasePreviewSchema, 'The ops kept and the conflicts (none when it is up to date)'),
    401: problemResponse('Not signed in'),
    404: problemResponse('No such scenario (or one you may not see)'),
    422: problemResponse('Invalid id'),
  },
});

const rebaseRoute = createRoute({
  method: 'post',
  path: '/{id}/rebase',
  operationId: 'rebaseScenario',
  summary: 'Rebase a scenario onto the latest baseline, as a new scenario',
  description:
    'The scenario stays as it was (on its baseline); a new scenario of yours on the latest baseline holds the ops that still apply, in order. The conflicts (ops left out) are in the answer, by op index.',
  middleware: [limitBody(BODY_LIMITS.small)] as const,
  request: {
    params: IdParamsSchema,
    body: { required: false, content: { 'application/json': { schema: RebaseBodySchema } } },
  },
  responses: {
    201: json(
      z.object({ scenario: ScenarioSummarySchema, preview: RebasePreviewSchema }),
      'The new scenario, and what was kept and left out',
    ),
    401: problemResponse('Not signed in'),
    403: problemResponse('Your role on the org may not create scenarios'),
    404: problemResponse('No such scenario (or one you may not see)'),
    409: problemResponse('The scenario is on the latest baseline already'),
    413: problemResponse('Body too large'),
    422: problemResponse('Invalid body'),
  },
});

/** `/api/scenarios/:id/adopt`, `…/change-list`, `…/rebase` (issue 14, item 5). */
export function createAdoptionRoutes(
  scenarios: Scenarios,
  review: Review,
  guards: Guards,
  today: () => string,
) {
  return new OpenAPIHono<AppEnv>()
    .openapi(adoptRoute, async (c) => {
      const { id } = c.req.valid('param');
      const text = await c.req.text();
      const body = AdoptBodySchema.safeParse(text.trim() === '' ? {} : safeJson(text));
      if (!body.success) {
        return reviewProblem(c, {
          status: 422,
          path: 'effectiveDate',
          message: body.error.issues[0]?.message ?? 'invalid body',
        }) as never;
      }
      const head = await scenarios.head(id);
      if (!head) return scenarioNotFound(c, id);
      if (!canAdopt(c.var.principal, head.orgId))
        return forbidden(c, 'only admins and HR on the org may adopt a scenario') as never;
      const effectiveDate = body.data.effectiveDate ?? today();
      const result = await review.adopt(head, effectiveDate, c.var.principal.email, auditActor(c));
      if (!result.ok) return reviewProblem(c, result.error) as never;
      // Only the scenarios the caller may see: a private scenario's name is not theirs to read.
      const others = (
        await guards.visibleScenarios(c.var.principal, await scenarios.list(head.orgId))
      ).filter((s) => s.id !== id && s.baselineRevision < result.baselineRevision);
      return c.json(
        {
          scenarioId: id,
          orgId: head.orgId,
          baselineRevision: result.baselineRevision,
          effectiveDate,
          changes: result.rows.length,
          rebase: others.map((s) => ({ scenarioId: s.id, name: s.name })),
        },
        201,
      );
    })
    .openapi(changeListRoute, async (c) => {
      const { id } = c.req.valid('param');
      const query = c.req.valid('query');
      const head = await scenarios.head(id);
      if (!head) return scenarioNotFound(c, id);
      const adoption = await review.adoption(id);
      const effectiveDate = query.effectiveDate ?? adoption?.effectiveDate ?? today();
      const rows = await review.changeList(head, effectiveDate, adoption?.scenarioRevision ?? head.revision);
      const file = `${id}-change-list-${query.columns}`;
      if (query.format === 'csv') {
        c.header('Content-Disposition', `attachment; filename="${file}.csv"`);
        return c.body(changeListCsv(rows, query.columns), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
        }) as never;
      }
      if (query.format === 'xlsx') {
        c.header('Content-Disposition', `attachment; filename="${file}.xlsx"`);
        const bytes = await changeListXlsx(rows, query.columns);
        return c.body(bytes as unknown as ArrayBuffer, 200, { 'Content-Type': XLSX }) as never;
      }
      return c.json(
        {
          scenarioId: id,
          effectiveDate,
          adopted: adoption !== undefined,
          baselineRevision: adoption?.baselineRevision ?? null,
          rows,
          announcements: getManagerAnnouncements(rows),
        },
        200,
      );
    })
    .openapi(rebasePreviewRoute, async (c) => {
      const { id } = c.req.valid('param');
      const head = await scenarios.head(id);
      if (!head) return scenarioNotFound(c, id);
      const preview = await review.rebasePreview(head);
      return c.json(
        {
          scenarioId: id,
          from: preview.from,
          to: preview.to,
          upToDate: preview.result === null,
          kept: preview.result?.kept.length ?? 0,
          conflicts: preview.result?.conflicts ?? [],
        },
        200,
      );
    })
    .openapi(rebaseRoute, async (c) => {
      const { id } = c.req.valid('param');
      const text = await c.req.text();
      const body = RebaseBodySchema.safeParse(text.trim() === '' ? {} : safeJson(text));
      if (!body.success) {
        return reviewProblem(c, {
          status: 422,
          path: 'name',
          message: body.error.issues[0]?.message ?? 'invalid body',
        }) as never;
      }
      const head = await scenarios.head(id);
      if (!head) return scenarioNotFound(c, id);
      if (!canEditOn(c.var.principal, head.orgId))
        return forbidden(c, 'your role on the org may not create scenarios') as never;
      const preview = await review.rebasePreview(head);
      if (!preview.result) {
        return reviewProblem(c, {
          status: 409,
          code: 'stale_baseline',
          message: `scenario "${id}" is on the latest baseline (${preview.to}) already`,
        }) as never;
      }
      const newId = `${id.slice(0, 180)}-b${preview.to}-${randomUUID().slice(0, 6)}`;
      const name = body.data.name ?? `${head.name} (rebased)`;
      const created = await scenarios.create(
        { id: newId, orgId: head.orgId, name, ops: preview.result.kept, author: c.var.principal.email },
        {
          ...auditActor(c),
          action: 'scenario.rebase',
          orgId: head.orgId,
          subject: newId,
          detail: {
            from: id,
            baselineRevision: preview.to,
            kept: preview.result.kept.length,
            conflicts: preview.result.conflicts.map((k) => k.opIndex),
          },
        },
      );
      if (!created.ok) throw new Error(`rebase of ${id} failed: ${created.reason}`);
      c.header('ETag', revisionEtag(1));
      return c.json(
        {
          scenario: toSummary(created.head, 'owner'),
          preview: {
            scenarioId: id,
            from: preview.from,
            to: preview.to,
            upToDate: false,
            kept: preview.result.kept.length,
            conflicts: preview.result.conflicts,
          },
        },
        201,
      );
    });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return Symbol('invalid');
  }
}
