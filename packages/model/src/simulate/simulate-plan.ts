import { z } from 'zod';
import type { Org } from '../schema/org';
import { describeAssumptions } from './assumptions';
import type { HeadcountPlan, ResolvedPlan } from './plan';
import { round2, toBand } from './quantiles';
import { addQuarters } from './quarter';
import type { SimulationQuarter, SimulationResult } from './result';
import { createSeededRng, deriveRunSeed, type RngFactory } from './rng';
import { managerBench } from './sim-bench';
import { budgetOutcomes } from './sim-budget';
import {
  createMetricValues,
  createRunState,
  METRICS,
  type MetricValues,
  type RunParams,
  simulateRun,
} from './sim-run';
import { buildSimSetup, defaultStartQuarter } from './sim-setup';

/** Runs of a simulation unless told otherwise: 1,000 (the project's own; bands move < 1% beyond). */
export const DEFAULT_SIMULATION_RUNS = 1000;
/** Seed of a simulation unless told otherwise: 1. */
export const DEFAULT_SIMULATION_SEED = 1;
/** Most runs one simulation accepts: 100,000. */
export const MAX_SIMULATION_RUNS = 100_000;

/**
 * The numeric options of {@link simulatePlan} as a schema (for an API request body): `runs`
 * 1–100,000 (default 1,000), an integer `seed` (default 1) and an optional `quarters` (1–40)
 * overriding the plan's.
 */
export const SimulateOptionsSchema = z.object({
  runs: z.number().int().min(1).max(MAX_SIMULATION_RUNS).default(DEFAULT_SIMULATION_RUNS),
  seed: z
    .number()
    .int()
    .refine(Number.isSafeInteger, 'seed must be a safe integer')
    .default(DEFAULT_SIMULATION_SEED),
  quarters: z.number().int().min(1).max(40).optional(),
});

/** Options of {@link simulatePlan}. */
export interface SimulateOptions {
  /** Number of Monte Carlo runs, 1–100,000: default {@link DEFAULT_SIMULATION_RUNS}. */
  runs?: number;
  /** Integer seed (low 32 bits used): default {@link DEFAULT_SIMULATION_SEED}. */
  seed?: number;
  /** Quarters to simulate, 1–40, overriding `plan.quarters`. */
  quarters?: number;
  /**
   * Builds the generator of each run from a 32-bit seed derived from `seed` and the run number:
   * default {@link createSeededRng} (mulberry32).
   */
  rng?: RngFactory;
}

/**
 * The plan with its defaults that depend on the org resolved: `startQuarter` (the quarter after
 * the one holding `org.asOf`) and `replacementCostMonths` (`org.policy.simulation`, default 9).
 */
export function resolvePlan(org: Org, plan: HeadcountPlan): ResolvedPlan {
  return {
    ...plan,
    startQuarter: plan.startQuarter ?? defaultStartQuarter(org.asOf),
    replacementCostMonths: plan.replacementCostMonths ?? org.policy.simulation.replacementCostMonths,
  };
}

/**
 * Monte Carlo simulation of a headcount plan over quarters (DOMAIN.md "Simulation"). Each run
 * starts from the org's people in post, then quarter by quarter: people leave at the plan's
 * attrition rate (records with status `leaving` leave in the first quarter), leavers are
 * backfilled when the plan says so, the org's open and planned records and the plan's hires start
 * `timeToHireQuarters` after their requisition opens, and new hires ramp up. Spans, managers
 * needed and 1:1 hours are counted on the org's reporting structure, which does not change
 * (hires report to their team's manager). Every number is reported as p10/p50/p90 and mean over
 * the runs, per quarter.
 *
 * Pure and deterministic: the same org, plan, runs and seed give the same result, byte for byte.
 * Plan lines that cannot be applied as written (an unknown team or level, a quarter outside the
 * horizon) are applied as best they can and listed in `warnings`; it does not throw for them.
 * @throws RangeError when `runs` is not a whole number in 1–100,000, `quarters` not one in 1–40,
 * or `seed` is not an integer.
 */
export function simulatePlan(org: Org, plan: HeadcountPlan, options: SimulateOptions = {}): SimulationResult {
  const runs = options.runs ?? DEFAULT_SIMULATION_RUNS;
  const seed = options.seed ?? DEFAULT_SIMULATION_SEED;
  if (!Number.isInteger(runs) || runs < 1 || runs > MAX_SIMULATION_RUNS) {
    throw new RangeError(`runs must be a whole number from 1 to ${MAX_SIMULATION_RUNS}, not ${runs}`);
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, not ${seed}`);
  const quarters = options.quarters ?? plan.quarters;
  if (!Number.isInteger(quarters) || quarters < 1 || quarters > 40) {
    throw new RangeError(`quarters must be a whole number from 1 to 40, not ${quarters}`);
  }
  const factory = options.rng ?? createSeededRng;
  const resolved = resolvePlan(org, { ...plan, quarters });
  const setup = buildSimSetup(org, resolved);
  const params = runParams(org, resolved);
  const values = createMetricValues(runs, setup.quarters);
  const state = createRunState(setup);
  for (let run = 0; run < runs; run++) {
    simulateRun(setup, params, state, factory(deriveRunSeed(seed, run)), values, run, runs);
  }
  const quarterBands = toQuarters(values, resolved.startQuarter, setup.quarters, runs);
  const outcomes = budgetOutcomes(resolved, values, setup.quarters, runs);
  const withOdds = quarterBands.map((q, i) => ({ ...q, ...outcomes.perQuarter[i] }));
  return {
    plan: resolved,
    orgId: org.id,
    currency: org.currency,
    runs,
    seed,
    start: {
      headcount: setup.start.headcount,
      cost: round2(setup.start.cost),
      openReqs: setup.openReqs,
      plannedHires: setup.plannedHires,
      firstLineManagers: setup.firstLine.positions.length,
    },
    quarters: withOdds,
    ...(outcomes.targetReachedBy ? { targetReachedBy: outcomes.targetReachedBy } : {}),
    ...(outcomes.pWithinBudgetThroughout !== undefined
      ? { pWithinBudgetThroughout: outcomes.pWithinBudgetThroughout }
      : {}),
    costSources: setup.costSources,
    managerBench: managerBench(org, resolved, quarterBands),
    assumptions: describeAssumptions(org, resolved, setup, runs, seed),
    warnings: setup.warnings,
  };
}

function runParams(org: Org, plan: ResolvedPlan): RunParams {
  const one = org.policy.oneOnOne;
  return {
    timeToHire: plan.timeToHireQuarters,
    rampUp: plan.rampUpQuarters,
    backfill: plan.backfill.enabled,
    backfillDelay: plan.backfill.delayQuarters,
    replacementShare: plan.replacementCostMonths / 12,
    hoursPerReport: one.minutesPerReport / 60,
    hoursPerSkip: one.skipLevelMinutes / 60 / one.weeksPerMonth,
  };
}

function toQuarters(
  values: MetricValues,
  start: string,
  quarters: number,
  runs: number,
): SimulationQuarter[] {
  const out: SimulationQuarter[] = [];
  for (let q = 0; q < quarters; q++) {
    const entry = { quarter: addQuarters(start, q) } as SimulationQuarter;
    for (const m of METRICS) entry[m] = toBand(values[m].subarray(q * runs, (q + 1) * runs));
    out.push(entry);
  }
  return out;
}
