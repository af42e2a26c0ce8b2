import type { SpanStatus } from '@reorg/model';
import { scaleOrdinal, scaleThreshold } from 'd3-scale';

/** Span statuses in legend order: from too few reports to far too many, then managers of one. */
export const SPAN_LEGEND: readonly { status: SpanStatus; label: string; hint: string }[] = [
  { status: 'under', label: 'Under', hint: 'fewer reports than the target' },
  { status: 'ok', label: 'In target', hint: 'within the target range' },
  { status: 'over', label: 'Over', hint: 'more reports than the target' },
  { status: 'critical', label: 'Critical', hint: "at least twice the target's max" },
  { status: 'single', label: 'Single report', hint: 'a layer that adds little' },
];

/** Colors of one span status: a solid `fill` (white text on it passes WCAG AA), a light `tint`, and `text` on the tint. */
export interface StatusColors {
  fill: string;
  tint: string;
  text: string;
}

const STATUSES: SpanStatus[] = ['under', 'ok', 'over', 'critical', 'single'];

/** Status → solid badge color (d3 ordinal scale); unknown statuses fall back to slate. */
export const spanFillScale = scaleOrdinal<SpanStatus, string>()
  .domain(STATUSES)
  .range(['#2f6fb3', '#1f7a4d', '#b35c00', '#c0352b', '#6d4bc2'])
  .unknown('#5b6474');

/** Status → light background tint. */
export const spanTintScale = scaleOrdinal<SpanStatus, string>()
  .domain(STATUSES)
  .range(['#e8f1fb', '#e6f4ec', '#fdf0e1', '#fbe7e5', '#efeafb'])
  .unknown('#eef0f3');

/** Status → text color on the tint. */
export const spanTextScale = scaleOrdinal<SpanStatus, string>()
  .domain(STATUSES)
  .range(['#1f4f82', '#165c39', '#8a4600', '#9c2a22', '#52369a'])
  .unknown('#3d4452');

/** The colors of a status (`null`: not a manager, or not analysed yet). */
export function getStatusColors(status: SpanStatus | null | undefined): StatusColors {
  const s = (status ?? 'unknown') as SpanStatus;
  return { fill: spanFillScale(s), tint: spanTintScale(s), text: spanTextScale(s) };
}

/**
 * Where a counted span falls against a target, as d3 threshold scale: below `min` is under,
 * up to `max` ok, below `criticalFactor × max` over, from there critical. The model's analysis
 * is the authority (it also knows `single`); this scale previews a span while dragging.
 */
export function createSpanThresholdScale(target: { min: number; max: number }, criticalFactor = 2) {
  return scaleThreshold<number, SpanStatus>()
    .domain([target.min, target.max + 1, criticalFactor * target.max])
    .range(['under', 'ok', 'over', 'critical']);
}
