import type { Range } from '../schema/policy';
import type { ManagerReport, ManagerRole, SpanStatus } from '../schema/report';
import type { AnalysisContext } from './context';
import { getDateKey, getManagerColumns, type ManagerColumns } from './manager-columns';
import {
  createReportCounts,
  FLAG_AGGREGATE,
  FLAG_ASSISTANT,
  getSpanFacts,
  type ReportCounts,
  ROLE_EXECUTIVE,
  ROLE_FIRST_LINE,
  type SpanFacts,
} from './span-facts';
import { addSpanFinding } from './span-findings';

/** Which span target applies to a manager (DOMAIN.md "Span of control"). */
export type TargetKind =
  | 'new-manager'
  | 'experienced-junior'
  | 'experienced-senior'
  | 'manager-of-managers'
  | 'executive';

const ROLE_NAMES: readonly ManagerRole[] = ['first-line', 'first-line', 'manager-of-managers', 'executive'];

// Module-local copies of imported bindings: test and bench runners turn imports into getter
// calls, which hot loops should not pay for.
const ASSISTANT = FLAG_ASSISTANT;
const AGGREGATE = FLAG_AGGREGATE;
const FIRST_LINE = ROLE_FIRST_LINE;
const EXECUTIVE = ROLE_EXECUTIVE;
const addFinding = addSpanFinding;

const MS_PER_DAY = 86_400_000;

/**
 * The last `managerSince` date that still counts as experienced: `asOf` minus
 * `policy.span.newManagerDays` days, as `YYYY-MM-DD`. ISO dates order as strings, so a manager is
 * new iff `managerSince > cutoff` (i.e. fewer than `newManagerDays` whole days before `asOf`).
 */
export function getNewManagerCutoff(ctx: AnalysisContext): string {
  const ms = Date.parse(`${ctx.asOf}T00:00:00Z`) - ctx.policy.span.newManagerDays * MS_PER_DAY;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Which span target applies to manager `i`, whose reports are counted in `counts`: new first-line
 * managers (managing for fewer than `policy.span.newManagerDays` days at the as-of date; a missing
 * `managerSince` is experienced), experienced first-line managers of a junior or senior team
 * (senior when at least `policy.span.seniorShare` of the reports that are neither assistants nor
 * aggregates have a level of rank ≥ `policy.seniorRank`; none at all is junior), managers of
 * managers and executives. `cutoff` is {@link getNewManagerCutoff}.
 */
export function getTargetKind(
  ctx: AnalysisContext,
  counts: ReportCounts,
  i: number,
  cutoff: string,
): TargetKind {
  if (counts.role === EXECUTIVE) return 'executive';
  if (counts.role !== FIRST_LINE) return 'manager-of-managers';
  const since = ctx.graph.records[i].managerSince;
  if (since !== undefined && since > cutoff) return 'new-manager';
  const base = counts.individualsAside;
  return base > 0 && counts.seniorsAside >= ctx.policy.span.seniorShare * base
    ? 'experienced-senior'
    : 'experienced-junior';
}

/**
 * The policy's range for a target kind. Defaults: new 4–5, experienced junior 5–6, experienced
 * senior 6–8 [EL26; Larson], manager of managers 4–6 [EL26; Larson; LAYER], executive 3–5 [EL26].
 */
export function getTargetRange(ctx: AnalysisContext, kind: TargetKind): Range {
  const span = ctx.policy.span;
  switch (kind) {
    case 'new-manager':
      return span.newManager;
    case 'experienced-junior':
      return span.experiencedJunior;
    case 'experienced-senior':
      return span.experiencedSenior;
    case 'manager-of-managers':
      return span.managerOfManagers;
    default:
      return span.executive;
  }
}

/** The counted span: reports aside assistants; for managers of managers and executives, managers only. */
export function getCountedSpan(counts: ReportCounts): number {
  return counts.role === FIRST_LINE ? counts.reportsAside : counts.managersAside;
}

/**
 * The span status against `target`, the first that applies: critical (counted span ≥
 * `policy.span.criticalFactor` × max), over (> max), single (exactly one direct report,
 * assistants aside; an aggregate of at most 1 FTE counts as one), under (< min), ok.
 */
export function getSpanStatus(ctx: AnalysisContext, counts: ReportCounts, target: Range): SpanStatus {
  const counted = getCountedSpan(counts);
  if (counted >= ctx.policy.span.criticalFactor * target.max) return 'critical';
  if (counted > target.max) return 'over';
  if (counts.recordsAside === 1 && counts.reportsAside <= 1) return 'single';
  if (counted < target.min) return 'under';
  return 'ok';
}

/**
 * Weekly hours of 1:1s: direct reports × `minutesPerReport` (30) plus skip-level reports ×
 * `skipLevelMinutes` (30) held monthly (`weeksPerMonth` 4.33) [1on1], rounded to 2 decimals.
 */
export function getWeeklyOneOnOneHours(ctx: AnalysisContext, counts: ReportCounts): number {
  const o = ctx.policy.oneOnOne;
  const minutes =
    counts.directReports * o.minutesPerReport + (counts.skipReports * o.skipLevelMinutes) / o.weeksPerMonth;
  return Math.round((minutes / 60) * 100) / 100;
}

/** Why a manager's weekly 1:1 hours are not computed on an estimated span (see {@link ManagerReport}). */
export const ONE_ON_ONE_NOTE_ESTIMATED = 'n/a, posts counted by FTE';

/** Target kinds by code, as {@link getKindCode} numbers them. */
const KINDS: readonly TargetKind[] = [
  'new-manager',
  'experienced-junior',
  'experienced-senior',
  'manager-of-managers',
  'executive',
];

/**
 * Reused across the managers of one analysis: the counts, the new-manager cutoff (as a string and
 * as a YYYYMMDD number), and one copy of each target range by kind code, shared by the reports of
 * that kind (a million reports allocate 5 ranges).
 */
interface Scratch {
  counts: ReportCounts;
  cutoff: string;
  cutoffKey: number;
  targets: Range[];
}

/**
 * One {@link ManagerReport} per manager (a non-aggregate record with at least one direct report), in
 * reporting order (pre-order from the roots, then managers in reporting loops), with a `span.*`
 * finding for every status other than `ok` (see span-facts). Numbers come from `ctx.policy`.
 */
export function analyzeSpans(ctx: AnalysisContext): ManagerReport[] {
  const facts = getSpanFacts(ctx);
  const columns = getManagerColumns(ctx.graph);
  const cutoff = getNewManagerCutoff(ctx);
  const scratch: Scratch = {
    counts: createReportCounts(),
    cutoff,
    cutoffKey: getDateKey(cutoff),
    targets: KINDS.map((kind) => {
      const { min, max } = getTargetRange(ctx, kind);
      return { min, max };
    }),
  };
  const managers: ManagerReport[] = new Array(columns.count);
  for (let m = 0; m < columns.count; m++) managers[m] = buildManagerReport(ctx, facts, columns, m, scratch);
  return managers;
}

/** Non-assistant, non-aggregate direct reports of `i` at or above the senior rank. */
function countSeniors(ctx: AnalysisContext, facts: SpanFacts, i: number): number {
  const { childOffsets, childList } = ctx.graph;
  const { flags, levelIndex, seniorLevel } = facts;
  let seniors = 0;
  for (let k = childOffsets[i]; k < childOffsets[i + 1]; k++) {
    const c = childList[k];
    if (!(flags[c] & (ASSISTANT | AGGREGATE))) seniors += seniorLevel[levelIndex[c]];
  }
  return seniors;
}

/** {@link getTargetKind} from the columns: the index of the kind in {@link KINDS}. */
function getKindCode(
  ctx: AnalysisContext,
  facts: SpanFacts,
  columns: ManagerColumns,
  m: number,
  scratch: Scratch,
): number {
  const role = columns.role[m];
  if (role === EXECUTIVE) return 4;
  if (role !== FIRST_LINE) return 3;
  const i = columns.index[m];
  const key = columns.sinceKey[m];
  if (Number.isNaN(key) || Number.isNaN(scratch.cutoffKey)) {
    const since = ctx.graph.records[i].managerSince;
    if (since !== undefined && since > scratch.cutoff) return 0;
  } else if (key > scratch.cutoffKey) return 0;
  const base = columns.individualsAside[m];
  return base > 0 && countSeniors(ctx, facts, i) >= ctx.policy.span.seniorShare * base ? 2 : 1;
}

/** Fills `out` with manager `m`'s counts from the columns (seniority is not needed past the kind). */
function readCounts(columns: ManagerColumns, m: number, out: ReportCounts): ReportCounts {
  out.role = columns.role[m];
  out.directReports = columns.directReports[m];
  out.reportsAside = columns.reportsAside[m];
  out.recordsAside = columns.recordsAside[m];
  out.managersAside = columns.managersAside[m];
  out.individualsAside = columns.individualsAside[m];
  out.skipReports = columns.skipReports[m];
  out.estimated = columns.estimated[m] === 1;
  return out;
}

function buildManagerReport(
  ctx: AnalysisContext,
  facts: SpanFacts,
  columns: ManagerColumns,
  m: number,
  scratch: Scratch,
): ManagerReport {
  const i = columns.index[m];
  const counts = readCounts(columns, m, scratch.counts);
  const kind = getKindCode(ctx, facts, columns, m, scratch);
  const range = scratch.targets[kind];
  const status = getSpanStatus(ctx, counts, range);
  const role = ROLE_NAMES[counts.role];
  const report: ManagerReport = {
    id: columns.ids[m],
    name: columns.names[m],
    layer: ctx.graph.layer[i],
    directReports: counts.directReports,
    countedSpan: getCountedSpan(counts),
    directIcs: role === 'first-line' ? 0 : counts.reportsAside - counts.managersAside,
    role,
    target: range,
    targetKind: KINDS[kind],
    status,
    estimated: counts.estimated,
    // Posts counted by FTE are not people one meets: the hours would be a guess, so none is given.
    weeklyOneOnOneHours: counts.estimated ? null : getWeeklyOneOnOneHours(ctx, counts),
    // A manager is never an aggregate, so its own weight is 1; 0 for records in reporting loops.
    subtreeSize: Math.max(0, ctx.graph.subtreeHeadcount[i] - 1),
  };
  if (counts.estimated) report.weeklyOneOnOneHoursNote = ONE_ON_ONE_NOTE_ESTIMATED;
  if (status !== 'ok') addFinding(ctx, facts, i, report);
  return report;
}
