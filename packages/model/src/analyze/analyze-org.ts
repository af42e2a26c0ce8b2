import type { Org } from '../schema/org';
import { type AnalysisReport, SEVERITIES } from '../schema/report';
import { type AnalyzeOptions, createAnalysisContext } from './context';
import { checkGraph } from './graph-rules';
import { checkInteractions } from './interactions';
import { checkPeopleOnLadder } from './ladder-people';
import { checkLadder } from './ladder-rules';
import { checkLayers } from './layers';
import { summarize } from './metrics';
import { analyzeSpans } from './span';
import { analyzeTeams } from './teams';

/**
 * Analyses an org against every rule of DOMAIN.md and returns the public {@link AnalysisReport}:
 * a summary of metrics, one row per manager (span of control, target, status, weekly 1:1 hours),
 * one row per team and group (headcount, FTE, annual cost), and the findings, most severe first.
 *
 * Pure and total: dirty data (duplicate ids, cycles, dangling managers) becomes `graph.*`
 * findings and the rest of the org is still analysed. `options.asOf` defaults to `org.asOf`.
 */
export function analyzeOrg(org: Org, options: AnalyzeOptions = {}): AnalysisReport {
  const ctx = createAnalysisContext(org, options);
  checkGraph(ctx);
  const managers = analyzeSpans(ctx);
  checkLayers(ctx, managers);
  checkLadder(ctx);
  checkPeopleOnLadder(ctx);
  const teams = analyzeTeams(ctx);
  checkInteractions(ctx);
  const rank = (s: string) => SEVERITIES.indexOf(s as (typeof SEVERITIES)[number]);
  const findings = ctx.findings
    .map((f, k) => ({ f, k }))
    .sort((a, b) => rank(a.f.severity) - rank(b.f.severity) || a.k - b.k)
    .map((x) => x.f);
  return {
    orgId: org.id,
    orgName: org.name,
    asOf: ctx.asOf,
    currency: org.currency,
    summary: summarize(ctx, managers),
    managers,
    teams,
    findings,
  };
}
