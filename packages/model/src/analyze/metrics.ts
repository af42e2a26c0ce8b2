import type { OrgGraph } from '../graph/org-graph';
import { PERSON_STATUSES, type PersonStatus } from '../schema/person';
import { type ManagerReport, SPAN_BUCKETS, type SpanBucket, type Summary } from '../schema/report';
import type { AnalysisContext } from './context';
import { getTopPeople } from './graph-rules';
import { FLAG_AGGREGATE, FLAG_ASSISTANT, FLAG_MANAGER, getRecordColumns, getSpanFacts } from './span-facts';

type StatusCounts = Record<PersonStatus, number>;

// Local copies of the flag bits: runners turn imported bindings into getters in hot loops.
const MANAGER = FLAG_MANAGER;
const ASSISTANT = FLAG_ASSISTANT;
const AGGREGATE = FLAG_AGGREGATE;

const round2 = (x: number) => Math.round(x * 100) / 100;
/** Rounds away float noise of summed fractions (e.g. 0.1 + 0.2) without hiding real decimals. */
const clean = (x: number) => Math.round(x * 1e6) / 1e6;

/** Index in {@link SPAN_BUCKETS} of a number of direct reports: 1 (or fewer), 2–3, 4–5, 6–8, 9–12, 13+. */
export function getSpanBucketIndex(reports: number): number {
  return reports <= 1 ? 0 : reports <= 3 ? 1 : reports <= 5 ? 2 : reports <= 8 ? 3 : reports <= 12 ? 4 : 5;
}

/** The span bucket of a number of direct reports: `1` (or fewer), `2-3`, `4-5`, `6-8`, `9-12`, `13+`. */
export function getSpanBucket(reports: number): SpanBucket {
  return SPAN_BUCKETS[getSpanBucketIndex(reports)];
}

/** Median of a numeric array (sorted in place); 0 when empty. */
function median(values: Int32Array): number {
  if (values.length === 0) return 0;
  values.sort();
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

/** Span distribution (counts by {@link SPAN_BUCKETS}), median and mean of one graph. */
interface SpanStats {
  readonly buckets: Int32Array;
  readonly medianSpan: number;
  readonly meanSpan: number;
}

/** Span statistics depend on the structure only, so they are computed once per graph. */
const spanStatsCache = new WeakMap<OrgGraph, SpanStats>();

/** Span distribution, median and mean over managers' direct reports, assistants aside. */
function getSpanStats(graph: OrgGraph): SpanStats {
  const cached = spanStatsCache.get(graph);
  if (cached) return cached;
  const { flags, managerCount } = getRecordColumns(graph);
  const { n, childOffsets, childList, records } = graph;
  const buckets = new Int32Array(SPAN_BUCKETS.length);
  const spans = new Int32Array(managerCount);
  let m = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    if (!(flags[i] & MANAGER)) continue;
    let s = 0;
    for (let k = childOffsets[i]; k < childOffsets[i + 1]; k++) {
      const f = flags[childList[k]];
      if (!(f & ASSISTANT)) s += f & AGGREGATE ? Math.ceil(records[childList[k]].fte) : 1;
    }
    spans[m++] = s;
    total += s;
    buckets[getSpanBucketIndex(s)]++;
  }
  const stats = { buckets, medianSpan: median(spans), meanSpan: m === 0 ? 0 : round2(total / m) };
  spanStatsCache.set(graph, stats);
  return stats;
}

/** Status counts as an object keyed by {@link PERSON_STATUSES}, float noise rounded away. */
const byStatus = (values: Float64Array) =>
  Object.fromEntries(PERSON_STATUSES.map((s, j) => [s, clean(values[j])])) as StatusCounts;

/**
 * The org-wide metrics of the report ({@link Summary}) over the kept records (a duplicate id's
 * earlier rows are left out): people and aggregates, FTE, managers and ICs, ICs per manager (the
 * same people as the ICs, 2 decimals) and, apart, the aggregates' posts (FTE rounded up) and ICs
 * plus posts per manager, layers, roots, headcount/FTE/annual cost (org
 * currency) by status, the span distribution with median and mean (direct reports, assistants
 * aside), the findings by severity and the skipped checks. Call it last: it counts `ctx.findings` as they stand.
 */
export function summarize(ctx: AnalysisContext, _managers: ManagerReport[]): Summary {
  const facts = getSpanFacts(ctx);
  const { totals } = facts;
  const spans = getSpanStats(ctx.graph);
  const managers = facts.managerCount;
  const people = ctx.graph.n - totals.aggregates;
  const ics = people - managers;
  let error = 0;
  let warning = 0;
  for (const f of ctx.findings) {
    const severity = f.severity; // compared, not used as a key: keyed counting is slow on big lists
    if (severity === 'error') error++;
    else if (severity === 'warning') warning++;
  }
  const findings = { error, warning, info: ctx.findings.length - error - warning };
  const skippedChecks: Summary['skippedChecks'] = [];
  for (const f of ctx.findings)
    if (f.code === 'analysis.check_skipped')
      skippedChecks.push({ rule: String(f.data.rule), reason: String(f.data.reason) });
  const sum = (values: Float64Array) => values.reduce((a, b) => a + b, 0);
  return {
    people,
    aggregates: totals.aggregates,
    fte: clean(sum(totals.fteByStatus)),
    managers,
    ics,
    icsPerManager: managers === 0 ? 0 : round2(ics / managers),
    aggregatePosts: totals.aggregateWeight,
    icsAndPostsPerManager: managers === 0 ? 0 : round2((ics + totals.aggregateWeight) / managers),
    maxLayer: ctx.graph.maxLayer,
    roots: getTopPeople(ctx.graph).length,
    headcountByStatus: byStatus(totals.headcountByStatus),
    fteByStatus: byStatus(totals.fteByStatus),
    spanDistribution: Object.fromEntries(SPAN_BUCKETS.map((b, j) => [b, spans.buckets[j]])) as Record<
      SpanBucket,
      number
    >,
    medianSpan: spans.medianSpan,
    meanSpan: spans.meanSpan,
    cost: { total: clean(sum(totals.costByStatus)), byStatus: byStatus(totals.costByStatus) },
    findings,
    skippedChecks,
  };
}
