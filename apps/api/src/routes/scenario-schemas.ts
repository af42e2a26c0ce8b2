import { z } from '@hono/zod-openapi';
import { OpSchema, REVIEW_STATES } from '@reorg/model';
import { IdParamSchema, storable } from '../http';
import { jsonSchemaOf } from '../openapi';
import { OrgDocumentSchema } from '../schemas';

/**
 * One reorg op (`@reorg/model` OpSchema): a tagged union on `type`, as the server answers it
 * (defaults filled in). Its OpenAPI form is zod's own JSON Schema (zod-to-openapi cannot render
 * the `z.never()` that ops use to forbid fields); validation is the model's schema itself.
 */
export const OpDocSchema = z.lazy(() => OpSchema).openapi('Op', opJsonSchema('output'));
/** One reorg op as a client sends it: fields with a default may be left out. */
export const OpInputDocSchema = z.lazy(() => OpSchema).openapi('OpInput', opJsonSchema('input'));

function opJsonSchema(io: 'input' | 'output') {
  return { type: 'object', ...jsonSchemaOf(OpSchema, io) } as ReturnType<typeof jsonSchemaOf>;
}

/** Most ops in one batch (one saved revision); a drag is a handful. */
export const MAX_BATCH_OPS = 10_000;

/** Body of `POST /api/orgs/:id/scenarios`. */
export const CreateScenarioBodySchema = storable(
  z
    .object({
      name: z.string().trim().min(1).max(200).openapi({ example: 'Split platform team' }),
      id: IdParamSchema.optional().openapi({ description: 'Id of the new scenario (default: generated).' }),
      ops: z
        .array(OpInputDocSchema)
        .max(MAX_BATCH_OPS)
        .default([])
        .openapi({ description: 'Ops of revision 1 (default none: the baseline).' }),
      visibility: z.enum(['private', 'org']).default('private').openapi({
        description: 'private (default): only you until you share it; org: everyone on the org.',
      }),
    })
    .strict(),
);

/** Body of `POST /api/scenarios/:id/ops`: one batch, saved as one revision or not at all. */
export const OpsBodySchema = storable(
  z.object({ ops: z.array(OpInputDocSchema).min(1).max(MAX_BATCH_OPS) }).strict(),
);

/** Body of `POST /api/scenarios/:id/restore`. */
export const RestoreBodySchema = z
  .object({
    revision: z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1)
      .openapi({ description: 'The revision to restore.' }),
  })
  .strict();

/** A scenario without its state. */
export const ScenarioSummarySchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    name: z.string(),
    author: z.string().openapi({ description: 'Who created it (the e-mail of the signed-in user).' }),
    visibility: z.enum(['private', 'org']).openapi({
      description: 'private: its author and those it is shared with; org: everyone with a role on the org.',
    }),
    access: z
      .object({
        level: z.enum(['view', 'comment', 'edit', 'owner']),
        edit: z.boolean(),
        share: z.boolean(),
        comment: z.boolean(),
      })
      .openapi({ description: 'What the caller may do with it.' }),
    baselineRevision: z.number().int().openapi({
      description: "The org's baseline revision its ops apply to (1: as imported; each adoption adds one).",
    }),
    review: z
      .object({
        state: z.enum(REVIEW_STATES),
        openComments: z.number().int(),
      })
      .openapi({
        description:
          'Approval state (draft, in-review, changes-requested, approved, adopted) and open comments.',
      }),
    createdAt: z.string(),
    revision: z.number().int().openapi({ description: 'The latest revision (also the ETag).' }),
    updatedAt: z.string().openapi({ description: 'When the latest revision was saved.' }),
  })
  .openapi('ScenarioSummary');

/** A scenario with its effective ops and its state at the latest revision. */
export const ScenarioSchema = ScenarioSummarySchema.extend({
  ops: z
    .array(OpDocSchema)
    .openapi({ description: 'Effective ops: applied to the baseline they give `state`.' }),
  state: OrgDocumentSchema,
}).openapi('Scenario');

/** One saved revision. */
export const RevisionSchema = z
  .object({
    revision: z.number().int(),
    author: z.string(),
    createdAt: z.string(),
    restoredFrom: z
      .number()
      .int()
      .nullable()
      .openapi({ description: 'For a restore: the revision whose state this one has.' }),
    ops: z.array(OpDocSchema).openapi({ description: 'The batch saved in this revision.' }),
  })
  .openapi('Revision');

/** One revision with the scenario's state at it. */
export const RevisionDetailSchema = RevisionSchema.extend({
  scenarioId: z.string(),
  state: OrgDocumentSchema,
}).openapi('RevisionDetail');

/** The answer to a write: the new revision. */
export const WriteResultSchema = z
  .object({
    scenarioId: z.string(),
    revision: z.number().int(),
    createdAt: z.string(),
    author: z.string(),
    restoredFrom: z.number().int().nullable(),
  })
  .openapi('RevisionCreated');

/** `:id` and `:revision` path parameters. */
export const RevisionParamsSchema = z.object({
  id: IdParamSchema.openapi({ param: { name: 'id', in: 'path' } }),
  revision: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1)
    .openapi({ param: { name: 'revision', in: 'path' }, type: 'integer', minimum: 1, maximum: 2 ** 31 - 1 }),
});

/** Body of `POST /api/scenarios/:id/share`. */
export const ShareBodySchema = z
  .object({
    with: z
      .string()
      .trim()
      .min(1)
      .max(320)
      .openapi({ description: '`org` (everyone with a role on the org) or an e-mail.', example: 'org' }),
    access: z.enum(['view', 'comment', 'edit']),
  })
  .strict();

/** The answer to a share: every share of the scenario. */
export const SharesSchema = z
  .object({
    scenarioId: z.string(),
    visibility: z.enum(['private', 'org']),
    shares: z.array(z.object({ with: z.string(), access: z.enum(['view', 'comment', 'edit']) })),
  })
  .openapi('ScenarioShares');
