import type { Org } from '../schema/org';
import type { AnalysisReport, Finding } from '../schema/report';
import { type AnalysisContext, type AnalyzeOptions, addFinding, createAnalysisContext } from './context';
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
  const teamsOnly = org.importNotes?.teamsOnly;
  let managers: ReturnType<typeof analyzeSpans> = [];
  if (teamsOnly === undefined) {
    checkGraph(ctx);
    managers = analyzeSpans(ctx);
    checkLayers(ctx, managers);
  } else reportTeamsOnly(ctx, teamsOnly);
  checkLadder(ctx);
  if (teamsOnly === undefined) checkPeopleOnLadder(ctx);
  const teams = analyzeTeams(ctx, { reportingLines: teamsOnly === undefined });
  checkInteractions(ctx);
  const findings = sortBySeverity(ctx.findings);
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

/**
 * One `analysis.check_skipped` finding for an org read without reporting lines (a teams file
 * alone, a Backstage catalog without an HRIS file): the people rules (`graph.*`, `span.*`,
 * `layers.*`, the ladder checks on people, `team.no_manager`, `team.split_reporting`) are skipped.
 */
function reportTeamsOnly(ctx: AnalysisContext, reason: string): void {
  addFinding(
    ctx,
    'analysis.check_skipped',
    { kind: 'org', id: ctx.org.id },
    `Teams only: ${reason}, so the people rules (reporting lines, span of control, layers, levels, team managers) are skipped; teams and interactions are analysed.`,
    'Give an HRIS export (or an org JSON) beside the teams to analyse people too.',
    { rule: 'people', reason },
  );
}

/**
 * Findings most severe first (errors, warnings, infos), in the order rules added them within a
 * severity: a stable grouping in one counting pass, with no sort and no wrapper per finding.
 */
function sortBySeverity(findings: readonly Finding[]): Finding[] {
  let errors = 0;
  let warnings = 0;
  for (let k = 0; k < findings.length; k++) {
    const severity = findings[k].severity;
    if (severity === 'error') errors++;
    else if (severity === 'warning') warnings++;
  }
  const out: Finding[] = new Array(findings.length);
  let e = 0;
  let w = errors;
  let i = errors + warnings;
  for (let k = 0; k < findings.length; k++) {
    const f = findings[k];
    if (f.severity === 'error') out[e++] = f;
    else if (f.severity === 'warning') out[w++] = f;
    else out[i++] = f;
  }
  return out;
}
