import { getOrgGraph, type OrgGraph } from '../graph/org-graph';
import type { Org } from '../schema/org';
import type { HeadcountPlan } from './plan';
import { addQuarters, quarterNumber, quarterOfDate } from './quarter';
import type { CostSourceRow } from './result';
import {
  type CostFallbacks,
  getCostFallbacks,
  indexRateCard,
  type RateIndex,
  resolveCost,
} from './sim-costs';
import { fillHireSlots } from './sim-hires';
import { KIND_AGGREGATE, KIND_ASSISTANT, KIND_JUNIOR, KIND_SENIOR } from './sim-run';
import { type FirstLineTargets, firstLineTargets } from './sim-targets';

/**
 * The numeric form of an org plus a plan that every run starts from. A **slot** is one post: a
 * person record, one post of an aggregate (ceil(fte) slots), or one planned hire. A **position**
 * is a slot with reports (a manager's post; aggregates never manage). Slots keep their manager for
 * the whole simulation; a leaver's slot is vacant until backfilled, and a vacant manager position
 * keeps its reports.
 */
export interface SimSetup {
  readonly quarters: number;
  readonly startQuarter: string;
  readonly slots: number;
  /** Position of each slot's manager, -1 for none. */
  readonly up: Int32Array;
  /** Number of positions (manager posts). */
  readonly positions: number;
  /** Position of each position's own manager, -1 for none (skip-level counts). */
  readonly posUp: Int32Array;
  /**
   * 1 for a position with posts of an aggregate reporting directly: its span is estimated from
   * FTE, so its weekly 1:1 hours are not measured (as `weeklyOneOnOneHours` is `null` in the analysis).
   */
  readonly estimated: Uint8Array;
  /** Annual cost of each slot in the org's currency. */
  readonly cost: Float64Array;
  readonly fte: Float64Array;
  /** How a slot counts in its manager's span: {@link KIND_ASSISTANT} … {@link KIND_SENIOR}. */
  readonly kind: Uint8Array;
  /** 1 when the slot is in post at the start. */
  readonly active0: Uint8Array;
  /** Quarter index at which a vacant slot is filled (-1: never within the horizon, or in post). */
  readonly land0: Int32Array;
  /** Slots of records with status `leaving`: they leave in the first quarter. */
  readonly leaving: Int32Array;
  /** Slots grouped by quarterly leaving probability. */
  readonly groups: ReadonlyArray<{ p: number; slots: Int32Array }>;
  readonly firstLine: FirstLineTargets;
  /** People in post at the start: count, annual cost, FTE. */
  readonly start: { headcount: number; cost: number; fte: number };
  readonly costFallbacks: CostFallbacks;
  readonly openReqs: number;
  readonly plannedHires: number;
  /** Where the costs of posts without one of their own came from (plan lines: every line). */
  readonly costSources: CostSourceRow[];
  readonly warnings: string[];
}

/** The default first quarter: the one after the quarter holding `asOf`. */
export function defaultStartQuarter(asOf: string): string {
  return addQuarters(quarterOfDate(asOf), 1);
}

/** Quarterly leaving probability of an annual rate: 1 − (1 − r)^(1/4). */
export function quarterlyRate(annualRate: number): number {
  return annualRate >= 1 ? 1 : 1 - (1 - annualRate) ** 0.25;
}

/** Builds the {@link SimSetup} of `org` and a plan whose `startQuarter` is resolved. */
export function buildSimSetup(org: Org, plan: HeadcountPlan & { startQuarter: string }): SimSetup {
  const g = getOrgGraph(org);
  const warnings: string[] = [];
  const rank = new Map<string, number>();
  for (const track of ['ic', 'manager'] as const)
    for (const l of org.ladder.tracks[track]) if (!rank.has(l.id)) rank.set(l.id, l.rank);
  const costFallbacks = getCostFallbacks(g);
  const rates = indexRateCard(org.rateCard);
  const costSources: CostSourceRow[] = [];
  const slotOf = new Int32Array(g.n);
  let slots = 0;
  for (let i = 0; i < g.n; i++) {
    slotOf[i] = slots;
    slots += g.records[i].aggregate ? Math.max(0, Math.ceil(g.records[i].fte)) : 1;
  }
  const plannedHires = plan.hires.reduce((s, h) => s + h.count, 0);
  const total = slots + plannedHires;
  const b = newBuffers(total);
  const offset = quarterOffset(org.asOf, plan.startQuarter);
  const openReqs = fillRecordSlots(org, g, plan, {
    slotOf,
    rank,
    costFallbacks,
    rates,
    costSources,
    offset,
    b,
  });
  fillHireSlots(org, g, plan, { slotOf, rank, costFallbacks, rates, costSources, first: slots, b, warnings });
  for (const level of Object.keys(plan.attrition.byLevel ?? {}))
    if (!rank.has(level))
      warnings.push(`attrition.byLevel.${level}: level ${level} is not in the org's ladder`);
  const groups = groupByRate(plan, b.level, total);
  const pos = buildPositions(b.mgr, total);
  const firstLine = firstLineTargets(org, g, slotOf, pos, plan);
  return {
    quarters: plan.quarters,
    startQuarter: plan.startQuarter,
    slots: total,
    up: pos.up,
    positions: pos.posSlot.length,
    posUp: pos.posUp,
    estimated: estimatedPositions(pos, b.kind, total),
    cost: b.cost,
    fte: b.fte,
    kind: b.kind,
    active0: b.active0,
    land0: b.land0,
    leaving: Int32Array.from(b.leaving),
    groups,
    firstLine,
    start: totals(b),
    costFallbacks,
    openReqs,
    plannedHires,
    costSources,
    warnings,
  };
}

/** The per-slot arrays being filled (see {@link SimSetup}); `mgr` is the manager's slot. */
export interface Buffers {
  mgr: Int32Array;
  cost: Float64Array;
  fte: Float64Array;
  kind: Uint8Array;
  active0: Uint8Array;
  land0: Int32Array;
  level: (string | undefined)[];
  leaving: number[];
}

function newBuffers(n: number): Buffers {
  return {
    mgr: new Int32Array(n).fill(-1),
    cost: new Float64Array(n),
    fte: new Float64Array(n),
    kind: new Uint8Array(n),
    active0: new Uint8Array(n),
    land0: new Int32Array(n).fill(-1),
    level: new Array(n).fill(undefined),
    leaving: [],
  };
}

function totals(b: Buffers): { headcount: number; cost: number; fte: number } {
  let headcount = 0;
  let cost = 0;
  let fte = 0;
  for (let s = 0; s < b.active0.length; s++) {
    if (!b.active0[s]) continue;
    headcount++;
    cost += b.cost[s];
    fte += b.fte[s];
  }
  return { headcount, cost, fte };
}

/** Quarters from the `asOf` quarter to the start quarter (1 by default). */
function quarterOffset(asOf: string, startQuarter: string): number {
  return quarterNumber(startQuarter) - quarterNumber(quarterOfDate(asOf));
}

interface RecordCtx {
  slotOf: Int32Array;
  rank: Map<string, number>;
  costFallbacks: CostFallbacks;
  rates: RateIndex;
  costSources: CostSourceRow[];
  /** Quarters from the asOf quarter to the start quarter. */
  offset: number;
  b: Buffers;
}

/** Fills the slots of the org's records; returns the number of open and planned slots. */
function fillRecordSlots(org: Org, g: OrgGraph, plan: HeadcountPlan, c: RecordCtx): number {
  const { b } = c;
  const seniorRank = org.policy.seniorRank;
  // Open and planned records count as requisitions opened in the asOf quarter.
  const landing = Math.max(0, plan.timeToHireQuarters - c.offset);
  let openCount = 0;
  for (let i = 0; i < g.n; i++) {
    const p = g.records[i];
    const weight = p.aggregate ? Math.max(0, Math.ceil(p.fte)) : 1;
    // Aggregates never manage (DOMAIN.md): their reports count under no one.
    const up = g.parent[i];
    const mgr = up >= 0 && !g.records[up].aggregate ? c.slotOf[up] : -1;
    const r = p.level === undefined ? undefined : c.rank.get(p.level);
    const kind = p.isAssistant
      ? KIND_ASSISTANT
      : p.aggregate
        ? KIND_AGGREGATE
        : r !== undefined && r >= seniorRank
          ? KIND_SENIOR
          : KIND_JUNIOR;
    const open = p.status === 'open' || p.status === 'planned';
    let postCost = p.cost ?? 0;
    if (p.cost === undefined) {
      const resolved = resolveCost(c.rates, c.costFallbacks, p.level, p.location);
      // A rate is per post; a median is per person, spread over an aggregate's posts as before.
      postCost =
        p.aggregate && resolved.source !== 'rate-card' ? resolved.annualCost / weight : resolved.annualCost;
      noteSource(
        c.costSources,
        open ? 'open-req' : 'person',
        p.level,
        p.location,
        weight,
        resolved,
        postCost,
      );
    } else if (p.aggregate) postCost = p.cost / weight;
    for (let k = 0; k < weight; k++) {
      const s = c.slotOf[i] + k;
      b.mgr[s] = mgr;
      b.cost[s] = postCost;
      b.fte[s] = p.aggregate ? p.fte / weight : p.fte;
      b.kind[s] = kind;
      b.level[s] = p.level;
      if (open) {
        openCount++;
        if (landing < plan.quarters) b.land0[s] = landing;
      } else {
        b.active0[s] = 1;
        if (p.status === 'leaving') b.leaving.push(s);
      }
    }
  }
  return openCount;
}

/** Adds `posts` posts of a fallback cost to the row of the same kind, level, location and rate. */
function noteSource(
  rows: CostSourceRow[],
  of: 'open-req' | 'person',
  level: string | undefined,
  location: string | undefined,
  posts: number,
  resolved: ReturnType<typeof resolveCost>,
  annualCostPerPost: number,
): void {
  const loc = location?.trim() || null;
  const row = rows.find(
    (r) =>
      r.of === of &&
      r.level === (level ?? null) &&
      r.location === loc &&
      r.source === resolved.source &&
      r.annualCostPerPost === annualCostPerPost,
  );
  if (row) row.posts += posts;
  else
    rows.push({
      of,
      level: level ?? null,
      location: loc,
      posts,
      source: resolved.source,
      rateLocation: resolved.rateLocation ?? null,
      annualCostPerPost,
    });
}

/** Slots grouped by the quarterly leaving probability of their level, in slot order. */
function groupByRate(plan: HeadcountPlan, level: (string | undefined)[], n: number) {
  const byRate = new Map<number, number[]>();
  for (let s = 0; s < n; s++) {
    const annual = plan.attrition.byLevel?.[level[s] ?? ''] ?? plan.attrition.annualRate;
    const p = quarterlyRate(annual);
    const list = byRate.get(p);
    if (list) list.push(s);
    else byRate.set(p, [s]);
  }
  return [...byRate].map(([p, list]) => ({ p, slots: Int32Array.from(list) }));
}

/** Positions: slots with reports (never an aggregate post: aggregates' reports count under no one). */
export interface Positions {
  /** Slot of each position, in slot order. */
  readonly posSlot: Int32Array;
  /** Position of each slot (-1 when the slot manages no one). */
  readonly posOf: Int32Array;
  /** Position of each slot's manager (-1 for none). */
  readonly up: Int32Array;
  /** Position of each position's manager (-1 for none). */
  readonly posUp: Int32Array;
}

/** 1 for each position that a post of an aggregate reports to directly (see {@link SimSetup}). */
function estimatedPositions(pos: Positions, kind: Uint8Array, n: number): Uint8Array {
  const out = new Uint8Array(pos.posSlot.length);
  for (let s = 0; s < n; s++) if (kind[s] === KIND_AGGREGATE && pos.up[s] >= 0) out[pos.up[s]] = 1;
  return out;
}

function buildPositions(mgr: Int32Array, n: number): Positions {
  const posOf = new Int32Array(n).fill(-1);
  for (let s = 0; s < n; s++) if (mgr[s] >= 0) posOf[mgr[s]] = 0;
  const slots: number[] = [];
  for (let s = 0; s < n; s++) if (posOf[s] === 0) posOf[s] = slots.push(s) - 1;
  const up = new Int32Array(n);
  for (let s = 0; s < n; s++) up[s] = mgr[s] >= 0 ? posOf[mgr[s]] : -1;
  const posSlot = Int32Array.from(slots);
  const posUp = posSlot.map((s) => up[s]);
  return { posSlot, posOf, up, posUp };
}
