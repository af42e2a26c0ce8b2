import type { OrgGraph } from '../graph/org-graph';
import { daysBetween } from '../schema/common';
import type { Org } from '../schema/org';
import type { Range } from '../schema/policy';
import { addQuarters, quarterEndDate } from './quarter';
import type { Positions } from './sim-setup';

/**
 * The first-line manager positions of a simulation and how their span targets are chosen
 * (DOMAIN.md "Span of control", simplified for speed): a position is first-line when it has
 * reports and none of them has reports. Its target is `newManager` while its manager has managed
 * for fewer than `newManagerDays` at the quarter's end (`managerSince`; missing = experienced),
 * then `experiencedSenior` when at least `seniorShare` of its individual, non-assistant reports in
 * post are at or above the senior rank, else `experiencedJunior`. The structure never changes:
 * a vacant manager position keeps its reports.
 */
export interface FirstLineTargets {
  /** First-line manager positions. */
  readonly positions: Int32Array;
  /** Quarter index from which each position's manager is experienced (0: from the start). */
  readonly newUntil: Int32Array;
  readonly newManager: Range;
  readonly experiencedJunior: Range;
  readonly experiencedSenior: Range;
  readonly seniorShare: number;
}

/** Finds the first-line positions and how long each manager stays new. */
export function firstLineTargets(
  org: Org,
  g: OrgGraph,
  slotOf: Int32Array,
  pos: Pick<Positions, 'posOf' | 'posUp'>,
  plan: { quarters: number; startQuarter: string },
): FirstLineTargets {
  const managesManager = new Uint8Array(pos.posUp.length);
  for (const m of pos.posUp) if (m >= 0) managesManager[m] = 1;
  const span = org.policy.span;
  const quarterEnds: string[] = [];
  for (let q = 0; q < plan.quarters; q++) quarterEnds.push(quarterEndDate(addQuarters(plan.startQuarter, q)));
  const positions: number[] = [];
  const newUntil: number[] = [];
  for (let i = 0; i < g.n; i++) {
    const p = g.records[i];
    const m = pos.posOf[slotOf[i]];
    if (p.aggregate || m < 0 || managesManager[m]) continue;
    positions.push(m);
    let q = 0;
    if (p.managerSince !== undefined) {
      while (q < plan.quarters && daysBetween(p.managerSince, quarterEnds[q]) < span.newManagerDays) q++;
    }
    newUntil.push(q);
  }
  return {
    positions: Int32Array.from(positions),
    newUntil: Int32Array.from(newUntil),
    newManager: span.newManager,
    experiencedJunior: span.experiencedJunior,
    experiencedSenior: span.experiencedSenior,
    seniorShare: span.seniorShare,
  };
}
