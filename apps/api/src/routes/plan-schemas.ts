import { z } from '@hono/zod-openapi';
import {
  DEFAULT_SIMULATION_RUNS,
  DEFAULT_SIMULATION_SEED,
  HeadcountPlanSchema,
  SimulationResultSchema,
} from '@reorg/model';
import { IdParamSchema, storable } from '../http';
import { jsonSchemaOf } from '../openapi';

/**
 * Shapes of the headcount-plan and simulation routes. The plan and the result are the model's own
 * schemas; their OpenAPI form is zod's JSON Schema of them (the input form for what clients send,
 * the output form for what the server answers), and validation is the model's schema itself.
 */

/** A headcount plan as the server answers it (`@reorg/model` HeadcountPlanSchema; defaults filled in). */
export const PlanDocSchema = z
  .lazy(() => HeadcountPlanSchema)
  .openapi('HeadcountPlan', jsonSchemaOf(HeadcountPlanSchema, 'output'));
/** A headcount plan as a client sends it: fields with a default may be left out. */
export const PlanInputDocSchema = z
  .lazy(() => HeadcountPlanSchema)
  .openapi('HeadcountPlanInput', jsonSchemaOf(HeadcountPlanSchema, 'input'));

/** Most Monte Carlo runs one request may ask for (the model allows more; the API answers in the request). */
export const MAX_API_RUNS = 5000;

/** Body of `POST /api/scenarios/:id/plans`. */
export const CreatePlanBodySchema = storable(
  z
    .object({
      id: IdParamSchema.optional().openapi({ description: 'Id of the saved plan (default: generated).' }),
      name: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .optional()
        .openapi({ description: "Name of the saved plan (default: the plan's own name)." }),
      plan: PlanInputDocSchema,
    })
    .strict(),
);

/** A saved headcount plan. */
export const SavedPlanSchema = z
  .object({
    id: z.string(),
    scenarioId: z.string().openapi({ description: 'The scenario it is saved with.' }),
    orgId: z.string().openapi({ description: "The scenario's org." }),
    name: z.string(),
    author: z.string().openapi({ description: 'Who saved it.' }),
    createdAt: z.string(),
    revision: z.number().int().openapi({
      description: 'The latest revision (1 for a plan never changed); the ETag is `"<revision>"`.',
    }),
    updatedBy: z.string().openapi({ description: 'Who saved the latest revision.' }),
    updatedAt: z.string(),
    deleted: z.boolean().openapi({
      description: 'True when the latest revision deleted the plan (its revisions stay readable).',
    }),
    plan: PlanDocSchema,
  })
  .openapi('SavedPlan');

const PlanNameSchema = z.string().trim().min(1).max(200);

/** Body of `PUT /api/plans/:id`: a new name, a new plan, or both (a new revision). */
export const UpdatePlanBodySchema = storable(
  z
    .object({
      name: PlanNameSchema.optional().openapi({ description: 'The new name (rename).' }),
      plan: PlanInputDocSchema.optional().openapi({ description: 'The new plan document.' }),
    })
    .strict()
    .refine((b) => b.name !== undefined || b.plan !== undefined, {
      message: 'give name, plan or both',
      path: ['plan'],
    }),
).openapi('UpdatePlanRequest');

/** Body of `POST /api/plans/:id/duplicate`. */
export const DuplicatePlanBodySchema = storable(
  z
    .object({
      id: IdParamSchema.optional().openapi({ description: 'Id of the copy (default: generated).' }),
      name: PlanNameSchema.optional().openapi({
        description: 'Name of the copy (default: "<name> (copy)").',
      }),
    })
    .strict(),
).openapi('DuplicatePlanRequest');

/** One revision of a plan. */
export const PlanRevisionSchema = z
  .object({
    revision: z.number().int(),
    name: z.string(),
    deleted: z.boolean(),
    author: z.string(),
    createdAt: z.string(),
    plan: PlanDocSchema,
  })
  .openapi('PlanRevision');

/** Body of `POST /api/simulations`: what to simulate on, which plan, how many runs. */
export const SimulateBodySchema = z
  .object({
    orgId: IdParamSchema.optional().openapi({ description: "Simulate on this org's baseline." }),
    scenarioId: IdParamSchema.optional().openapi({ description: 'Simulate on this scenario.' }),
    revision: z
      .number()
      .int()
      .min(1)
      .max(2 ** 31 - 1)
      .optional()
      .openapi({ description: "The scenario's revision (default: its latest). Only with scenarioId." }),
    plan: PlanInputDocSchema.optional().openapi({ description: 'A plan to simulate (not stored).' }),
    planId: IdParamSchema.optional().openapi({
      description:
        'A saved plan to simulate. Without orgId or scenarioId it runs on the scenario the plan is saved with.',
    }),
    runs: z
      .number()
      .int()
      .min(1)
      .max(MAX_API_RUNS)
      .default(DEFAULT_SIMULATION_RUNS)
      .openapi({ description: `Monte Carlo runs, 1 to ${MAX_API_RUNS} (default 1,000).` }),
    seed: z
      .number()
      .int()
      .refine(Number.isSafeInteger, 'seed must be a safe integer')
      .default(DEFAULT_SIMULATION_SEED)
      .openapi({ description: 'Seed: the same seed gives the same result, byte for byte (default 1).' }),
    quarters: z
      .number()
      .int()
      .min(1)
      .max(40)
      .optional()
      .openapi({ description: "Quarters to simulate, overriding the plan's." }),
  })
  .strict()
  .superRefine((body, ctx) => {
    if ((body.plan === undefined) === (body.planId === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['plan'], message: 'give either plan or planId (one of them)' });
    }
    if (body.orgId !== undefined && body.scenarioId !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['scenarioId'],
        message: 'give either orgId or scenarioId, not both',
      });
    }
    if (body.orgId === undefined && body.scenarioId === undefined && body.planId === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['orgId'],
        message: 'give orgId or scenarioId: what to simulate the plan on',
      });
    }
    if (body.revision !== undefined && body.scenarioId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['revision'], message: 'revision needs scenarioId' });
    }
  })
  .openapi('SimulateRequest', {
    // What the superRefine above enforces, stated for clients.
    description:
      'Exactly one of `plan` and `planId`; `orgId` or `scenarioId` (not both), which may both be left out with a `planId` (then the scenario it is saved with); `revision` only with `scenarioId`.',
    allOf: [
      { oneOf: [{ required: ['plan'] }, { required: ['planId'] }] },
      { anyOf: [{ required: ['orgId'] }, { required: ['scenarioId'] }, { required: ['planId'] }] },
      // `properties` only name the fields (any value): the clause is "not both present".
      { not: { properties: { orgId: {}, scenarioId: {} }, required: ['orgId', 'scenarioId'] } },
    ],
    dependentRequired: { revision: ['scenarioId'] },
  } as Parameters<ReturnType<typeof z.object>['openapi']>[1]);
/** A validated simulation request. */
export type SimulateBody = z.infer<typeof SimulateBodySchema>;

/** What a simulation ran on: the org, the scenario and revision (null for a baseline), the saved plan. */
export const SimulationTargetSchema = z
  .object({
    orgId: z.string(),
    scenarioId: z.string().nullable(),
    revision: z.number().int().nullable(),
    planId: z.string().nullable(),
  })
  .openapi('SimulationTarget');

/** The answer of `POST /api/simulations`: the model's SimulationResult, with what it ran on. */
const SimulationAnswerZod = SimulationResultSchema.extend({ target: SimulationTargetSchema });
/**
 * The answer of `POST /api/simulations` as one object schema (the result's fields and `target`):
 * an `allOf` of the result, which allows no other field, and `{ target }` would refuse every answer.
 */
export const SimulationAnswerSchema = z
  .lazy(() => SimulationAnswerZod)
  .openapi('SimulationAnswer', jsonSchemaOf(SimulationAnswerZod, 'output'));
