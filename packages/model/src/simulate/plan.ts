import { z } from 'zod';
import { IdSchema } from '../schema/common';
import { type LoadIssue, toLoadIssues } from '../schema/org';
import { QuarterSchema } from './quarter';

const RateSchema = z.number().min(0).max(1);

/** One line of a headcount plan: `count` hires of one level into one team, opened in one quarter. */
export const PlanHireSchema = z.object({
  /** The team the hires join (a team id of the org). */
  teamId: IdSchema,
  /**
   * Who the hires report to (a person id). Default: the team's `managerId`, else the manager most
   * members of the team report to.
   */
  managerId: IdSchema.optional(),
  /** A level id of the org's ladder, e.g. `L4`. */
  level: z.string().min(1),
  /** Number of people hired (a whole number ≥ 1). */
  count: z.number().int().positive(),
  /** The quarter the requisitions open; each hire starts `timeToHireQuarters` later. */
  quarter: QuarterSchema,
  /**
   * Annual loaded cost of each hire in the org's currency. Default: the org's rate card (the
   * level at `location`, else the level), else the median cost of the org's people at that
   * level, else the median cost of everyone with a cost, else 0.
   */
  cost: z.number().nonnegative().optional(),
  /** Where the hires work, for the rate card's per-location rates (optional). */
  location: z.string().trim().min(1).optional(),
});
/** A validated plan line. */
export type PlanHire = z.infer<typeof PlanHireSchema>;

/** Attrition: the share of people who leave in a year. A stated assumption, never a default. */
export const AttritionSchema = z.object({
  /** Annual attrition rate, 0–1 (0.15 = 15% of people leave in a year). */
  annualRate: RateSchema,
  /** Annual rates by level id, overriding `annualRate` for people at that level. */
  byLevel: z.record(z.string(), RateSchema).optional(),
});
/** Validated attrition assumptions. */
export type Attrition = z.infer<typeof AttritionSchema>;

/** Whether leavers are replaced, and how long after they leave their requisition opens. */
export const BackfillSchema = z.object({
  /** Open a requisition for every leaver: default true (the project's own assumption). */
  enabled: z.boolean().default(true),
  /**
   * Quarters between a departure and its requisition opening: default 0 (the project's own). The
   * replacement starts `delayQuarters + timeToHireQuarters` quarters after the departure.
   */
  delayQuarters: z.number().int().min(0).max(40).default(0),
});
/** Validated backfill settings. */
export type Backfill = z.infer<typeof BackfillSchema>;

const byQuarter = <T extends z.ZodType>(value: T) => z.record(QuarterSchema, value).optional();

/**
 * An annual cost budget (DESIGN.md "Headcount plans: budget and target"): the annual cost run
 * rate the org may reach, in the org's currency; `byQuarter` overrides it for single quarters.
 * A run is within budget at a quarter when its cost run rate at the quarter's end is at most the
 * quarter's budget.
 */
export const BudgetSchema = z.object({
  annualCost: z.number().nonnegative(),
  byQuarter: byQuarter(z.number().nonnegative()),
});
/** A validated budget. */
export type Budget = z.infer<typeof BudgetSchema>;

/**
 * A headcount target: people in post to reach, `byQuarter` overriding `count` for single
 * quarters. A run is at target at a quarter when its headcount at the quarter's end is at least
 * the quarter's target.
 */
export const HeadcountTargetSchema = z.object({
  count: z.number().int().nonnegative(),
  byQuarter: byQuarter(z.number().int().nonnegative()),
});
/** A validated headcount target. */
export type HeadcountTarget = z.infer<typeof HeadcountTargetSchema>;

/**
 * Promotions, for the manager bench: annual rates by level id. `byLevel[L]` is the share of ICs
 * at level L promoted a year to the next level of the IC track; `intoManagement[L]` the share of
 * ICs at level L who move into management a year (they join the bench of internal manager
 * candidates). Stated assumptions: no defaults.
 */
export const PromotionsSchema = z.object({
  byLevel: z.record(z.string(), RateSchema).optional(),
  intoManagement: z.record(z.string(), RateSchema).optional(),
});
/** Validated promotion rates. */
export type Promotions = z.infer<typeof PromotionsSchema>;

/**
 * A headcount plan (DOMAIN.md "Simulation"): planned hires by team, level and quarter, and the
 * assumptions the simulation draws from: attrition, time to hire, ramp-up, backfill and the cost of
 * replacing a leaver. Quarters are `YYYY-Qn` strings.
 */
export const HeadcountPlanSchema = z.object({
  id: IdSchema.optional(),
  name: z.string().optional(),
  description: z.string().optional(),
  /** The org the plan was written for (informational: the simulation uses the org it is given). */
  orgId: IdSchema.optional(),
  /** Number of quarters simulated, 1–40: default 8 (two years; the project's own). */
  quarters: z.number().int().min(1).max(40).default(8),
  /** First simulated quarter. Default: the quarter after the one holding the org's `asOf` date. */
  startQuarter: QuarterSchema.optional(),
  /** Planned hires (default none). */
  hires: z.array(PlanHireSchema).default([]),
  /** Attrition assumptions (required: the rate is a stated assumption). */
  attrition: AttritionSchema,
  /**
   * Quarters from a requisition opening to the hire starting: default 1 (about three months; the
   * project's own). The org's open and planned records count as opened in the `asOf` quarter.
   */
  timeToHireQuarters: z.number().int().min(0).max(40).default(1),
  /**
   * Quarters before a new hire counts as productive FTE: default 1 (the project's own). People in
   * post at the start count as productive.
   */
  rampUpQuarters: z.number().int().min(0).max(40).default(1),
  /** Backfill of leavers (default: enabled, no delay). */
  backfill: BackfillSchema.prefault({}),
  /**
   * Cost of replacing a leaver, in months of their annual cost (recruiting, vacancy, ramp-up).
   * Default: the org's `policy.simulation.replacementCostMonths`, itself 9 by default (EL26: a
   * leaver costs 6–18 months of salary).
   */
  replacementCostMonths: z.number().min(0).max(60).optional(),
  /** An annual cost budget (optional): the result then gives `pWithinBudget` per quarter. */
  budget: BudgetSchema.optional(),
  /** A headcount target (optional): `pAtHeadcountTarget` per quarter and `targetReachedBy`. */
  headcountTarget: HeadcountTargetSchema.optional(),
  /** Promotion rates (optional) for the manager bench. */
  promotions: PromotionsSchema.optional(),
});
/** A validated headcount plan (defaults filled in). */
export type HeadcountPlan = z.infer<typeof HeadcountPlanSchema>;
/** A headcount plan as written (JSON), before defaults. */
export type HeadcountPlanInput = z.input<typeof HeadcountPlanSchema>;

/** A plan with the defaults that depend on the org filled in: `startQuarter`, `replacementCostMonths`. */
export type ResolvedPlan = HeadcountPlan & { startQuarter: string; replacementCostMonths: number };

/** Result of {@link parseHeadcountPlan}: the plan, or every issue with its path (nothing partial). */
export type ParsePlanResult = { ok: true; plan: HeadcountPlan } | { ok: false; issues: LoadIssue[] };

/**
 * Validates a headcount plan document (parsed JSON) and fills its defaults. Never throws; on
 * failure returns every issue with its path, e.g. `hires.2.quarter`.
 */
export function parseHeadcountPlan(doc: unknown): ParsePlanResult {
  const parsed = HeadcountPlanSchema.safeParse(doc);
  return parsed.success ? { ok: true, plan: parsed.data } : { ok: false, issues: toLoadIssues(parsed.error) };
}

/**
 * Builds a plan with defaults (8 quarters, no hires, time to hire and ramp-up of one quarter,
 * backfill with no delay). @throws ZodError on a malformed field.
 */
export function createHeadcountPlan(input: HeadcountPlanInput): HeadcountPlan {
  return HeadcountPlanSchema.parse(input);
}
