import type { SimulationResult } from '@reorg/model';
import { type ScaleLinear, type ScalePoint, scaleLinear, scalePoint } from 'd3-scale';
import { isRedacted } from '../../lib/cost';

/** One quarter of a band: the 10th, 50th and 90th percentiles over the runs. */
export interface BandPoint {
  quarter: string;
  p10: number;
  p50: number;
  p90: number;
}

/** A plan's limit on one metric per quarter: its budget (cost) or its headcount target. */
export interface LimitPoint {
  quarter: string;
  value: number;
}

/** The bands of one plan for one metric, and how to draw them. */
export interface BandSeries {
  id: string;
  label: string;
  color: string;
  points: BandPoint[];
  /** The plan's budget (cost chart) or headcount target (headcount chart), drawn as a dashed line. */
  limit?: LimitPoint[];
}

/**
 * The plan's limit on a metric, per simulated quarter: `budget` for cost, `headcountTarget` for
 * headcount (each quarter's own, as the simulation reports it). Empty when the plan has none or
 * the server hid it (a budget is compensation-like: `null` for who may not see costs).
 */
export function getLimitPoints(result: SimulationResult, metric: BandMetric): LimitPoint[] {
  const key = metric === 'cost' ? 'budget' : 'headcountTarget';
  return result.quarters.flatMap((q) => {
    const v = q[key] as number | null | undefined;
    return typeof v === 'number' ? [{ quarter: q.quarter, value: v }] : [];
  });
}

/** The size of a chart and the room its axes take, in SVG units. */
export interface ChartFrame {
  width: number;
  height: number;
  margin: { top: number; right: number; bottom: number; left: number };
}

/** The metrics the charts draw: people in post, and the annual cost run rate. */
export type BandMetric = 'headcount' | 'cost';

/** The quarter before `YYYY-Qn` (`2027-Q1` → `2026-Q4`). */
export function previousQuarter(quarter: string): string {
  const m = /^(\d{4})-Q([1-4])$/.exec(quarter);
  if (!m) return quarter;
  const year = Number(m[1]);
  const q = Number(m[2]);
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/**
 * True when the server hid a simulation's cost bands from the caller (`cost: null` next to
 * `"redacted": true` on the start or any quarter): they are shown as "hidden", never as 0.
 */
export function isCostHidden(result: SimulationResult): boolean {
  const start = result.start as SimulationResult['start'] & { cost: number | null };
  if (isRedacted(start) || start.cost == null) return true;
  return result.quarters.some((q) => isRedacted(q) || (q.cost as unknown) == null);
}

/**
 * The bands of one metric of a simulation, one point per quarter (measured at its end), led by
 * the starting point (no spread yet) at the end of the quarter before the first. Hidden cost
 * bands (see {@link isCostHidden}) give no points.
 */
export function getBandPoints(result: SimulationResult, metric: BandMetric): BandPoint[] {
  if (metric === 'cost' && isCostHidden(result)) return [];
  const first = result.quarters[0];
  const points = result.quarters.map((q) => ({
    quarter: q.quarter,
    p10: q[metric].p10,
    p50: q[metric].p50,
    p90: q[metric].p90,
  }));
  if (!first) return points;
  const start = result.start[metric];
  return [{ quarter: previousQuarter(first.quarter), p10: start, p50: start, p90: start }, ...points];
}

/** Every quarter of the series, in time order (`YYYY-Qn` sorts as text). */
export function quarterDomain(series: readonly BandSeries[]): string[] {
  return [...new Set(series.flatMap((s) => s.points.map((p) => p.quarter)))].sort();
}

/**
 * The scales of a band chart: quarters spread evenly across the plot (d3 `scalePoint`), and a
 * linear y from the lowest p10 to the highest p90 with a little room, rounded to nice ticks. The
 * y axis does not start at zero: the charts show change over time, and say so on the axis.
 */
export function getBandScales(
  series: readonly BandSeries[],
  frame: ChartFrame,
): { x: ScalePoint<string>; y: ScaleLinear<number, number> } {
  const { width, height, margin } = frame;
  const x = scalePoint<string>()
    .domain(quarterDomain(series))
    .range([margin.left, width - margin.right])
    .padding(0.25);
  const limits = series.flatMap((s) => (s.limit ?? []).map((p) => p.value));
  const lows = [...series.flatMap((s) => s.points.map((p) => p.p10)), ...limits];
  const highs = [...series.flatMap((s) => s.points.map((p) => p.p90)), ...limits];
  let lo = lows.length ? Math.min(...lows) : 0;
  let hi = highs.length ? Math.max(...highs) : 1;
  const room = (hi - lo) * 0.08 || Math.max(1, Math.abs(hi) * 0.05);
  lo -= room;
  hi += room;
  if (lo < 0 && Math.min(...lows) >= 0) lo = 0;
  const y = scaleLinear()
    .domain([lo, hi])
    .range([height - margin.bottom, margin.top])
    .nice(5);
  return { x, y };
}

const r1 = (n: number) => Math.round(n * 10) / 10;

/** The closed outline of a band: along p90 left to right, back along p10 right to left. */
export function bandAreaPath(
  points: readonly BandPoint[],
  x: (q: string) => number | undefined,
  y: (v: number) => number,
): string {
  const placed = points.filter((p) => x(p.quarter) !== undefined);
  if (placed.length === 0) return '';
  const top = placed.map((p) => `${r1(x(p.quarter)!)},${r1(y(p.p90))}`);
  const bottom = placed.map((p) => `${r1(x(p.quarter)!)},${r1(y(p.p10))}`).reverse();
  return `M${top.join('L')}L${bottom.join('L')}Z`;
}

/** A line through one percentile of each point (the p50 by default). */
export function linePath(
  points: readonly BandPoint[],
  x: (q: string) => number | undefined,
  y: (v: number) => number,
  key: 'p10' | 'p50' | 'p90' = 'p50',
): string {
  const placed = points.filter((p) => x(p.quarter) !== undefined);
  if (placed.length === 0) return '';
  return `M${placed.map((p) => `${r1(x(p.quarter)!)},${r1(y(p[key]))}`).join('L')}`;
}

/**
 * A limit as a step line: flat across each quarter's slot (half a step either side of its
 * point), so that a budget reads as a level, not a slope.
 */
export function limitPath(
  points: readonly LimitPoint[],
  x: ScalePoint<string>,
  y: (v: number) => number,
): string {
  const step = x.step();
  const placed = points.filter((p) => x(p.quarter) !== undefined);
  if (placed.length === 0) return '';
  return placed
    .map((p, k) => {
      const cx = x(p.quarter)!;
      const py = r1(y(p.value));
      return `${k === 0 ? 'M' : 'L'}${r1(cx - step / 2)},${py}L${r1(cx + step / 2)},${py}`;
    })
    .join('');
}

/** Colors of the series, in order: distinct, readable on white, calm (the app's accent first). */
export const SERIES_COLORS = ['#2f55d4', '#d9731a', '#1f9d74', '#a63fb5', '#c0352b', '#5b6b82'] as const;

/** The color of the `k`th series (cycling). */
export function seriesColor(k: number): string {
  return SERIES_COLORS[k % SERIES_COLORS.length]!;
}
