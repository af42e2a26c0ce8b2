import type { Org } from '../schema/org';
import type { AnalysisReport, Finding } from '../schema/report';
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
