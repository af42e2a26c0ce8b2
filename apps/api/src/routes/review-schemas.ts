import { z } from '@hono/zod-openapi';
import { CHANGE_FIELDS, HRIS_SYSTEMS, IsoDateSchema, REVIEW_STATES } from '@reorg/model';
import { IdParamSchema } from '../http';
import { OpDocSchema } from './scenario-schemas';

/** What a comment is about. */
export const CommentSubjectSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('scenario'), id: z.null().default(null) }),
    z.object({ kind: z.enum(['person', 'team']), id: z.string().min(1).max(200) }),
    z.object({ kind: z.literal('revision'), id: z.string().regex(/^[1-9][0-9]*$/, 'a revision number') }),
  ])
  .openapi('CommentSubject', {
    description:
      'The scenario as a whole, a person or team in its latest state (by id), or one revision (its number, as text).',
  });

/** Body of `POST /api/scenarios/:id/comments`. */
export const CommentBodySchema = z
  .object({
    body: z.string().trim().min(1).max(10_000).openapi({ example: 'Can @kofi take Checkout from March?' }),
    subject: CommentSubjectSchema.default({ kind: 'scenario', id: null }),
  })
  .strict();

/** A comment as returned. */
export const CommentSchema = z
  .object({
    id: z.string(),
    scenarioId: z.string(),
    subject: CommentSubjectSchema,
    revision: z.number().int().openapi({ description: 'The scenario revision when it was written.' }),
    author: z.string(),
    body: z.string(),
    mentions: z
      .array(z.string())
      .openapi({ description: 'E-mails of the users @mentioned who may see the scenario.' }),
    createdAt: z.string(),
    resolved: z.boolean(),
    resolvedBy: z.string().nullable(),
    resolvedAt: z.string().nullable(),
  })
  .openapi('Comment');

export const CommentParamsSchema = z.object({
  id: IdParamSchema,
  commentId: z
    .string()
    .min(1)
    .max(100)
    .openapi({ param: { name: 'commentId', in: 'path' } }),
});

/** Body of `POST /api/scenarios/:id/review/submit`. */
export const SubmitBodySchema = z
  .object({
    approvers: z.array(z.string().trim().min(3).max(320)).max(50).default([]).openapi({
      description: 'E-mails of the approvers (users who may see the scenario).',
    }),
    role: z.enum(['admin', 'hr', 'editor', 'viewer']).optional().openapi({
      description: 'Also every user with this role on the org who may see the scenario (not the submitter).',
    }),
  })
  .strict();

/** Body of `POST /api/scenarios/:id/review/approve` and `…/request-changes`. */
export const DecisionBodySchema = z.object({ comment: z.string().trim().max(10_000).optional() }).strict();
export const ChangesBodySchema = z.object({ comment: z.string().trim().min(1).max(10_000) }).strict();

const ApproverSchema = z.object({
  email: z.string(),
  decision: z.enum(['pending', 'approved', 'changes-requested']),
  comment: z.string().optional(),
});

/** The review state of a scenario. */
export const ReviewSchema = z
  .object({
    scenarioId: z.string(),
    state: z.enum(REVIEW_STATES),
    revision: z.number().int().nullable().openapi({ description: 'The revision the decisions apply to.' }),
    submittedBy: z.string().nullable(),
    role: z.string().nullable(),
    approvers: z.array(ApproverSchema),
    history: z
      .array(
        z.object({
          kind: z.enum(['submit', 'approve', 'request-changes', 'adopt']),
          by: z.string(),
          revision: z.number().int(),
          approvers: z.array(z.string()).optional(),
          role: z.string().nullable().optional(),
          comment: z.string().optional(),
          at: z.string(),
        }),
      )
      .optional(),
  })
  .openapi('Review');

/** Body of `POST /api/scenarios/:id/adopt`. */
export const AdoptBodySchema = z
  .object({
    effectiveDate: IsoDateSchema.optional().openapi({
      description: 'When the changes take effect (default: today, UTC).',
      example: '2026-03-01',
    }),
  })
  .strict();

const ValuesSchema = z.object({
  managerId: z.string().nullable(),
  managerName: z.string().nullable(),
  teamId: z.string().nullable(),
  teamName: z.string().nullable(),
  level: z.string().nullable(),
  title: z.string().nullable(),
  status: z.string().nullable(),
});

/** One row of a change list. */
export const ChangeRowSchema = z
  .object({
    personId: z.string(),
    name: z.string().nullable(),
    kind: z.enum(['change', 'hire', 'removal']),
    effectiveDate: z.string(),
    changed: z.array(z.enum(CHANGE_FIELDS)),
    before: ValuesSchema.nullable(),
    after: ValuesSchema.nullable(),
  })
  .openapi('ChangeRow');

/** Query of `GET /api/scenarios/:id/change-list`. */
export const ChangeListQuerySchema = z.object({
  format: z.enum(['json', 'csv', 'xlsx']).default('json'),
  columns: z.enum(HRIS_SYSTEMS).default('workday').openapi({
    description: 'Column names of the CSV/xlsx: as Workday or BambooHR mass-update imports name them.',
  }),
  effectiveDate: IsoDateSchema.optional().openapi({
    description: 'Default: the adoption date, or today for a scenario not adopted.',
  }),
});

/** The JSON change list with its per-manager announcements. */
export const ChangeListSchema = z
  .object({
    scenarioId: z.string(),
    effectiveDate: z.string(),
    adopted: z.boolean(),
    baselineRevision: z.number().int().nullable(),
    rows: z.array(ChangeRowSchema),
    announcements: z.array(
      z.object({
        managerId: z.string(),
        managerName: z.string().nullable(),
        joining: z.array(
          z.object({ personId: z.string(), name: z.string().nullable(), from: z.string().nullable() }),
        ),
        leaving: z.array(
          z.object({ personId: z.string(), name: z.string().nullable(), to: z.string().nullable() }),
        ),
        changing: z.array(
          z.object({ personId: z.string(), name: z.string().nullable(), changes: z.array(z.string()) }),
        ),
        summary: z.string(),
      }),
    ),
  })
  .openapi('ChangeList');

/** The answer of an adoption. */
export const AdoptionSchema = z
  .object({
    scenarioId: z.string(),
    orgId: z.string(),
    baselineRevision: z.number().int(),
    effectiveDate: z.string(),
    changes: z.number().int(),
    rebase: z.array(z.object({ scenarioId: z.string(), name: z.string() })).openapi({
      description: 'Other scenarios of the org on the old baseline: each may be rebased onto the new one.',
    }),
  })
  .openapi('Adoption');

/** What rebasing a scenario onto its org's latest baseline keeps and what conflicts. */
export const RebasePreviewSchema = z
  .object({
    scenarioId: z.string(),
    from: z.number().int(),
    to: z.number().int(),
    upToDate: z.boolean(),
    kept: z.number().int(),
    conflicts: z.array(
      z.object({ opIndex: z.number().int(), op: OpDocSchema, code: z.string(), message: z.string() }),
    ),
  })
  .openapi('RebasePreview');

/** Body of `POST /api/scenarios/:id/rebase`. */
export const RebaseBodySchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .optional()
      .openapi({ description: 'Default: the name + " (rebased)".' }),
  })
  .strict();
