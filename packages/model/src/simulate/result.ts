import { z } from 'zod';
import { HeadcountPlanSchema } from './plan';
import { QuarterSchema } from './quarter';

/**
 * The spread of one number over the runs of a simulation: the 10th, 50th and 90th percentiles
 * (linear interpolation between order statistics, R's type 7) and the mean, each rounded to 2
 * decimals.
 */
export const QuantileBandSchema = z.object({
  p10: z.number(),
  p50: z.number(),
  p90: z.number(),
  mean: z.number(),
});
/** p10/p50/p90 and mean of one number over the runs. */
export type QuantileBand = z.infer<typeof QuantileBandSchema>;

/** One simulated quarter: every number is a band over the runs, measured at the quarter's end. */
export const SimulationQuarterSchema = z.object({
  quarter: QuarterSchema,
  /** People in post (status active) at the quarter's end; an aggregate's posts count one each. */
  headcount: QuantileBandSchema,
  /** FTE of people in post who are past their ramp-up. */
  productiveFte: QuantileBandSchema,
  /** Annual cost run rate of the people in post, in the org's currency. */
  cost: QuantileBandSchema,
  /** Cost of replacing this quarter's leavers: leavers' annual cost × replacement months / 12. */
  attritionCost: QuantileBandSchema,
  /** People who left during the quarter. */
  leavers: QuantileBandSchema,
  /** People who started during the quarter (planned hires, open reqs filled, backfills). */
  hires: QuantileBandSchema,
  /** First-line managers needed to keep every first-line span at or under its target's max. */
  managersNeeded: QuantileBandSchema,
  /** First-line managers needed beyond the existing positions: new manager requisitions. */
  newManagerReqs: QuantileBandSchema,
  /** First-line managers whose counted span is above their target's max. */
  spanOver: QuantileBandSchema,
  /** First-line managers with at least one report and a counted span below their target's min. */
  spanUnder: QuantileBandSchema,
  /**
   * Weekly 1:1 hours of the busiest manager position, among those whose span is not estimated
   * (posts counted by FTE reporting directly are not people one meets; 0 when every span is).
   */
  busiestManagerHours: QuantileBandSchema,
  /** Mean weekly 1:1 hours of the five busiest manager positions whose span is not estimated. */
  top5ManagerHours: QuantileBandSchema,
  /** The plan's budget for this quarter (annual cost run rate), when it has one. */
  budget: z.number().optional(),
  /** Share of runs (0–1) whose cost run rate at the quarter's end is within `budget`. */
  pWithinBudget: z.number().min(0).max(1).optional(),
  /** The plan's headcount target for this quarter, when it has one. */
  headcountTarget: z.number().optional(),
  /** Share of runs (0–1) whose headcount at the quarter's end is at least `headcountTarget`. */
  pAtHeadcountTarget: z.number().min(0).max(1).optional(),
});
/** One simulated quarter. */
export type SimulationQuarter = z.infer<typeof SimulationQuarterSchema>;

/**
 * Where the cost of posts came from: one row per plan line (`of: 'hire'`, `line` its index) and
 * one per group of the org's open reqs and people that have no cost of their own, by level,
 * location and source ({@link CostSource} of sim-costs: `own`, `rate-card`, `level-median`,
 * `org-median`, `none`). `annualCostPerPost` is compensation-like: redact it with other costs.
 */
export const CostSourceRowSchema = z.object({
  of: z.enum(['hire', 'open-req', 'person']),
  line: z.number().int().optional(),
  level: z.string().nullable(),
  location: z.string().nullable(),
  posts: z.number(),
  source: z.enum(['own', 'rate-card', 'level-median', 'org-median', 'none']),
  /** For `rate-card`: the rate's location (null: the level's rate for any location). */
  rateLocation: z.string().nullable(),
  annualCostPerPost: z.number(),
});
/** One row of {@link SimulationResult.costSources}. */
export type CostSourceRow = z.infer<typeof CostSourceRowSchema>;

/**
 * The manager bench of one quarter (no randomness: expected values of the IC track under the
 * plan's attrition, hires, backfill and promotion rates). `managersNeeded` and `newManagerReqs`
 * are the p50 of the simulated bands; `seniorIcs` the expected ICs at or above the senior rank;
 * `internalCandidates` the expected bench of ICs moved into management so far;
 * `externalManagersNeeded` = max(0, newManagerReqs − internalCandidates): manager hires from
 * outside that the bench cannot cover.
 */
export const ManagerBenchQuarterSchema = z.object({
  quarter: QuarterSchema,
  managersNeeded: z.number(),
  newManagerReqs: z.number(),
  seniorIcs: z.number(),
  internalCandidates: z.number(),
  externalManagersNeeded: z.number(),
});
/** One quarter of the manager bench. */
export type ManagerBenchQuarter = z.infer<typeof ManagerBenchQuarterSchema>;

/** The org as the simulation starts from it (no randomness). */
export const SimulationStartSchema = z.object({
  /** People in post (status active or leaving). */
  headcount: z.number(),
  /** Annual cost of the people in post, in the org's currency. */
  cost: z.number(),
  /** Open and planned records, filled during the simulation. */
  openReqs: z.number(),
  /** Hires in the plan (sum of counts). */
  plannedHires: z.number(),
  /** Manager positions whose reports are all individual contributors. */
  firstLineManagers: z.number(),
});
/** The starting point of a simulation. */
export type SimulationStart = z.infer<typeof SimulationStartSchema>;

/**
 * The result of {@link simulatePlan}: the plan as simulated (defaults resolved), the runs and seed
 * (the same seed gives the same result, byte for byte), one entry per quarter, the assumptions in
 * words, and warnings about plan lines that could not be applied as written.
 */
export const SimulationResultSchema = z.object({
  plan: HeadcountPlanSchema,
  orgId: z.string(),
  /** ISO 4217 code of every cost. */
  currency: z.string(),
  runs: z.number().int().positive(),
  seed: z.number().int(),
  start: SimulationStartSchema,
  quarters: z.array(SimulationQuarterSchema),
  /**
   * With a headcount target: the first quarter by which at least 50% (p50) and 90% (p90) of runs
   * have reached their quarter's target at some quarter end; null when that never happens.
   */
  targetReachedBy: z.object({ p50: QuarterSchema.nullable(), p90: QuarterSchema.nullable() }).optional(),
  /** With a budget: share of runs (0–1) within budget at every quarter's end. */
  pWithinBudgetThroughout: z.number().min(0).max(1).optional(),
  costSources: z.array(CostSourceRowSchema),
  managerBench: z.array(ManagerBenchQuarterSchema),
  assumptions: z.array(z.string()),
  warnings: z.array(z.string()),
});
/** The result of a headcount-plan simulation. */
export type SimulationResult = z.infer<typeof SimulationResultSchema>;
