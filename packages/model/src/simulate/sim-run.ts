import type { Rng } from './rng';
import type { SimSetup } from './sim-setup';

/** The per-quarter numbers of a simulation, in the order of {@link SimulationQuarter}'s bands. */
export const METRICS = [
  'headcount',
  'productiveFte',
  'cost',
  'attritionCost',
  'leavers',
  'hires',
  'managersNeeded',
  'newManagerReqs',
  'spanOver',
  'spanUnder',
  'busiestManagerHours',
  'top5ManagerHours',
] as const;
/** One of {@link METRICS}. */
export type Metric = (typeof METRICS)[number];

/** Every metric of every run and quarter: `values[metric][quarter * runs + run]`. */
export type MetricValues = Record<Metric, Float64Array>;

/** Allocates the {@link MetricValues} of `runs` runs of `quarters` quarters. */
export function createMetricValues(runs: number, quarters: number): MetricValues {
  const out = {} as MetricValues;
  for (const m of METRICS) out[m] = new Float64Array(runs * quarters);
  return out;
}

/** Numbers of the plan and policy a run uses, resolved once. */
export interface RunParams {
  readonly timeToHire: number;
  readonly rampUp: number;
  readonly backfill: boolean;
  readonly backfillDelay: number;
  /** Replacement cost as a share of annual cost: months / 12. */
  readonly replacementShare: number;
  /** Weekly hours per direct report and per skip-level report. */
  readonly hoursPerReport: number;
  readonly hoursPerSkip: number;
}

/** Slot kind: an assistant, never counted in span. */
export const KIND_ASSISTANT = 0;
/** Slot kind: one post of an aggregate, counted in span but not in team seniority. */
export const KIND_AGGREGATE = 1;
/** Slot kind: an individual below the senior rank (or with a level not in the ladder). */
export const KIND_JUNIOR = 2;
/** Slot kind: an individual at or above the senior rank. */
export const KIND_SENIOR = 3;

/**
 * The mutable state of one run; allocated once and reset before each run. Counts are per
 * position (manager post) and cover the slots in post: `direct` reports (assistants included),
 * `skip`-level reports, `aside` (reports that are not assistants: a first-line counted span),
 * `ranked` (individual non-assistant reports) and `senior` (of those, at or above the senior rank).
 */
export interface RunState {
  readonly active: Uint8Array;
  readonly prodFrom: Int32Array;
  readonly inRamp: Uint8Array;
  readonly ramp: Int32Array;
  rampLength: number;
  /** Vacant slots filled in quarter q: a linked list from `head[q]` through `next`. */
  readonly head: Int32Array;
  readonly next: Int32Array;
  /** Slots that start vacant and are filled within the horizon, and their quarters. */
  readonly pending: Int32Array;
  readonly direct: Int32Array;
  readonly skip: Int32Array;
  readonly aside: Int32Array;
  readonly ranked: Int32Array;
  readonly senior: Int32Array;
  /** The counts at the start: `[direct, skip, aside, ranked, senior]` one after the other. */
  readonly counts0: Int32Array;
  headcount: number;
  cost: number;
  fte: number;
  leavers: number;
  leaverCost: number;
  hires: number;
}

/** Allocates a run state for a setup and computes the starting counts. */
export function createRunState(setup: SimSetup): RunState {
  const n = setup.slots;
  const m = setup.positions;
  const pending: number[] = [];
  for (let s = n - 1; s >= 0; s--) if (setup.land0[s] >= 0) pending.push(s);
  const st: RunState = {
    active: new Uint8Array(n),
    prodFrom: new Int32Array(n),
    inRamp: new Uint8Array(n),
    ramp: new Int32Array(n),
    rampLength: 0,
    head: new Int32Array(setup.quarters),
    next: new Int32Array(n),
    pending: Int32Array.from(pending),
    direct: new Int32Array(m),
    skip: new Int32Array(m),
    aside: new Int32Array(m),
    ranked: new Int32Array(m),
    senior: new Int32Array(m),
    counts0: new Int32Array(5 * m),
    headcount: 0,
    cost: 0,
    fte: 0,
    leavers: 0,
    leaverCost: 0,
    hires: 0,
  };
  for (let s = 0; s < n; s++) if (setup.active0[s]) count(setup, st, s, 1);
  const all = [st.direct, st.skip, st.aside, st.ranked, st.senior];
  for (let k = 0; k < all.length; k++) st.counts0.set(all[k], k * m);
  return st;
}

function resetRunState(setup: SimSetup, st: RunState): void {
  const m = setup.positions;
  st.active.set(setup.active0);
  for (let k = 0; k < st.rampLength; k++) st.inRamp[st.ramp[k]] = 0;
  st.rampLength = 0;
  st.head.fill(-1);
  for (let k = 0; k < st.pending.length; k++) push(st, setup.land0[st.pending[k]], st.pending[k]);
  const c = st.counts0;
  st.direct.set(c.subarray(0, m));
  st.skip.set(c.subarray(m, 2 * m));
  st.aside.set(c.subarray(2 * m, 3 * m));
  st.ranked.set(c.subarray(3 * m, 4 * m));
  st.senior.set(c.subarray(4 * m, 5 * m));
  st.headcount = setup.start.headcount;
  st.cost = setup.start.cost;
  st.fte = setup.start.fte;
}

/** Adds `delta` (+1 a start, −1 a departure) of slot `s` to the counts of its manager positions. */
function count(setup: SimSetup, st: RunState, s: number, delta: number): void {
  const m = setup.up[s];
  if (m < 0) return;
  st.direct[m] += delta;
  const gm = setup.posUp[m];
  if (gm >= 0) st.skip[gm] += delta;
  const kind = setup.kind[s];
  if (kind === KIND_ASSISTANT) return;
  st.aside[m] += delta;
  if (kind === KIND_AGGREGATE) return;
  st.ranked[m] += delta;
  if (kind === KIND_SENIOR) st.senior[m] += delta;
}

function push(st: RunState, q: number, s: number): void {
  st.next[s] = st.head[q];
  st.head[q] = s;
}

/** Simulates run `run` of a setup with `rng`, writing its numbers into `out`. */
export function simulateRun(
  setup: SimSetup,
  params: RunParams,
  st: RunState,
  rng: Rng,
  out: MetricValues,
  run: number,
  runs: number,
): void {
  resetRunState(setup, st);
  for (let q = 0; q < setup.quarters; q++) {
    st.leavers = 0;
    st.leaverCost = 0;
    st.hires = 0;
    if (q === 0) for (const s of setup.leaving) if (st.active[s]) leave(setup, params, st, s, q);
    drawLeavers(setup, params, st, rng, q);
    for (let s = st.head[q]; s >= 0; ) {
      const following = st.next[s];
      arrive(setup, params, st, s, q);
      s = following;
    }
    st.head[q] = -1;
    const at = q * runs + run;
    out.headcount[at] = st.headcount;
    out.productiveFte[at] = st.fte - rampingFte(setup, st, q);
    out.cost[at] = st.cost;
    out.attritionCost[at] = st.leaverCost * params.replacementShare;
    out.leavers[at] = st.leavers;
    out.hires[at] = st.hires;
    measureSpans(setup, st, q, out, at);
    measureHours(setup, params, st, out, at);
  }
}

/**
 * Each slot in post at the quarter's start leaves with its group's probability p. Rather than one
 * draw per slot, the gap to the next selected slot of a group is drawn from the geometric
 * distribution (floor(ln U / ln(1 − p))), which selects every slot independently with probability
 * p; a selected slot that is vacant is skipped. Same distribution, about 1/p times fewer draws.
 */
function drawLeavers(setup: SimSetup, params: RunParams, st: RunState, rng: Rng, q: number): void {
  for (const { p, slots } of setup.groups) {
    if (p <= 0) continue;
    const length = slots.length;
    if (p >= 1) {
      for (let k = 0; k < length; k++) if (st.active[slots[k]]) leave(setup, params, st, slots[k], q);
      continue;
    }
    const logQ = Math.log(1 - p);
    for (let k = Math.floor(Math.log(1 - rng.next()) / logQ); k < length; ) {
      const s = slots[k];
      if (st.active[s]) leave(setup, params, st, s, q);
      k += 1 + Math.floor(Math.log(1 - rng.next()) / logQ);
    }
  }
}

function leave(setup: SimSetup, params: RunParams, st: RunState, s: number, q: number): void {
  st.active[s] = 0;
  st.leavers++;
  st.leaverCost += setup.cost[s];
  st.headcount--;
  st.cost -= setup.cost[s];
  st.fte -= setup.fte[s];
  count(setup, st, s, -1);
  if (!params.backfill) return;
  const landing = q + params.backfillDelay + params.timeToHire;
  if (landing < setup.quarters) push(st, landing, s);
}

function arrive(setup: SimSetup, params: RunParams, st: RunState, s: number, q: number): void {
  st.active[s] = 1;
  st.hires++;
  st.headcount++;
  st.cost += setup.cost[s];
  st.fte += setup.fte[s];
  count(setup, st, s, 1);
  st.prodFrom[s] = q + params.rampUp;
  if (params.rampUp > 0 && !st.inRamp[s]) {
    st.inRamp[s] = 1;
    st.ramp[st.rampLength++] = s;
  }
}

/** FTE of slots in post still ramping up at quarter q; drops finished or departed slots from the list. */
function rampingFte(setup: SimSetup, st: RunState, q: number): number {
  let fte = 0;
  let kept = 0;
  for (let k = 0; k < st.rampLength; k++) {
    const s = st.ramp[k];
    if (st.active[s] && st.prodFrom[s] > q) {
      fte += setup.fte[s];
      st.ramp[kept++] = s;
    } else st.inRamp[s] = 0;
  }
  st.rampLength = kept;
  return fte;
}

/** Managers needed, new manager reqs, and first-line spans over and under target at quarter q. */
function measureSpans(setup: SimSetup, st: RunState, q: number, out: MetricValues, at: number): void {
  const { positions, newUntil, newManager, experiencedJunior, experiencedSenior, seniorShare } =
    setup.firstLine;
  const { aside, ranked, senior } = st;
  let needed = 0;
  let reqs = 0;
  let over = 0;
  let under = 0;
  for (let k = 0; k < positions.length; k++) {
    const f = positions[k];
    const counted = aside[f];
    if (counted === 0) continue;
    const target =
      q < newUntil[k]
        ? newManager
        : ranked[f] > 0 && senior[f] >= seniorShare * ranked[f]
          ? experiencedSenior
          : experiencedJunior;
    const max = target.max;
    if (counted > max) {
      const managers = Math.ceil(counted / max);
      needed += managers;
      reqs += managers - 1;
      over++;
    } else {
      needed++;
      if (counted < target.min) under++;
    }
  }
  out.managersNeeded[at] = needed;
  out.newManagerReqs[at] = reqs;
  out.spanOver[at] = over;
  out.spanUnder[at] = under;
}

/**
 * Weekly 1:1 hours of the busiest manager position and the mean of the five busiest, over the
 * positions whose span is not estimated (no posts of an aggregate report to them directly; 0 when
 * there are none).
 */
function measureHours(setup: SimSetup, params: RunParams, st: RunState, out: MetricValues, at: number): void {
  const { direct, skip } = st;
  let a = 0;
  let b = 0;
  let c = 0;
  let d = 0;
  let e = 0; // the five largest, a ≥ b ≥ c ≥ d ≥ e
  const { positions, estimated } = setup;
  let measured = 0;
  for (let m = 0; m < positions; m++) {
    if (estimated[m] === 1) continue;
    measured++;
    const h = direct[m] * params.hoursPerReport + skip[m] * params.hoursPerSkip;
    if (h <= e) continue;
    if (h > a) [a, b, c, d, e] = [h, a, b, c, d];
    else if (h > b) [b, c, d, e] = [h, b, c, d];
    else if (h > c) [c, d, e] = [h, c, d];
    else if (h > d) [d, e] = [h, d];
    else e = h;
  }
  out.busiestManagerHours[at] = a;
  out.top5ManagerHours[at] = (a + b + c + d + e) / Math.max(1, Math.min(5, measured));
}
