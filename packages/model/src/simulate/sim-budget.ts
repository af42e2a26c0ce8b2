import type { Budget, HeadcountTarget } from './plan';
import { addQuarters } from './quarter';
import type { MetricValues } from './sim-run';

/** What {@link budgetOutcomes} adds to each quarter and to the result. */
export interface BudgetOutcomes {
  perQuarter: Array<{
    budget?: number;
    pWithinBudget?: number;
    headcountTarget?: number;
    pAtHeadcountTarget?: number;
  }>;
  pWithinBudgetThroughout?: number;
  targetReachedBy?: { p50: string | null; p90: string | null };
}

/** The budget of quarter `quarter`: its `byQuarter` entry, else `annualCost`. */
export function budgetOf(budget: Budget, quarter: string): number {
  return budget.byQuarter?.[quarter] ?? budget.annualCost;
}

/** The headcount target of quarter `quarter`: its `byQuarter` entry, else `count`. */
export function targetOf(target: HeadcountTarget, quarter: string): number {
  return target.byQuarter?.[quarter] ?? target.count;
}

/** Share rounded to 4 decimals (0.01 percentage points). */
const share = (k: number, n: number) => Math.round((k / n) * 10_000) / 10_000;

/**
 * The probabilities of a plan's budget and headcount target over the runs (DESIGN.md "Headcount
 * plans: budget and target"): per quarter the share of runs with cost ≤ the quarter's budget and
 * with headcount ≥ the quarter's target; the share of runs within budget at every quarter; and
 * the first quarter by which 50% / 90% of runs have reached their target at some quarter end.
 * `values[m][q × runs + run]` as {@link MetricValues}.
 */
export function budgetOutcomes(
  plan: { budget?: Budget; headcountTarget?: HeadcountTarget; startQuarter: string },
  values: Pick<MetricValues, 'cost' | 'headcount'>,
  quarters: number,
  runs: number,
): BudgetOutcomes {
  const perQuarter: BudgetOutcomes['perQuarter'] = [];
  const { budget, headcountTarget } = plan;
  const alwaysWithin = new Uint8Array(runs).fill(1);
  const reached = new Uint8Array(runs);
  let reachedCount = 0;
  let p50: string | null = null;
  let p90: string | null = null;
  for (let q = 0; q < quarters; q++) {
    const quarter = addQuarters(plan.startQuarter, q);
    const entry: BudgetOutcomes['perQuarter'][number] = {};
    if (budget) {
      const limit = budgetOf(budget, quarter);
      let within = 0;
      for (let r = 0; r < runs; r++) {
        if (values.cost[q * runs + r] <= limit) within++;
        else alwaysWithin[r] = 0;
      }
      entry.budget = limit;
      entry.pWithinBudget = share(within, runs);
    }
    if (headcountTarget) {
      const target = targetOf(headcountTarget, quarter);
      let at = 0;
      for (let r = 0; r < runs; r++) {
        if (values.headcount[q * runs + r] < target) continue;
        at++;
        if (!reached[r]) {
          reached[r] = 1;
          reachedCount++;
        }
      }
      entry.headcountTarget = target;
      entry.pAtHeadcountTarget = share(at, runs);
      if (p50 === null && reachedCount >= 0.5 * runs) p50 = quarter;
      if (p90 === null && reachedCount >= 0.9 * runs) p90 = quarter;
    }
    perQuarter.push(entry);
  }
  const out: BudgetOutcomes = { perQuarter };
  if (budget)
    out.pWithinBudgetThroughout = share(
      alwaysWithin.reduce((a, b) => a + b, 0),
      runs,
    );
  if (headcountTarget) out.targetReachedBy = { p50, p90 };
  return out;
}
