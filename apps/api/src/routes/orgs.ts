import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ImportIssue, Org } from '@reorg/model';
import { auditActor } from '../auth/middleware';
import { canSeeOrg } from '../auth/policy';
import type { OrgListItem, OrgRecord, Store } from '../db/store';
import {
  type AppEnv,
  BODY_LIMITS,
  findUnstorableText,
  IdParamSchema,
  limitBody,
  unstorableText,
} from '../http';
import { PROBLEM_TYPES, problem, problemResponse } from '../problem';
import {
  AnalysisSchema,
  AsOfQuerySchema,
  IdParamsSchema,
  ImportQuerySchema,
  OrgCreatedSchema,
  OrgDetailSchema,
  OrgInputDocumentSchema,
  OrgListItemSchema,
} from '../schemas';
import type { Baselines } from '../services/baselines';
import { type ImportFormat, readImport, uniqueVariant } from '../services/org-import';
import { summarizeOrg } from '../services/summary';

/** What the org routes need. */
export interface OrgRoutesDeps {
  store: Store;
  baselines: Baselines;
  /** Today's date, `YYYY-MM-DD`: the default as-of date of CSV imports. */
  today: () => string;
}

const createOrgRoute = createRoute({
  method: 'post',
  path: '/',
  summary: 'Import an org',
  description:
    'Stores an org as an immutable baseline: a JSON org document, a HRIS CSV export (`?format=hris`, the body or a multipart `file`), or a UK organogram pair (`?format=uk-organogram`, multipart files `senior` and `junior`). Import errors list file, row and column; nothing is stored then.',
  middleware: [limitBody(BODY_LIMITS.import)] as const,
  request: {
    query: ImportQuerySchema,
    body: {
      required: true,
      content: {
        'application/json': { schema: { $ref: '#/components/schemas/OrgInput' } },
        'text/csv': { schema: { type: 'string' }, example: 'id,name,manager_id\nada,Ada,\n' },
        'text/plain': {
          schema: { type: 'string', description: 'Read as a HRIS CSV export, like text/csv.' },
        },
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: {
              senior: { type: 'string', format: 'binary' },
              junior: { type: 'string', format: 'binary' },
              file: { type: 'string', format: 'binary' },
            },
          },
        },
      },
    },
  },
  responses: {
    201: { description: 'Imported', content: { 'application/json': { schema: OrgCreatedSchema } } },
    400: problemResponse('Malformed JSON or multipart body'),
    409: problemResponse('An org with this id exists'),
    413: problemResponse('Body over 50 MB'),
    415: problemResponse('Unsupported media type'),
    422: problemResponse('Invalid org, or import errors (file, row, column)'),
  },
});

const listOrgsRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'List orgs',
  responses: {
    200: {
      description: 'Orgs, oldest first',
      content: { 'application/json': { schema: z.object({ orgs: z.array(OrgListItemSchema) }) } },
    },
  },
});

const getOrgRoute = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'Get an org and its baseline document',
  request: { params: IdParamsSchema },
  responses: {
    200: { description: 'The org', content: { 'application/json': { schema: OrgDetailSchema } } },
    404: problemResponse('No such org'),
    422: problemResponse('Invalid id'),
  },
});

const analyzeOrgRoute = createRoute({
  method: 'get',
  path: '/{id}/analysis',
  summary: 'Analyse the baseline of an org',
  request: { params: IdParamsSchema, query: AsOfQuerySchema },
  responses: {
    200: { description: 'The analysis report', content: { 'application/json': { schema: AnalysisSchema } } },
    404: problemResponse('No such org'),
    422: problemResponse('Invalid id or asOf'),
  },
});

/** `/api/orgs`: import, list, read and analyse orgs. Scenario creation is mounted by the scenario routes. */
export function createOrgRoutes(deps: OrgRoutesDeps) {
  const app = new OpenAPIHono<AppEnv>();
  // The JSON body is validated by the import itself; its schema is named here for the document.
  app.openAPIRegistry.register('OrgInput', OrgInputDocumentSchema);
  return app
    .openapi(createOrgRoute, async (c) => {
      const query = c.req.valid('query');
      const outcome = await readImport(c, query, deps.today());
      if (!outcome.ok) return problem(c, outcome.problem);
      const unstorable = findUnstorableText(outcome.org);
      if (unstorable) return unstorableText(c, unstorable);
      const badId = IdParamSchema.safeParse(outcome.org.id);
      if (!badId.success) {
        const message = `the org id "${outcome.org.id}" cannot be used in a path: ${badId.error.issues[0]?.message}`;
        return problem(c, {
          type: PROBLEM_TYPES.validation,
          title: 'Validation failed',
          status: 422,
          detail: message,
          errors: [{ in: outcome.source === 'json' ? 'body' : 'query', path: 'id', message }],
        });
      }
      let record = toRecord(outcome.org, outcome.source, outcome.warnings);
      const audit = (id: string) => ({
        ...auditActor(c),
        action: 'org.import',
        orgId: id,
        subject: id,
        detail: {
          source: outcome.source,
          people: record.summary.people,
          aggregates: record.summary.aggregates,
        },
      });
      let stored = await deps.store.insertOrg(record, audit(record.id));
      if (stored.status === 'exists' && outcome.source !== 'json' && query.id === undefined) {
        // The importer chose the id (e.g. the organisation's name): keep it readable, make it unique.
        record = toRecord(
          { ...outcome.org, id: uniqueVariant(outcome.org.id) },
          outcome.source,
          outcome.warnings,
        );
        stored = await deps.store.insertOrg(record, audit(record.id));
      }
      if (stored.status === 'exists') {
        return problem(c, {
          type: PROBLEM_TYPES.conflict,
          title: 'Org exists',
          status: 409,
          detail: `an org with id "${record.id}" exists; baselines are immutable, so import under another id (${
            outcome.source === 'json' ? "change the document's id" : 'use ?id='
          })`,
          errors: [
            { in: outcome.source === 'json' ? 'body' : 'query', path: 'id', message: 'already exists' },
          ],
        });
      }
      c.header('Location', `/api/orgs/${encodeURIComponent(record.id)}`);
      return c.json(
        { ...toListItem({ ...record, createdAt: stored.createdAt }), warnings: outcome.warnings },
        201,
      );
    })
    .openapi(listOrgsRoute, async (c) => {
      const orgs = (await deps.store.listOrgs()).filter((o) => canSeeOrg(c.var.principal, o.id));
      return c.json({ orgs: orgs.map(toListItem) }, 200);
    })
    .openapi(getOrgRoute, async (c) => {
      const { id } = c.req.valid('param');
      const baseline = await deps.baselines.get(id);
      if (!baseline) return notFound(c, id);
      return c.json(
        { ...toListItem(baseline.record), warnings: baseline.record.warnings, org: baseline.org },
        200,
      );
    })
    .openapi(analyzeOrgRoute, async (c) => {
      const { id } = c.req.valid('param');
      const { asOf } = c.req.valid('query');
      const baseline = await deps.baselines.get(id);
      if (!baseline) return notFound(c, id);
      return c.json(deps.baselines.analyze(baseline, asOf), 200);
    });
}

function toRecord(org: Org, source: ImportFormat, warnings: ImportIssue[]) {
  return { id: org.id, name: org.name, source, document: org, summary: summarizeOrg(org), warnings };
}

/** The listing shape of a stored org. */
export function toListItem(org: OrgListItem | OrgRecord) {
  return {
    id: org.id,
    name: org.name,
    source: org.source as ImportFormat,
    summary: org.summary,
    createdAt: org.createdAt.toISOString(),
  };
}

function notFound(c: Parameters<typeof problem>[0], id: string) {
  return problem(c, {
    type: PROBLEM_TYPES.notFound,
    title: 'Not found',
    status: 404,
    detail: `no org with id "${id}"`,
  });
}
