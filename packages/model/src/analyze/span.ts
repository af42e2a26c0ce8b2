import type { Range } from '../schema/policy';
import type { ManagerReport, ManagerRole, SpanStatus } from '../schema/report';
import type { AnalysisContext } from './context';
import {
  FLAG_AGGREGATE,
  FLAG_ASSISTANT,
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

const MS_PER_DAY = 86_400_000;

/**
 * The span target of manager `i`: new first-line managers (managing for fewer than
 * `policy.span.newManagerDays` days at the as-of date), experienced first-line managers of a junior
 * or senior team (senior when at least `policy.span.seniorShare` of the reports that are neither
 * assistants nor aggregates have a level of rank ≥ `policy.seniorRank`), managers of managers and
 * executives. Defaults: 4–5, 5–6, 6–8, 4–6, 3–5 [EL26; Larson; LAYER].
 */
export function getSpanTarget(
  ctx: AnalysisContext,
  facts: SpanFacts,
  i: number,
  asOfMs: number = Date.parse(`${ctx.asOf}T00:00:00Z`),
): { kind: TargetKind; target: Range } {
  const span = ctx.policy.span;
  if (facts.role[i] === ROLE_EXECUTIVE) return { kind: 'executive', target: span.executive };
  if (facts.role[i] !== ROLE_FIRST_LINE)
    return { kind: 'manager-of-managers', target: span.managerOfManagers };
  const since = ctx.graph.records[i].managerSince;
  if (since !== undefined) {
    const days = Math.round((asOfMs - Date.parse(`${since}T00:00:00Z`)) / MS_PER_DAY);
    if (days < span.newManagerDays) return { kind: 'new-manager', target: span.newManager };
  }
  return isSeniorTeam(ctx, facts, i)
    ? { kind: 'experienced-senior', target: span.experiencedSenior }
    : { kind: 'experienced-junior', target: span.experiencedJunior };
}

/** True when at least `policy.span.seniorShare` of `i`'s individual, non-assistant reports are senior. */
function isSeniorTeam(ctx: AnalysisContext, facts: SpanFacts, i: number): boolean {
  const { childOffsets, childList, records } = ctx.graph;
  const seniorRank = ctx.policy.seniorRank;
  let counted = 0;
  let senior = 0;
  for (let k = childOffsets[i]; k < childOffsets[i + 1]; k++) {
    const c = childList[k];
    if (facts.flags[c] & (FLAG_ASSISTANT | FLAG_AGGREGATE)) continue;
    counted++;
    const level = records[c].level;
    const info = level === undefined ? undefined : ctx.levels.get(level);
    if (info !== undefined && info.level.rank >= seniorRank) senior++;
  }
  return counted > 0 && senior >= ctx.policy.span.seniorShare * counted;
}

/** The counted span of manager `i`: reports aside assistants; for MoM and executives, managers only. */
export function getCountedSpan(facts: SpanFacts, i: number): number {
  return facts.role[i] === ROLE_FIRST_LINE ? facts.reportsAside[i] : facts.managersAside[i];
}

/** The span status of manager `i` against `target`: the first of critical, over, single, under, ok. */
export function getSpanStatus(ctx: AnalysisContext, facts: SpanFacts, i: number, target: Range): SpanStatus {
  const counted = getCountedSpan(facts, i);
  if (counted >= ctx.policy.span.criticalFactor * target.max) return 'critical';
  if (counted > target.max) return 'over';
  if (hasSingleReport(facts, i)) return 'single';
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
  const { graph } = ctx;
  const managers: ManagerReport[] = [];
  const asOfMs = Date.parse(`${ctx.asOf}T00:00:00Z`);
  const visit = (i: number) => {
    if (facts.role[i] !== ROLE_NONE) managers.push(buildManagerReport(ctx, facts, i, asOfMs));
  };
  for (let k = 0; k < graph.order.length; k++) visit(graph.order[k]);
  if (graph.order.length < graph.n) {
    for (let i = 0; i < graph.n; i++) if (graph.tin[i] < 0) visit(i);
  }
  return managers;
}

function buildManagerReport(
  ctx: AnalysisContext,
  facts: SpanFacts,
  i: number,
  asOfMs: number,
): ManagerReport {
  const p = ctx.graph.records[i];
  const { kind, target } = getSpanTarget(ctx, facts, i, asOfMs);
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
