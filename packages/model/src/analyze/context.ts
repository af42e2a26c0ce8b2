import { getOrgGraph, type OrgGraph } from '../graph/org-graph';
import type { IsoDate } from '../schema/common';
import type { Level, Track } from '../schema/ladder';
import type { Org } from '../schema/org';
import type { Policy } from '../schema/policy';
import type { Finding, FindingSubject } from '../schema/report';
import { RULES, type RuleCode } from '../schema/rules';
import { getPersonNames, nameOf } from './person-names';

/** A ladder level with the track it is on. */
export interface LevelInfo {
  level: Level;
  track: Track;
}

/**
 * Everything a rule needs, computed once per analysis: the org, its graph index, the policy,
 * the as-of date, a level lookup, and the findings list rules append to (via {@link addFinding}).
 */
export interface AnalysisContext {
  readonly org: Org;
  readonly graph: OrgGraph;
  readonly policy: Policy;
  readonly asOf: IsoDate;
  /** Level id → level and track (the first level with an id wins). */
  readonly levels: ReadonlyMap<string, LevelInfo>;
  readonly findings: Finding[];
}

/** Options of an analysis: the as-of date (defaults to `org.asOf`) and a policy override. */
export interface AnalyzeOptions {
  asOf?: IsoDate;
  policy?: Policy;
}

/** Builds the context of one analysis. */
export function createAnalysisContext(org: Org, options: AnalyzeOptions = {}): AnalysisContext {
  const levels = new Map<string, LevelInfo>();
  for (const track of ['ic', 'manager'] as const) {
    for (const level of org.ladder.tracks[track])
      if (!levels.has(level.id)) levels.set(level.id, { level, track });
  }
  return {
    org,
    graph: getOrgGraph(org),
    policy: options.policy ?? org.policy,
    asOf: options.asOf ?? org.asOf,
    levels,
    findings: [],
  };
}

/**
 * Appends a finding of rule `code`; severity and source come from {@link RULES} unless overridden
 * (e.g. span findings on an estimated span are `info`).
 */
export function addFinding(
  ctx: AnalysisContext,
  code: RuleCode,
  subject: FindingSubject,
  message: string,
  fix: string,
  data: Record<string, unknown> = {},
  severity?: Finding['severity'],
): void {
  const rule = RULES[code];
  ctx.findings.push({
    code,
    severity: severity ?? rule.severity,
    subject,
    message,
    fix,
    data,
    source: rule.source,
  });
}

/**
 * How a record is named in messages: `Name (id)`, or the id, or the title for an unnamed post.
 * Each record's name is built once per graph index, flat, and reused by later analyses of the
 * same people (e.g. under another policy).
 */
export function describePerson(ctx: AnalysisContext, i: number): string {
  return nameOf(getPersonNames(ctx.graph), ctx.graph, i);
}

/**
 * Says once that rule `rule` was skipped because the data lacks what it needs: one
 * `analysis.check_skipped` info finding (subject the org) with `data.rule` and `data.reason`, so the
 * summary can list it. `reason` is a sentence fragment, e.g. "no team member has a level".
 */
export function addSkippedCheck(
  ctx: AnalysisContext,
  rule: RuleCode,
  reason: string,
  data: Record<string, unknown> = {},
): void {
  addFinding(
    ctx,
    'analysis.check_skipped',
    { kind: 'org', id: ctx.org.id },
    `Check ${rule} was skipped: ${reason}.`,
    'Nothing is wrong; add the missing data (see the reason) to run this check.',
    { rule, reason, ...data },
  );
}
