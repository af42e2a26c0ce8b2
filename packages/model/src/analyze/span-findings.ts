import type { ManagerReport } from '../schema/report';
import { type AnalysisContext, addFinding, describePerson } from './context';
import { FLAG_ASSISTANT, getSingleReport, type SpanFacts } from './span-facts';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "first-line manager of a senior team", "manager of managers", … */
function describeRole(ctx: AnalysisContext, i: number, r: ManagerReport): string {
  switch (r.targetKind) {
    case 'new-manager':
      return `new first-line manager (managing since ${ctx.graph.records[i].managerSince})`;
    case 'experienced-junior':
      return 'first-line manager of a junior team';
    case 'experienced-senior':
      return 'first-line manager of a senior team';
    case 'manager-of-managers':
      return 'manager of managers';
    default:
      return 'executive';
  }
}

/** "11 direct reports" or "9 managers reporting directly (plus 2 ICs)". */
function describeSpan(r: ManagerReport, withAssistants: boolean): string {
  if (r.role === 'first-line') {
    return `${plural(r.countedSpan, 'direct report')}${withAssistants ? ', assistants aside' : ''}`;
  }
  const ics = r.directIcs > 0 ? ` (plus ${plural(r.directIcs, 'IC')} reporting directly)` : '';
  return `${plural(r.countedSpan, 'manager')} reporting directly${ics}`;
}

const targetText = (r: ManagerReport) =>
  `${r.target.min}–${r.target.max}${r.role === 'first-line' ? '' : ' managers'}`;

function hasAssistant(ctx: AnalysisContext, facts: SpanFacts, i: number): boolean {
  const { childOffsets, childList } = ctx.graph;
  for (let k = childOffsets[i]; k < childOffsets[i + 1]; k++)
    if (facts.flags[childList[k]] & FLAG_ASSISTANT) return true;
  return false;
}

/** The manager of `i`, named, for fixes that move people up a layer. */
function describeManagerOf(ctx: AnalysisContext, i: number): string {
  const m = ctx.graph.parent[i];
  return m >= 0 ? describePerson(ctx, m) : 'the next manager up';
}

/** The fix of a span finding, by status and role. */
function spanFix(ctx: AnalysisContext, facts: SpanFacts, i: number, r: ManagerReport): string {
  const { max, min } = r.target;
  const excess = r.countedSpan - max;
  const firstLine = r.role === 'first-line';
  switch (r.status) {
    case 'critical': {
      const parts = Math.ceil(r.countedSpan / max);
      return firstLine
        ? `Split the team: ${r.countedSpan} reports make ${parts} teams of at most ${max}; appoint ${plural(parts - 1, 'new lead')} or move ${excess} reports to peers.`
        : `Split the ${r.countedSpan} managers into ${parts} groups of at most ${max} under new managers of managers, or move ${excess} of them to peers.`;
    }
    case 'over':
      return firstLine
        ? `Move ${plural(excess, 'report')} to a peer, or split the team under a new lead.`
        : `Move ${plural(excess, 'manager')} to a peer, or group them under a new manager of managers.`;
    case 'single': {
      const only = describePerson(ctx, getSingleReport(ctx, facts, i));
      return `Have ${only} report to ${describeManagerOf(ctx, i)} and remove this layer, or give ${describePerson(ctx, i)} a team of ${min}–${max}.`;
    }
    default: {
      const deficit = min - r.countedSpan;
      return firstLine
        ? `Take on ${plural(deficit, 'more report')} (e.g. merge with a peer team), or let the team report to ${describeManagerOf(ctx, i)}.`
        : `Take on ${plural(deficit, 'more manager')} (e.g. merge with a peer's group), or let the managers report to ${describeManagerOf(ctx, i)} and remove this layer.`;
    }
  }
}

/** The message of a span finding: who, which target, how many, against what. */
function spanMessage(ctx: AnalysisContext, facts: SpanFacts, i: number, r: ManagerReport): string {
  const who = `${describePerson(ctx, i)}, ${describeRole(ctx, i, r)},`;
  const estimated = r.estimated
    ? ' The span is estimated from FTE: an aggregate of posts reports directly, so the structure below it is unknown.'
    : '';
  if (r.status === 'single') {
    return `${who} has a single direct report${hasAssistant(ctx, facts, i) ? ' (assistants aside)' : ''}, ${describePerson(ctx, getSingleReport(ctx, facts, i))}: a layer that adds little.${estimated}`;
  }
  const span = describeSpan(r, r.directReports > r.countedSpan + r.directIcs);
  const against =
    r.status === 'critical'
      ? `at least ${ctx.policy.span.criticalFactor} × the target's max (target ${targetText(r)})`
      : `target ${targetText(r)}`;
  return `${who} has ${span}; ${against}.${estimated}`;
}

const CODES = {
  critical: 'span.critical',
  over: 'span.over',
  single: 'span.single',
  under: 'span.under',
} as const;

/**
 * Adds the `span.*` finding of manager `i` for its non-`ok` status. On an estimated span (an
 * aggregate reports directly) the finding is `info`, since the structure below is unknown.
 */
export function addSpanFinding(ctx: AnalysisContext, facts: SpanFacts, i: number, r: ManagerReport): void {
  if (r.status === 'ok') return;
  const data: Record<string, unknown> = {
    role: r.role,
    targetKind: r.targetKind,
    target: r.target,
    directReports: r.directReports,
    countedSpan: r.countedSpan,
    directIcs: r.directIcs,
    estimated: r.estimated,
  };
  if (r.status === 'critical' || r.status === 'over') data.excess = r.countedSpan - r.target.max;
  if (r.status === 'under') data.deficit = r.target.min - r.countedSpan;
  if (r.status === 'single') data.reportId = ctx.graph.records[getSingleReport(ctx, facts, i)].id;
  addFinding(
    ctx,
    CODES[r.status],
    { kind: 'person', id: r.id },
    spanMessage(ctx, facts, i, r),
    spanFix(ctx, facts, i, r),
    data,
    r.estimated ? 'info' : undefined,
  );
}
