import { PERSON_STATUSES, type PersonStatus } from '../schema/person';
import { type ManagerReport, SPAN_BUCKETS, type SpanBucket, type Summary } from '../schema/report';
import type { AnalysisContext } from './context';
import { FLAG_AGGREGATE, getSpanFacts, ROLE_NONE, type SpanFacts } from './span-facts';

type StatusCounts = Record<PersonStatus, number>;

const zeroCounts = (): StatusCounts => Object.fromEntries(PERSON_STATUSES.map((s) => [s, 0])) as StatusCounts;

const round2 = (x: number) => Math.round(x * 100) / 100;
/** Rounds away float noise of summed fractions (e.g. 0.1 + 0.2) without hiding real decimals. */
const clean = (x: number) => Math.round(x * 1e6) / 1e6;
const cleanCounts = (c: StatusCounts) => {
  for (const s of PERSON_STATUSES) c[s] = clean(c[s]);
  return c;
};

/** The span bucket of a number of direct reports: 1 (or fewer), 2–3, 4–5, 6–8, 9–12, 13+. */
export function getSpanBucket(reports: number): SpanBucket {
  if (reports <= 1) return '1';
  if (reports <= 3) return '2-3';
  if (reports <= 5) return '4-5';
  if (reports <= 8) return '6-8';
  if (reports <= 12) return '9-12';
  return '13+';
}

/** Median of a numeric array (sorted in place); 0 when empty. */
function median(values: Int32Array): number {
  if (values.length === 0) return 0;
  values.sort();
  const mid = values.length >> 1;
  return values.length % 2 === 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

/** Headcount, FTE and annual cost by status over every kept record, one pass. */
function countRecords(ctx: AnalysisContext, facts: SpanFacts) {
  const headcountByStatus = zeroCounts();
  const fteByStatus = zeroCounts();
  const costByStatus = zeroCounts();
  let aggregates = 0;
  let aggregateWeight = 0;
  let fte = 0;
  let cost = 0;
  const { records, n } = ctx.graph;
  for (let i = 0; i < n; i++) {
    const p = records[i];
    const status = p.status;
    fte += p.fte;
    fteByStatus[status] += p.fte;
    if (p.cost !== undefined) {
      cost += p.cost;
      costByStatus[status] += p.cost;
    }
    if (facts.flags[i] & FLAG_AGGREGATE) {
      aggregates++;
      aggregateWeight += facts.weight[i];
    } else headcountByStatus[status]++;
  }
  return { headcountByStatus, fteByStatus, costByStatus, aggregates, aggregateWeight, fte, cost };
}

/** Span distribution, median and mean over managers' direct reports, assistants aside. */
function summarizeSpans(ctx: AnalysisContext, facts: SpanFacts) {
  const spanDistribution = Object.fromEntries(SPAN_BUCKETS.map((b) => [b, 0])) as Record<SpanBucket, number>;
  const spans = new Int32Array(facts.managerCount);
  let k = 0;
  let total = 0;
  for (let i = 0; i < ctx.graph.n; i++) {
    if (facts.role[i] === ROLE_NONE) continue;
    const s = facts.reportsAside[i];
    spans[k++] = s;
    total += s;
    spanDistribution[getSpanBucket(s)]++;
  }
  const meanSpan = k === 0 ? 0 : round2(total / k);
  return { spanDistribution, medianSpan: median(spans), meanSpan };
}

/**
 * The org-wide metrics of the report ({@link Summary}) over the kept records (a duplicate id's
 * earlier rows are left out): people and aggregates, FTE, managers and ICs, ICs per manager
 * (aggregates by FTE rounded up, 2 decimals), layers, roots, headcount/FTE/annual cost (org
 * currency) by status, the span distribution with median and mean (direct reports, assistants
 * aside), and the findings by severity. Call it last: it counts `ctx.findings` as they stand.
 */
export function summarize(ctx: AnalysisContext, _managers: ManagerReport[]): Summary {
  const facts = getSpanFacts(ctx);
  const counts = countRecords(ctx, facts);
  const managers = facts.managerCount;
  const people = ctx.graph.n - counts.aggregates;
  const ics = people - managers;
  const findings = { error: 0, warning: 0, info: 0 };
  for (const f of ctx.findings) findings[f.severity]++;
  return {
    people,
    aggregates: counts.aggregates,
    fte: clean(counts.fte),
    managers,
    ics,
    icsPerManager: managers === 0 ? 0 : round2((ics + counts.aggregateWeight) / managers),
    maxLayer: ctx.graph.maxLayer,
    roots: ctx.graph.roots.length,
    headcountByStatus: counts.headcountByStatus,
    fteByStatus: cleanCounts(counts.fteByStatus),
    ...summarizeSpans(ctx, facts),
    cost: { total: clean(counts.cost), byStatus: cleanCounts(counts.costByStatus) },
    findings,
  };
}
