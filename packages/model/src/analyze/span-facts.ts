import type { AnalysisContext } from './context';

/** Manager roles as small integers in {@link SpanFacts.role}: 0 is not a manager. */
export const ROLE_NONE = 0;
/** A first-line manager: no direct report manages anyone. */
export const ROLE_FIRST_LINE = 1;
/** A manager of managers: some direct report manages, none manages managers. */
export const ROLE_MANAGER_OF_MANAGERS = 2;
/** An executive: some direct report is a manager of managers or an executive. */
export const ROLE_EXECUTIVE = 3;

/**
 * The span-of-control numbers of every kept record, as typed arrays indexed like the graph
 * (DOMAIN.md "Span of control"), gathered once per analysis so the span, layer and summary rules
 * never walk the records again. An aggregate weighs its FTE rounded up wherever people are counted.
 */
export interface SpanFacts {
  /** Headcount weight: 1, or ceil(fte) for an aggregate. */
  readonly weight: Int32Array;
  /** 1 for an assistant, 2 for an aggregate, 3 for both (bit flags). */
  readonly flags: Uint8Array;
  /** Role code ({@link ROLE_NONE} … {@link ROLE_EXECUTIVE}); non-zero exactly for managers. */
  readonly role: Uint8Array;
  /** Every direct report (assistants included), aggregates by weight. */
  readonly directReports: Int32Array;
  /** Direct reports that are not assistants, aggregates by weight. */
  readonly reportsAside: Int32Array;
  /** Direct report *records* that are not assistants. */
  readonly recordsAside: Int32Array;
  /** Non-assistant direct reports who manage someone. */
  readonly managersAside: Int32Array;
  /** Reports of direct reports (skip-level reports), aggregates by weight. */
  readonly skipReports: Int32Array;
  /** 1 when an aggregate reports directly: the span is estimated from FTE. */
  readonly estimated: Uint8Array;
  /** Direct reports that are neither assistants nor aggregates (the base of team seniority). */
  readonly individualsAside: Int32Array;
  /** Of those, the ones whose level's rank is at least `policy.seniorRank` (unknown levels are not). */
  readonly seniorsAside: Int32Array;
  /** The last non-assistant direct report (the only one when `recordsAside` is 1), else -1. */
  readonly lastReportAside: Int32Array;
  /** Number of managers. */
  readonly managerCount: number;
  /** Org totals gathered in the same pass, for the summary. */
  readonly totals: RecordTotals;
}

/**
 * Org totals by status, indexed like {@link PERSON_STATUSES} (active, open, planned, leaving):
 * individuals (aggregates aside), FTE and annual cost (org currency) of every record.
 */
export interface RecordTotals {
  readonly headcountByStatus: Float64Array;
  readonly fteByStatus: Float64Array;
  readonly costByStatus: Float64Array;
  readonly aggregates: number;
  /** Sum of the aggregates' weights (FTE rounded up). */
  readonly aggregateWeight: number;
}

/** Flag bit of an assistant in {@link SpanFacts.flags}. */
export const FLAG_ASSISTANT = 1;
/** Flag bit of an aggregate in {@link SpanFacts.flags}. */
export const FLAG_AGGREGATE = 2;

const memo = new WeakMap<AnalysisContext, SpanFacts>();

/** The {@link SpanFacts} of an analysis, computed once per context. */
export function getSpanFacts(ctx: AnalysisContext): SpanFacts {
  let facts = memo.get(ctx);
  if (!facts) {
    facts = computeSpanFacts(ctx);
    memo.set(ctx, facts);
  }
  return facts;
}

/** Index of a status in {@link PERSON_STATUSES} without a keyed lookup (hot loop). */
function statusIndex(status: string): number {
  return status === 'active' ? 0 : status === 'open' ? 1 : status === 'planned' ? 2 : 3;
}

/** Per-record pass: weights, flags, what each manager's reports add up to, and org totals. */
function readRecords(ctx: AnalysisContext) {
  const { n, parent, records } = ctx.graph;
  const seniorRank = ctx.policy.seniorRank;
  // Two allocations instead of one per array: fewer buffers for the garbage collector to track.
  const ints = new Int32Array(9 * n);
  const bytes = new Uint8Array(4 * n);
  const weight = ints.subarray(0, n);
  const directReports = ints.subarray(n, 2 * n);
  const reportsAside = ints.subarray(2 * n, 3 * n);
  const recordsAside = ints.subarray(3 * n, 4 * n);
  const individualsAside = ints.subarray(4 * n, 5 * n);
  const seniorsAside = ints.subarray(5 * n, 6 * n);
  const lastReportAside = ints.subarray(6 * n, 7 * n).fill(-1);
  const flags = bytes.subarray(0, n);
  const estimated = bytes.subarray(n, 2 * n);
  const headcountByStatus = new Float64Array(4);
  const fteByStatus = new Float64Array(4);
  const costByStatus = new Float64Array(4);
  let aggregates = 0;
  let aggregateWeight = 0;
  let lastLevel: string | undefined;
  let lastSenior = false;
  for (let i = 0; i < n; i++) {
    const p = records[i];
    const aggregate = p.aggregate;
    const w = aggregate ? Math.ceil(p.fte) : 1;
    const f = (p.isAssistant ? FLAG_ASSISTANT : 0) | (aggregate ? FLAG_AGGREGATE : 0);
    weight[i] = w;
    flags[i] = f;
    const s = statusIndex(p.status);
    fteByStatus[s] += p.fte;
    const cost = p.cost;
    if (cost !== undefined) costByStatus[s] += cost;
    if (aggregate) {
      aggregates++;
      aggregateWeight += w;
    } else headcountByStatus[s]++;
    const m = parent[i];
    if (m < 0) continue;
    directReports[m] += w;
    if (aggregate) estimated[m] = 1;
    if (f & FLAG_ASSISTANT) continue;
    reportsAside[m] += w;
    recordsAside[m]++;
    lastReportAside[m] = i;
    if (aggregate) continue;
    individualsAside[m]++;
    const level = p.level;
    if (level !== lastLevel) {
      lastLevel = level;
      const info = level === undefined ? undefined : ctx.levels.get(level);
      lastSenior = info !== undefined && info.level.rank >= seniorRank;
    }
    if (lastSenior) seniorsAside[m]++;
  }
  return {
    weight,
    flags,
    directReports,
    reportsAside,
    recordsAside,
    individualsAside,
    seniorsAside,
    estimated,
    lastReportAside,
    rest: { ints: ints.subarray(7 * n), bytes: bytes.subarray(2 * n) },
    totals: { headcountByStatus, fteByStatus, costByStatus, aggregates, aggregateWeight },
  };
}

/**
 * Computes {@link SpanFacts} in three linear passes (one over the records, two over typed arrays).
 * Roles need no traversal order: a report manages managers iff it is a manager with a manager
 * among its own reports, so records in reporting loops get a role too (a loop of managers is all
 * executives).
 */
export function computeSpanFacts(ctx: AnalysisContext): SpanFacts {
  const { n, parent, childOffsets } = ctx.graph;
  const { rest, ...base } = readRecords(ctx);
  const { flags, directReports } = base;
  // A manager: not an aggregate, with at least one direct report.
  const role = rest.bytes.subarray(0, n);
  const hasManagerReport = rest.bytes.subarray(n, 2 * n);
  const managersAside = rest.ints.subarray(0, n);
  let managerCount = 0;
  for (let i = 0; i < n; i++) {
    if (flags[i] & FLAG_AGGREGATE || childOffsets[i + 1] === childOffsets[i]) continue;
    role[i] = ROLE_FIRST_LINE;
    managerCount++;
    const m = parent[i];
    if (m < 0) continue;
    hasManagerReport[m] = 1;
    if (!(flags[i] & FLAG_ASSISTANT)) managersAside[m]++;
  }
  const skipReports = rest.ints.subarray(n, 2 * n);
  for (let i = 0; i < n; i++) {
    const m = parent[i];
    if (m < 0) continue;
    skipReports[m] += directReports[i];
    if (role[m] === ROLE_NONE) continue;
    if (role[i] !== ROLE_NONE && hasManagerReport[i]) role[m] = ROLE_EXECUTIVE;
    else if (hasManagerReport[m] && role[m] === ROLE_FIRST_LINE) role[m] = ROLE_MANAGER_OF_MANAGERS;
  }
  return { ...base, role, managersAside, skipReports, managerCount };
}

/**
 * True when manager `i` has exactly one direct report, assistants aside: one record, and an
 * aggregate only when its FTE is at most 1.
 */
export function hasSingleReport(facts: SpanFacts, i: number): boolean {
  return facts.role[i] !== ROLE_NONE && facts.recordsAside[i] === 1 && facts.reportsAside[i] <= 1;
}
