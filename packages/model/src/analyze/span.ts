import type { Range } from '../schema/policy';
import type { ManagerReport, ManagerRole, SpanStatus } from '../schema/report';
import type { AnalysisContext } from './context';
import {
  getSpanFacts,
  hasSingleReport,
  ROLE_EXECUTIVE,
  ROLE_FIRST_LINE,
  ROLE_NONE,
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

// Module-local copies of the role codes: test and bench runners turn imported bindings into
// getter calls, which hot loops should not pay for.
const NONE = ROLE_NONE;
const FIRST_LINE = ROLE_FIRST_LINE;
const EXECUTIVE = ROLE_EXECUTIVE;
const isSingle = hasSingleReport;

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
 * The span target of manager `i`: new first-line managers (managing for fewer than
 * `policy.span.newManagerDays` days at the as-of date; a missing `managerSince` is experienced),
 * experienced first-line managers of a junior or senior team (senior when at least
 * `policy.span.seniorShare` of the reports that are neither assistants nor aggregates have a level
 * of rank ≥ `policy.seniorRank`), managers of managers and executives.
 * Defaults: 4–5, 5–6, 6–8, 4–6, 3–5 [EL26; Larson; LAYER]. `cutoff` is {@link getNewManagerCutoff}.
 */
export function getSpanTarget(
  ctx: AnalysisContext,
  facts: SpanFacts,
  i: number,
  cutoff: string = getNewManagerCutoff(ctx),
): { kind: TargetKind; target: Range } {
  const span = ctx.policy.span;
  if (facts.role[i] === EXECUTIVE) return { kind: 'executive', target: span.executive };
  if (facts.role[i] !== FIRST_LINE) return { kind: 'manager-of-managers', target: span.managerOfManagers };
  const since = ctx.graph.records[i].managerSince;
  if (since !== undefined && since > cutoff) return { kind: 'new-manager', target: span.newManager };
  const counted = facts.individualsAside[i];
  return counted > 0 && facts.seniorsAside[i] >= span.seniorShare * counted
    ? { kind: 'experienced-senior', target: span.experiencedSenior }
    : { kind: 'experienced-junior', target: span.experiencedJunior };
}

/** The counted span of manager `i`: reports aside assistants; for MoM and executives, managers only. */
export function getCountedSpan(facts: SpanFacts, i: number): number {
  return facts.role[i] === FIRST_LINE ? facts.reportsAside[i] : facts.managersAside[i];
}

/** The span status of manager `i` against `target`: the first of critical, over, single, under, ok. */
export function getSpanStatus(ctx: AnalysisContext, facts: SpanFacts, i: number, target: Range): SpanStatus {
  const counted = getCountedSpan(facts, i);
  if (counted >= ctx.policy.span.criticalFactor * target.max) return 'critical';
  if (counted > target.max) return 'over';
  if (isSingle(facts, i)) return 'single';
  if (counted < target.min) return 'under';
  return 'ok';
}

/**
 * Weekly hours of 1:1s of manager `i`: direct reports × `minutesPerReport` (30) plus skip-level
 * reports × `skipLevelMinutes` (30) held monthly (`weeksPerMonth` 4.33) [1on1], rounded to 2 decimals.
 */
export function getWeeklyOneOnOneHours(ctx: AnalysisContext, facts: SpanFacts, i: number): number {
  const o = ctx.policy.oneOnOne;
  const minutes =
    facts.directReports[i] * o.minutesPerReport +
    (facts.skipReports[i] * o.skipLevelMinutes) / o.weeksPerMonth;
  return Math.round((minutes / 60) * 100) / 100;
}

/**
 * One {@link ManagerReport} per manager (a non-aggregate record with at least one direct report), in
 * reporting order (pre-order from the roots, then managers in reporting loops), with a `span.*`
 * finding for every status other than `ok` (see span-findings). Numbers come from `ctx.policy`.
 */
export function analyzeSpans(ctx: AnalysisContext): ManagerReport[] {
  const facts = getSpanFacts(ctx);
  const { order, tin, n } = ctx.graph;
  const role = facts.role;
  const managers: ManagerReport[] = [];
  const cutoff = getNewManagerCutoff(ctx);
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    if (role[i] !== NONE) managers.push(buildManagerReport(ctx, facts, i, cutoff));
  }
  if (order.length < n) {
    for (let i = 0; i < n; i++)
      if (tin[i] < 0 && role[i] !== NONE) managers.push(buildManagerReport(ctx, facts, i, cutoff));
  }
  return managers;
}

function buildManagerReport(
  ctx: AnalysisContext,
  facts: SpanFacts,
  i: number,
  cutoff: string,
): ManagerReport {
  const p = ctx.graph.records[i];
  const { kind, target } = getSpanTarget(ctx, facts, i, cutoff);
  const status = getSpanStatus(ctx, facts, i, target);
  const role = ROLE_NAMES[facts.role[i]];
  const report: ManagerReport = {
    id: p.id,
    name: p.name,
    layer: ctx.graph.layer[i],
    directReports: facts.directReports[i],
    countedSpan: getCountedSpan(facts, i),
    directIcs: role === 'first-line' ? 0 : facts.reportsAside[i] - facts.managersAside[i],
    role,
    target: { min: target.min, max: target.max },
    targetKind: kind,
    status,
    estimated: facts.estimated[i] === 1,
    weeklyOneOnOneHours: getWeeklyOneOnOneHours(ctx, facts, i),
    subtreeSize: Math.max(0, ctx.graph.subtreeHeadcount[i] - facts.weight[i]),
  };
  if (status !== 'ok') addSpanFinding(ctx, facts, i, report);
  return report;
}
