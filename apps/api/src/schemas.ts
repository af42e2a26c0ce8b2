import { z } from '@hono/zod-openapi';
import { AnalysisReportSchema, DATE_FORMATS, HRIS_FIELDS, IsoDateSchema, OrgSchema } from '@reorg/model';
import { IdParamSchema } from './http';
import { jsonSchemaOf } from './openapi';
import { IMPORT_FORMATS } from './services/org-import';

/**
 * Shapes of the API's requests and responses. Domain shapes are the model's own zod schemas,
 * named here as OpenAPI components; the rest wraps them with what the server adds (ids, times).
 */

// Model schemas are wrapped in z.lazy before naming them: `.openapi()` exists only on schemas
// created after @hono/zod-openapi has extended zod, and the model's may have been created first.

/**
 * The org document (`@reorg/model` OrgSchema) as the server answers it: every default filled in.
 * Its OpenAPI form is zod's JSON Schema of the output.
 */
export const OrgDocumentSchema = z.lazy(() => OrgSchema).openapi('Org', jsonSchemaOf(OrgSchema, 'output'));
/** The org document as a client sends it (`POST /api/orgs`): fields with a default may be left out. */
export const OrgInputDocumentSchema = z
  .lazy(() => OrgSchema)
  .openapi('OrgInput', jsonSchemaOf(OrgSchema, 'input'));
/** The analysis report (`@reorg/model` AnalysisReportSchema). */
export const AnalysisSchema = z.lazy(() => AnalysisReportSchema).openapi('AnalysisReport');

/** An import warning or error: file, spreadsheet row (header = 1) and column header. */
export const ImportIssueSchema = z
  .object({
    file: z.string().optional(),
    row: z.number().int().optional(),
    column: z.string().optional(),
    message: z.string(),
  })
  .openapi('ImportIssue');

/** Counts and dates of a stored org, kept beside its document. */
export const OrgSummarySchema = z.object({
  people: z.number().int().openapi({ description: 'Records that are not aggregates.' }),
  aggregates: z.number().int().openapi({ description: 'Aggregate records (posts counted by FTE).' }),
  teams: z.number().int(),
  asOf: z.string().openapi({ description: "The org's as-of date, YYYY-MM-DD." }),
});

/** A stored org without its document. */
export const OrgListItemSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    source: z.enum(IMPORT_FORMATS),
    summary: OrgSummarySchema,
    createdAt: z.string().openapi({ description: 'When it was imported (ISO 8601).' }),
  })
  .openapi('OrgListItem');

/** A stored org with its import warnings and its baseline document. */
export const OrgDetailSchema = OrgListItemSchema.extend({
  warnings: z.array(ImportIssueSchema),
  org: OrgDocumentSchema,
}).openapi('OrgDetail');

/** The answer to an import: the stored org (no document) and its warnings. */
export const OrgCreatedSchema = OrgListItemSchema.extend({ warnings: z.array(ImportIssueSchema) }).openapi(
  'OrgCreated',
);

/** `:id` path parameter. */
export const IdParamsSchema = z.object({
  id: IdParamSchema.openapi({ param: { name: 'id', in: 'path' }, example: 'startup' }),
});

/** `?asOf=` of the analysis routes. */
export const AsOfQuerySchema = z.object({
  asOf: IsoDateSchema.optional().openapi({
    description: 'Date to measure tenure to (YYYY-MM-DD); default the org’s own as-of date.',
  }),
});

/** Query of `POST /api/orgs`. */
export const ImportQuerySchema = z.object({
  format: z.enum(IMPORT_FORMATS).optional().openapi({
    description:
      'json (an org document), hris (a HRIS CSV export), uk-organogram (multipart senior + junior CSV) or auto (any multipart files recognised by content: HR records as JSON, a Backstage catalog, Team API files, ladders). Default: from the Content-Type.',
  }),
  id: IdParamSchema.optional().openapi({
    description:
      "Id of the org made from a CSV (default: the importer's, e.g. the organisation's slug; made unique with a suffix when taken).",
  }),
  name: z.string().min(1).max(200).optional().openapi({ description: 'Name of the org made from a CSV.' }),
  asOf: IsoDateSchema.optional().openapi({
    description: 'As-of date of a CSV import (default: today, UTC).',
  }),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as GBP')
    .optional()
    .openapi({ description: 'ISO 4217 currency of the costs of a CSV import.' }),
  mapping: z
    .string()
    .openapi({
      contentMediaType: 'application/json',
      contentSchema: {
        type: 'object',
        propertyNames: { enum: [...HRIS_FIELDS] },
        additionalProperties: { type: 'string', maxLength: 500 },
      },
    } as Record<string, unknown>)
    .max(8000)
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({
          code: 'custom',
          message: 'expected a JSON object of field → column header, e.g. {"manager":"reports_to"}',
        });
        return z.NEVER;
      }
    })
    .pipe(z.partialRecord(z.enum(HRIS_FIELDS), z.string().max(500)))
    .optional()
    .openapi({
      description:
        'HRIS CSV (and `auto`) imports: a JSON object of field → column header that overrides the automatic matching, e.g. `{"manager":"reports_to_resolved"}`; `""` leaves a field unmatched. Fields: the model\'s `HRIS_FIELDS`. A header the file lacks is a 422.',
      example: '{"manager":"reports_to_resolved"}',
    }),
  dateFormat: z.enum(DATE_FORMATS).optional().openapi({
    description:
      'HRIS and `auto` imports: how dates such as 09-10-2023 are written when no date of the file decides (default: decided from the values, else MM-DD-YYYY with a warning).',
    example: 'DD-MM-YYYY',
  }),
  normalizeIds: z
    .enum(['true', 'false', '1', '0'])
    .transform((v) => v === 'true' || v === '1')
    .optional()
    .openapi({
      description:
        "CSV imports: read a manager id that differs from a record's id only in case or leading zeros (e.g. `00005654` for the post `5654`) as that record's; the analysis then has one `graph.ids_normalized` finding counting them. Default false.",
      example: 'true',
    }),
});
