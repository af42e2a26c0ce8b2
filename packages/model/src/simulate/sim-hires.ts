import type { OrgGraph } from '../graph/org-graph';
import type { Org } from '../schema/org';
import type { HeadcountPlan } from './plan';
import { quarterNumber } from './quarter';
import type { CostSourceRow } from './result';
import { type CostFallbacks, type RateIndex, resolveCost } from './sim-costs';
import { KIND_JUNIOR, KIND_SENIOR } from './sim-run';
import type { Buffers } from './sim-setup';

/** What {@link fillHireSlots} needs besides the org and plan. */
export interface HireCtx {
  slotOf: Int32Array;
  rank: Map<string, number>;
  costFallbacks: CostFallbacks;
  rates: RateIndex;
  costSources: CostSourceRow[];
  first: number;
  b: Buffers;
  warnings: string[];
}

/** Fills the slots of the plan's hires (from slot `first`), warning about lines it had to adapt. */
export function fillHireSlots(
  org: Org,
  g: OrgGraph,
  plan: HeadcountPlan & { startQuarter: string },
  c: HireCtx,
): void {
  const { b, warnings } = c;
  const start = quarterNumber(plan.startQuarter);
  let s = c.first;
  plan.hires.forEach((hire, h) => {
    const where = `hires.${h}`;
    let manager = hireManager(org, g, hire.teamId, hire.managerId, where, warnings);
    if (manager >= 0 && g.records[manager].aggregate) {
      warnings.push(
        `${where}: ${g.records[manager].id} is an aggregate of posts; the hires report to no one`,
      );
      manager = -1;
    }
    const r = c.rank.get(hire.level);
    if (r === undefined) warnings.push(`${where}.level: level ${hire.level} is not in the org's ladder`);
    const resolved =
      hire.cost === undefined
        ? resolveCost(c.rates, c.costFallbacks, hire.level, hire.location)
        : { annualCost: hire.cost, source: 'own' as const };
    const cost = resolved.annualCost;
    c.costSources.push({
      of: 'hire',
      line: h,
      level: hire.level,
      location: hire.location?.trim() || null,
      posts: hire.count,
      source: resolved.source,
      rateLocation: 'rateLocation' in resolved ? (resolved.rateLocation ?? null) : null,
      annualCostPerPost: cost,
    });
    let landing = quarterNumber(hire.quarter) - start + plan.timeToHireQuarters;
    if (landing < 0) {
      warnings.push(
        `${where}.quarter: ${hire.quarter} is before ${plan.startQuarter}; the hires start in the first quarter`,
      );
      landing = 0;
    } else if (landing >= plan.quarters) {
      warnings.push(
        `${where}.quarter: opened in ${hire.quarter}, the hires start after the last simulated quarter`,
      );
    }
    for (let k = 0; k < hire.count; k++, s++) {
      b.mgr[s] = manager >= 0 ? c.slotOf[manager] : -1;
      b.cost[s] = cost;
      b.fte[s] = 1;
      b.kind[s] = r !== undefined && r >= org.policy.seniorRank ? KIND_SENIOR : KIND_JUNIOR;
      b.level[s] = hire.level;
      b.land0[s] = landing < plan.quarters ? landing : -1;
    }
  });
}

/**
 * The record index a hire reports to: `managerId`, else the team's manager, else the manager most
 * of the team's members report to (ties: the first met), else -1 with a warning.
 */
function hireManager(
  org: Org,
  g: OrgGraph,
  teamId: string,
  managerId: string | undefined,
  where: string,
  warnings: string[],
): number {
  if (managerId !== undefined) {
    const i = g.indexOf.get(managerId);
    if (i !== undefined) return i;
    warnings.push(`${where}.managerId: no person ${managerId}; using the team's manager`);
  }
  const team = org.teams.find((t) => t.id === teamId);
  if (!team) warnings.push(`${where}.teamId: no team ${teamId} in the org`);
  const lead = team?.managerId == null ? undefined : g.indexOf.get(team.managerId);
  if (lead !== undefined) return lead;
  const votes = new Map<number, number>();
  let best = -1;
  for (let i = 0; i < g.n; i++) {
    if (g.records[i].teamId !== teamId || g.parent[i] < 0) continue;
    const v = (votes.get(g.parent[i]) ?? 0) + 1;
    votes.set(g.parent[i], v);
    if (best < 0 || v > (votes.get(best) ?? 0)) best = g.parent[i];
  }
  if (best < 0 && team)
    warnings.push(`${where}.teamId: team ${teamId} has no manager; the hires report to no one`);
  return best;
}
