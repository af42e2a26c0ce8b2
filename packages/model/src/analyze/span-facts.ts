import type { OrgGraph } from '../graph/org-graph';
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
 * The structural span-of-control numbers of every kept record of a graph, as typed arrays indexed
 * like the graph (DOMAIN.md "Span of control"). They depend on the structure only, not on the
 * policy. An aggregate weighs its FTE rounded up wherever people are counted.
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
  /** The last non-assistant direct report (the only one when `recordsAside` is 1), else -1. */
  readonly lastReportAside: Int32Array;
  /** Number of managers. */
  readonly managerCount: number;
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
    facts = computeSpanFacts(ctx.graph);
    memo.set(ctx, facts);
  }
  return facts;
}

/**
 * Computes {@link SpanFacts} in three linear passes over the parent array. Roles need no traversal
 * order: a report manages managers iff it is a manager with a manager among its own reports, so
 * records in reporting loops get a role too (a loop of managers is all executives).
 */
export function computeSpanFacts(g: OrgGraph): SpanFacts {
  const { n, parent, childOffsets, records } = g;
  const weight = new Int32Array(n);
  const flags = new Uint8Array(n);
  const directReports = new Int32Array(n);
  const reportsAside = new Int32Array(n);
  const recordsAside = new Int32Array(n);
  const estimated = new Uint8Array(n);
  const lastReportAside = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const p = records[i];
    const w = p.aggregate ? Math.ceil(p.fte) : 1;
    const f = (p.isAssistant ? FLAG_ASSISTANT : 0) | (p.aggregate ? FLAG_AGGREGATE : 0);
    weight[i] = w;
    flags[i] = f;
    const m = parent[i];
    if (m < 0) continue;
    directReports[m] += w;
    if (f & FLAG_AGGREGATE) estimated[m] = 1;
    if (!(f & FLAG_ASSISTANT)) {
      reportsAside[m] += w;
      recordsAside[m]++;
      lastReportAside[m] = i;
    }
  }
  // A manager: not an aggregate, with at least one direct report.
  const role = new Uint8Array(n);
  const hasManagerReport = new Uint8Array(n);
  const managersAside = new Int32Array(n);
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
  const skipReports = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const m = parent[i];
    if (m < 0) continue;
    skipReports[m] += directReports[i];
    if (role[m] === ROLE_NONE) continue;
    if (role[i] !== ROLE_NONE && hasManagerReport[i]) role[m] = ROLE_EXECUTIVE;
    else if (hasManagerReport[m] && role[m] === ROLE_FIRST_LINE) role[m] = ROLE_MANAGER_OF_MANAGERS;
  }
  return {
    weight,
    flags,
    role,
    directReports,
    reportsAside,
    recordsAside,
    managersAside,
    skipReports,
    estimated,
    lastReportAside,
    managerCount,
  };
}

/**
 * True when manager `i` has exactly one direct report, assistants aside: one record, and an
 * aggregate only when its FTE is at most 1.
 */
export function hasSingleReport(facts: SpanFacts, i: number): boolean {
  return facts.role[i] !== ROLE_NONE && facts.recordsAside[i] === 1 && facts.reportsAside[i] <= 1;
}
