import type { Org } from '../schema/org';
import type { ResolvedPlan } from './plan';
import { round2 } from './quantiles';
import { addQuarters, quarterNumber, quarterOfDate } from './quarter';
import type { ManagerBenchQuarter, QuantileBand } from './result';
import { quarterlyRate } from './sim-setup';

/**
 * The manager bench (DOMAIN.md "Simulation"; issue 12): expected counts of the IC track, quarter
 * by quarter, with no randomness. Each quarter, in order: records with status `leaving` leave
 * (first quarter), every IC level loses its quarterly attrition share (backfilled at the same
 * level `delay + timeToHire` quarters later when backfill is on), open reqs and plan hires land
 * at their level, a quarterly share of each level is promoted to the next IC level (from the
 * quarter's counts, so nobody is promoted twice in a quarter), then a quarterly share of each
 * level moves into management: the bench of internal candidates, which loses the plan's overall
 * attrition share each quarter. Annual rates become quarterly ones as attrition does:
 * 1 − (1 − r)^(1/4). Reports beside the simulated managers needed and new manager reqs (p50).
 */
export function managerBench(
  org: Org,
  plan: ResolvedPlan,
  bands: ReadonlyArray<{ quarter: string; managersNeeded: QuantileBand; newManagerReqs: QuantileBand }>,
): ManagerBenchQuarter[] {
  const levels = org.ladder.tracks.ic.slice().sort((a, b) => a.rank - b.rank);
  const index = new Map(levels.map((l, k) => [l.id, k]));
  const L = levels.length;
  const Q = plan.quarters;
  const n = new Float64Array(L);
  const leaving = new Float64Array(L);
  const arrivals = new Float64Array(Q * L);
  const land = (q: number, k: number, count: number) => {
    if (q >= 0 && q < Q) arrivals[q * L + k] += count;
  };
  const offset = quarterNumber(plan.startQuarter) - quarterNumber(quarterOfDate(org.asOf));
  for (const p of org.people) {
    const k = p.level === undefined || p.aggregate ? undefined : index.get(p.level);
    if (k === undefined) continue;
    if (p.status === 'open' || p.status === 'planned')
      land(Math.max(0, plan.timeToHireQuarters - offset), k, 1);
    else {
      n[k]++;
      if (p.status === 'leaving') leaving[k]++;
    }
  }
  const start = quarterNumber(plan.startQuarter);
  for (const h of plan.hires) {
    const k = index.get(h.level);
    if (k !== undefined)
      land(Math.max(0, quarterNumber(h.quarter) - start + plan.timeToHireQuarters), k, h.count);
  }
  const rate = (r: number | undefined) => (r === undefined ? 0 : quarterlyRate(r));
  const attrition = levels.map((l) => rate(plan.attrition.byLevel?.[l.id] ?? plan.attrition.annualRate));
  const promote = levels.map((l, k) => (k < L - 1 ? rate(plan.promotions?.byLevel?.[l.id]) : 0));
  const intoManagement = levels.map((l) => rate(plan.promotions?.intoManagement?.[l.id]));
  const benchAttrition = quarterlyRate(plan.attrition.annualRate);
  const backfillAfter = plan.backfill.delayQuarters + plan.timeToHireQuarters;
  const seniorRank = org.policy.seniorRank;
  let bench = 0;
  const out: ManagerBenchQuarter[] = [];
  for (let q = 0; q < Q; q++) {
    bench -= bench * benchAttrition;
    for (let k = 0; k < L; k++) {
      let leavers = 0;
      if (q === 0) {
        n[k] -= leaving[k];
        leavers += leaving[k];
      }
      const drawn = n[k] * attrition[k];
      n[k] -= drawn;
      leavers += drawn;
      if (plan.backfill.enabled) land(q + backfillAfter, k, leavers);
      n[k] += arrivals[q * L + k];
    }
    const before = Float64Array.from(n);
    for (let k = 0; k < L - 1; k++) {
      const moved = before[k] * promote[k];
      n[k] -= moved;
      n[k + 1] += moved;
    }
    let seniorIcs = 0;
    for (let k = 0; k < L; k++) {
      const moved = n[k] * intoManagement[k];
      n[k] -= moved;
      bench += moved;
      if (levels[k].rank >= seniorRank) seniorIcs += n[k];
    }
    const band = bands[q];
    const reqs = band?.newManagerReqs.p50 ?? 0;
    out.push({
      quarter: band?.quarter ?? addQuarters(plan.startQuarter, q),
      managersNeeded: band?.managersNeeded.p50 ?? 0,
      newManagerReqs: reqs,
      seniorIcs: round2(seniorIcs),
      internalCandidates: round2(bench),
      externalManagersNeeded: round2(Math.max(0, reqs - bench)),
    });
  }
  return out;
}
