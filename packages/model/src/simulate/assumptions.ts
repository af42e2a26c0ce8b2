import type { Org } from '../schema/org';
import type { ResolvedPlan } from './plan';
import { quarterOfDate } from './quarter';
import type { SimSetup } from './sim-setup';
import { quarterlyRate } from './sim-setup';

const pct = (x: number, digits = 0) => `${(x * 100).toFixed(digits)}%`;
const quarters = (n: number) => `${n} quarter${n === 1 ? '' : 's'}`;

/** The assumptions of a simulation in words, for the CLI, the API and the web view. */
export function describeAssumptions(
  org: Org,
  plan: ResolvedPlan,
  setup: SimSetup,
  runs: number,
  seed: number,
): string[] {
  const { attrition, backfill } = plan;
  const byLevel = Object.entries(attrition.byLevel ?? {})
    .map(([level, r]) => `${level} ${pct(r, 1)}`)
    .join(', ');
  const span = org.policy.span;
  const one = org.policy.oneOnOne;
  return [
    `Horizon: ${quarters(plan.quarters)} from ${plan.startQuarter}; numbers are measured at each quarter's end.`,
    `Attrition: ${pct(attrition.annualRate, 1)} a year (${pct(quarterlyRate(attrition.annualRate), 2)} a quarter)` +
      (byLevel ? `; by level: ${byLevel}` : '') +
      "; each person in post at a quarter's start leaves during it with the quarterly probability 1 − (1 − r)^(1/4).",
    setup.leaving.length > 0
      ? `${setup.leaving.length} records with status leaving leave in the first quarter.`
      : 'No records with status leaving.',
    `Time to hire: ${quarters(plan.timeToHireQuarters)} from a requisition opening; the org's ${setup.openReqs} open and planned records count as opened in ${quarterOfDate(org.asOf)}, the quarter of its as-of date ${org.asOf}.`,
    `Ramp-up: a new hire counts as productive FTE after ${quarters(plan.rampUpQuarters)}; people in post at the start are productive.`,
    backfill.enabled
      ? `Backfill: on; a leaver's requisition opens ${quarters(backfill.delayQuarters)} after they leave, so the replacement starts ${quarters(backfill.delayQuarters + plan.timeToHireQuarters)} after, at the leaver's cost.`
      : 'Backfill: off; leavers are not replaced.',
    `Replacement cost: ${plan.replacementCostMonths} months of a leaver's annual cost (EL26: 6–18 months; default 9).`,
    `Cost: annual run rate of the people in post, in ${org.currency}; open requisitions cost nothing until filled` +
      (setup.costFallbacks.missing > 0
        ? `; ${setup.costFallbacks.missing} records with no cost take ${fallbackWords(org)}.`
        : '.') +
      ` Hires with no cost take ${fallbackWords(org)}.`,
    ...planTargets(org, plan),
    `Managers needed: first-line positions keep their counted span at or under the target's max (new manager ${span.newManager.min}–${span.newManager.max} for ${span.newManagerDays} days, then experienced ${span.experiencedJunior.min}–${span.experiencedJunior.max}, or ${span.experiencedSenior.min}–${span.experiencedSenior.max} when at least ${pct(span.seniorShare)} of reports are senior); new manager requisitions are counted, not hired, and the reporting structure does not change.`,
    `1:1 load: ${one.minutesPerReport} min a week per direct report plus ${one.skipLevelMinutes} min a month per skip-level report (${one.weeksPerMonth} weeks a month) [1on1].`,
    `Runs: ${runs} with seed ${seed}; bands are the 10th, 50th and 90th percentiles and the mean over runs.`,
  ];
}

/** How posts without a cost get one, in words. */
function fallbackWords(org: Org): string {
  const card = org.rateCard;
  if (!card || card.rates.length === 0) return 'the median cost of their level';
  return `the rate card's rate for their level (at their location when it has one${card.source ? `; ${card.source}` : ''}), else the median cost of their level`;
}

/** Budget, headcount target and promotion rates in words (nothing when the plan has none). */
function planTargets(org: Org, plan: ResolvedPlan): string[] {
  const out: string[] = [];
  const money = (x: number) => `${x.toLocaleString('en-US')} ${org.currency}`;
  if (plan.budget) {
    const over = Object.keys(plan.budget.byQuarter ?? {}).length;
    out.push(
      `Budget: an annual cost run rate of ${money(plan.budget.annualCost)}${over ? ` (${over} quarters set apart)` : ''}; a run is within budget at a quarter when its cost at the quarter's end is at most the budget.`,
    );
  }
  if (plan.headcountTarget) {
    out.push(
      `Headcount target: ${plan.headcountTarget.count} people in post; a run reaches it when its headcount at a quarter's end is at least the quarter's target.`,
    );
  }
  const promo = Object.entries(plan.promotions?.byLevel ?? {});
  const mgmt = Object.entries(plan.promotions?.intoManagement ?? {});
  if (promo.length + mgmt.length > 0) {
    const list = (e: [string, number][]) => e.map(([l, r]) => `${l} ${pct(r, 1)}`).join(', ') || 'none';
    out.push(
      `Promotions a year: to the next IC level ${list(promo)}; into management ${list(mgmt)}. The manager bench is the expected number of ICs moved into management (no randomness); promotions do not change costs or the reporting structure.`,
    );
  }
  return out;
}
