import type { OrgGraph } from '../graph/org-graph';
import type { AnalysisContext } from './context';

/** Manager roles as small integers ({@link ReportCounts.role}): 0 is not a manager. */
export const ROLE_NONE = 0;
/** A first-line manager: no direct report manages anyone. */
export const ROLE_FIRST_LINE = 1;
/** A manager of managers: some direct report manages, none manages managers. */
export const ROLE_MANAGER_OF_MANAGERS = 2;
/** An executive: some direct report is a manager of managers or an executive. */
export const ROLE_EXECUTIVE = 3;

/** Flag bit in {@link RecordColumns.flags}: an assistant (never counted in span). */
export const FLAG_ASSISTANT = 1;
/** Flag bit: an aggregate record (posts counted by FTE rounded up; never a manager). */
export const FLAG_AGGREGATE = 2;
/** Flag bit: a manager (not an aggregate, at least one direct report). */
export const FLAG_MANAGER = 4;
/** Flag bit: some direct report is a manager. */
export const FLAG_MANAGES_MANAGERS = 8;

/**
 * Policy-independent columns of an org's records, two bytes and a level index a record, built in
 * one pass over the records and cached per graph index (orgs are immutable: a new people array is
 * a new graph). Re-analysing the same org, e.g. under another policy, reads no record objects.
 * Per-manager numbers ({@link ReportCounts}) are recounted from the graph's child lists when
 * needed, which is linear over the whole org and allocates nothing per record.
 */
export interface RecordColumns {
  /** {@link FLAG_ASSISTANT} | {@link FLAG_AGGREGATE} | {@link FLAG_MANAGER} | {@link FLAG_MANAGES_MANAGERS} bits. */
  readonly flags: Uint8Array;
  /**
   * Non-assistant direct reports, counted up to 2 (an aggregate of more than 1 FTE counts 2):
   * 1 means exactly one direct report, assistants aside.
   */
  readonly asideCount: Uint8Array;
  /** Index of each record's level id in `levelIds`; 0 for a record without a level. */
  readonly levelIndex: Int32Array;
  /** Index of each record's status in `PERSON_STATUSES` ({@link STATUS_LEAVING} is 3). */
  readonly status: Uint8Array;
  /** Distinct level ids, from index 1 (index 0 stands for "no level"). */
  readonly levelIds: readonly string[];
  /** Number of managers. */
  readonly managerCount: number;
  /** Org totals, for the summary and `layers.deep`. */
  readonly totals: RecordTotals;
}

/** The {@link RecordColumns} of one analysis plus what depends on its ladder and policy. */
export interface SpanFacts extends RecordColumns {
  /** 1 at a level index whose level's rank is at least `policy.seniorRank` (unknown levels are not). */
  readonly seniorLevel: Uint8Array;
}

/**
 * Org totals; the `…ByStatus` arrays are indexed like `PERSON_STATUSES` (active, open, planned,
 * leaving): individuals (aggregates aside), FTE and annual cost (org currency) of every record.
 */
export interface RecordTotals {
  readonly headcountByStatus: Float64Array;
  readonly fteByStatus: Float64Array;
  readonly costByStatus: Float64Array;
  readonly aggregates: number;
  /** Sum of the aggregates' weights (FTE rounded up). */
  readonly aggregateWeight: number;
  /** Every kept record by weight: 1 a person, ceil(fte) an aggregate. */
  readonly headcount: number;
}

const columnsCache = new WeakMap<OrgGraph, RecordColumns>();
const factsCache = new WeakMap<AnalysisContext, SpanFacts>();

/** The {@link RecordColumns} of a graph, built once per graph. */
export function getRecordColumns(graph: OrgGraph): RecordColumns {
  let columns = columnsCache.get(graph);
  if (!columns) {
    columns = computeRecordColumns(graph);
    columnsCache.set(graph, columns);
  }
  return columns;
}

/** The {@link SpanFacts} of an analysis, computed once per context (the columns once per graph). */
export function getSpanFacts(ctx: AnalysisContext): SpanFacts {
  let facts = factsCache.get(ctx);
  if (!facts) {
    const columns = getRecordColumns(ctx.graph);
    const seniorLevel = new Uint8Array(columns.levelIds.length);
    for (let k = 1; k < columns.levelIds.length; k++) {
      const info = ctx.levels.get(columns.levelIds[k]);
      if (info !== undefined && info.level.rank >= ctx.policy.seniorRank) seniorLevel[k] = 1;
    }
    facts = { ...columns, seniorLevel };
    factsCache.set(ctx, facts);
  }
  return facts;
}

/** Index of `leaving` in `PERSON_STATUSES`, as in {@link RecordColumns.status}. */
export const STATUS_LEAVING = 3;

/** Index of a status in `PERSON_STATUSES` without a keyed lookup (hot loop). */
function statusIndex(status: string): number {
  return status === 'active' ? 0 : status === 'open' ? 1 : status === 'planned' ? 2 : 3;
}

/**
 * Computes {@link RecordColumns} in one pass over the records. Roles need no traversal order: a
 * report manages managers iff it is a manager with a manager among its own reports, so records in
 * reporting loops get a role too (a loop of managers is all executives).
 */
export function computeRecordColumns(graph: OrgGraph): RecordColumns {
  const { n, parent, childOffsets, records } = graph;
  const flags = new Uint8Array(n);
  const asideCount = new Uint8Array(n);
  const levelIndex = new Int32Array(n);
  const status = new Uint8Array(n);
  const levelIds: string[] = [''];
  const levelIndexOf = new Map<string, number>();
  const headcountByStatus = new Float64Array(4);
  const fteByStatus = new Float64Array(4);
  const costByStatus = new Float64Array(4);
  let aggregates = 0;
  let aggregateWeight = 0;
  let managerCount = 0;
  let lastLevel: string | undefined;
  let lastIndex = 0;
  for (let i = 0; i < n; i++) {
    const p = records[i];
    const s = statusIndex(p.status);
    status[i] = s;
    fteByStatus[s] += p.fte;
    const cost = p.cost;
    if (cost !== undefined) costByStatus[s] += cost;
    let f = p.isAssistant ? FLAG_ASSISTANT : 0;
    let w = 1;
    if (p.aggregate) {
      f |= FLAG_AGGREGATE;
      w = Math.ceil(p.fte);
      aggregates++;
      aggregateWeight += w;
    } else {
      headcountByStatus[s]++;
      if (childOffsets[i + 1] > childOffsets[i]) {
        f |= FLAG_MANAGER;
        managerCount++;
      }
    }
    const level = p.level;
    if (level !== lastLevel) {
      lastLevel = level;
      lastIndex = level === undefined ? 0 : (levelIndexOf.get(level) ?? 0);
      if (lastIndex === 0 && level !== undefined) {
        lastIndex = levelIds.push(level) - 1;
        levelIndexOf.set(level, lastIndex);
      }
    }
    levelIndex[i] = lastIndex;
    flags[i] |= f;
    const m = parent[i];
    if (m < 0) continue;
    if (f & FLAG_MANAGER) flags[m] |= FLAG_MANAGES_MANAGERS;
    if (!(f & FLAG_ASSISTANT)) asideCount[m] = Math.min(2, asideCount[m] + (w > 1 ? 2 : 1));
  }
  const headcount = n - aggregates + aggregateWeight;
  return {
    flags,
    asideCount,
    levelIndex,
    levelIds,
    status,
    managerCount,
    totals: { headcountByStatus, fteByStatus, costByStatus, aggregates, aggregateWeight, headcount },
  };
}

/** What the direct reports of one manager add up to (see {@link countReports}). */
export interface ReportCounts {
  /** Role code, {@link ROLE_NONE} … {@link ROLE_EXECUTIVE}. */
  role: number;
  /** Every direct report (assistants included), aggregates by FTE rounded up. */
  directReports: number;
  /** Direct reports that are not assistants, aggregates by weight. */
  reportsAside: number;
  /** Direct report records that are not assistants. */
  recordsAside: number;
  /** Non-assistant direct reports who manage someone. */
  managersAside: number;
  /** Non-assistant direct reports that are not aggregates (the base of team seniority). */
  individualsAside: number;
  /** Of those, the ones at or above the senior rank. */
  seniorsAside: number;
  /** Reports of direct reports (skip-level reports), aggregates by weight. */
  skipReports: number;
  /** True when an aggregate reports directly: the span is estimated from FTE. */
  estimated: boolean;
  /** The last non-assistant direct report (the only one when `recordsAside` is 1), else -1. */
  lastReportAside: number;
}

/** A zeroed {@link ReportCounts}, to pass to {@link countReports} again and again. */
export function createReportCounts(): ReportCounts {
  return {
    role: 0,
    directReports: 0,
    reportsAside: 0,
    recordsAside: 0,
    managersAside: 0,
    individualsAside: 0,
    seniorsAside: 0,
    skipReports: 0,
    estimated: false,
    lastReportAside: -1,
  };
}

/** Direct reports of `i` by weight (aggregates by FTE rounded up). */
function weightOfReports(graph: OrgGraph, flags: Uint8Array, i: number): number {
  const { childOffsets, childList, records } = graph;
  let sum = 0;
  for (let k = childOffsets[i]; k < childOffsets[i + 1]; k++) {
    const c = childList[k];
    sum += flags[c] & FLAG_AGGREGATE ? Math.ceil(records[c].fte) : 1;
  }
  return sum;
}

/**
 * Counts the direct reports of record `i` into `out` (reused, so hot loops allocate nothing) and
 * returns it. Linear in the reports and their reports.
 */
export function countReports(
  ctx: Pick<AnalysisContext, 'graph'>,
  facts: Pick<SpanFacts, 'flags' | 'levelIndex' | 'seniorLevel'>,
  i: number,
  out: ReportCounts = createReportCounts(),
): ReportCounts {
  const { childOffsets, childList, records } = ctx.graph;
  const { flags, levelIndex, seniorLevel } = facts;
  let directReports = 0;
  let reportsAside = 0;
  let recordsAside = 0;
  let managersAside = 0;
  let individualsAside = 0;
  let seniorsAside = 0;
  let skipReports = 0;
  let estimated = false;
  let executive = false;
  let lastReportAside = -1;
  for (let k = childOffsets[i]; k < childOffsets[i + 1]; k++) {
    const c = childList[k];
    const f = flags[c];
    const w = f & FLAG_AGGREGATE ? Math.ceil(records[c].fte) : 1;
    directReports += w;
    if (f & FLAG_AGGREGATE) estimated = true;
    if (f & FLAG_MANAGES_MANAGERS && f & FLAG_MANAGER) executive = true;
    if (childOffsets[c + 1] > childOffsets[c]) skipReports += weightOfReports(ctx.graph, flags, c);
    if (f & FLAG_ASSISTANT) continue;
    reportsAside += w;
    recordsAside++;
    lastReportAside = c;
    if (f & FLAG_MANAGER) managersAside++;
    if (!(f & FLAG_AGGREGATE)) {
      individualsAside++;
      seniorsAside += seniorLevel[levelIndex[c]];
    }
  }
  const own = flags[i];
  out.role = !(own & FLAG_MANAGER)
    ? ROLE_NONE
    : executive
      ? ROLE_EXECUTIVE
      : own & FLAG_MANAGES_MANAGERS
        ? ROLE_MANAGER_OF_MANAGERS
        : ROLE_FIRST_LINE;
  out.directReports = directReports;
  out.reportsAside = reportsAside;
  out.recordsAside = recordsAside;
  out.managersAside = managersAside;
  out.individualsAside = individualsAside;
  out.seniorsAside = seniorsAside;
  out.skipReports = skipReports;
  out.estimated = estimated;
  out.lastReportAside = lastReportAside;
  return out;
}

/**
 * True when `i` is a manager with exactly one direct report, assistants aside: one record, and an
 * aggregate only when its FTE is at most 1.
 */
export function hasSingleReport(facts: SpanFacts, i: number): boolean {
  return (facts.flags[i] & FLAG_MANAGER) !== 0 && facts.asideCount[i] === 1;
}

/** The one non-assistant direct report of `i` (the last one if there are several), or -1. */
export function getSingleReport(ctx: AnalysisContext, facts: SpanFacts, i: number): number {
  const { childOffsets, childList } = ctx.graph;
  for (let k = childOffsets[i + 1] - 1; k >= childOffsets[i]; k--)
    if (!(facts.flags[childList[k]] & FLAG_ASSISTANT)) return childList[k];
  return -1;
}
