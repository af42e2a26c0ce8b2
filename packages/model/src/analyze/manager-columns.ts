import type { OrgGraph } from '../graph/org-graph';
import { countReports, createReportCounts, FLAG_MANAGER, getRecordColumns } from './span-facts';

/**
 * The policy-independent facts of every manager, in report order (pre-order from the roots, then
 * managers in reporting loops), as columns indexed by position in that order. Built once per graph
 * (orgs are immutable), so that re-analysing an org reads typed arrays instead of the records: on
 * a large org the record objects are scattered in memory and each first touch is a cache miss.
 * The policy-dependent numbers (senior reports, target, status, 1:1 hours) are derived per analysis.
 */
export interface ManagerColumns {
  /** Number of managers. */
  readonly count: number;
  /** Record index of each manager. */
  readonly index: Int32Array;
  /** Id and name of each manager's record. */
  readonly ids: readonly string[];
  readonly names: ReadonlyArray<string | undefined>;
  /**
   * `managerSince` as the number YYYYMMDD (ISO dates order as these numbers do); -Infinity when
   * absent, NaN when it is not a `YYYY-MM-DD` string (then the string is compared).
   */
  readonly sinceKey: Float64Array;
  /** Role code (`ROLE_*` of span-facts). */
  readonly role: Uint8Array;
  /** The `ReportCounts` fields that do not depend on the policy or ladder. */
  readonly directReports: Float64Array;
  readonly reportsAside: Float64Array;
  readonly recordsAside: Int32Array;
  readonly managersAside: Int32Array;
  readonly individualsAside: Int32Array;
  readonly skipReports: Float64Array;
  /** 1 when an aggregate reports directly (the span is estimated from FTE). */
  readonly estimated: Uint8Array;
}

const cache = new WeakMap<OrgGraph, ManagerColumns>();

/** `YYYY-MM-DD` as the number YYYYMMDD; -Infinity for undefined, NaN for any other string. */
export function getDateKey(date: string | undefined): number {
  if (date === undefined) return Number.NEGATIVE_INFINITY;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return Number.NaN;
  return Number(date.slice(0, 4)) * 10_000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10));
}

/** Managers in report order: reachable ones in pre-order, then those in or below reporting loops. */
function getManagerOrder(graph: OrgGraph, flags: Uint8Array, count: number): Int32Array {
  const { order, tin, n } = graph;
  const index = new Int32Array(count);
  let m = 0;
  for (let k = 0; k < order.length; k++) if (flags[order[k]] & FLAG_MANAGER) index[m++] = order[k];
  if (order.length < n) for (let i = 0; i < n; i++) if (tin[i] < 0 && flags[i] & FLAG_MANAGER) index[m++] = i;
  return index;
}

/** The {@link ManagerColumns} of a graph, built once per graph. */
export function getManagerColumns(graph: OrgGraph): ManagerColumns {
  let columns = cache.get(graph);
  if (!columns) {
    columns = buildManagerColumns(graph);
    cache.set(graph, columns);
  }
  return columns;
}

function buildManagerColumns(graph: OrgGraph): ManagerColumns {
  const record = getRecordColumns(graph);
  const count = record.managerCount;
  const index = getManagerOrder(graph, record.flags, count);
  // Seniority depends on the ladder and policy: counted per analysis, left at 0 here.
  const facts = { ...record, seniorLevel: new Uint8Array(record.levelIds.length) };
  const ctx = { graph };
  const counts = createReportCounts();
  const columns = {
    count,
    index,
    ids: new Array<string>(count),
    names: new Array<string | undefined>(count),
    sinceKey: new Float64Array(count),
    role: new Uint8Array(count),
    directReports: new Float64Array(count),
    reportsAside: new Float64Array(count),
    recordsAside: new Int32Array(count),
    managersAside: new Int32Array(count),
    individualsAside: new Int32Array(count),
    skipReports: new Float64Array(count),
    estimated: new Uint8Array(count),
  };
  for (let m = 0; m < count; m++) {
    const i = index[m];
    const p = graph.records[i];
    countReports(ctx, facts, i, counts);
    columns.ids[m] = p.id;
    columns.names[m] = p.name;
    columns.sinceKey[m] = getDateKey(p.managerSince);
    columns.role[m] = counts.role;
    columns.directReports[m] = counts.directReports;
    columns.reportsAside[m] = counts.reportsAside;
    columns.recordsAside[m] = counts.recordsAside;
    columns.managersAside[m] = counts.managersAside;
    columns.individualsAside[m] = counts.individualsAside;
    columns.skipReports[m] = counts.skipReports;
    columns.estimated[m] = counts.estimated ? 1 : 0;
  }
  return columns;
}
