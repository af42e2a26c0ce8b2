import { z } from 'zod';
import { analyzeOrg } from '../analyze/analyze-org';
import type { AnalyzeOptions } from '../analyze/context';
import type { Org } from '../schema/org';
import { type Finding, SEVERITIES, SummarySchema } from '../schema/report';
import { diffOrgs } from './diff-orgs';
import { OrgDiffSchema } from './diff-schema';

const SeverityCountsSchema = z.object({
  error: z.number().int(),
  warning: z.number().int(),
  info: z.number().int(),
});

/** Key metrics of a scenario minus the baseline's (cost: annual, in the org's currency). */
export const MetricsDeltaSchema = z.object({
  people: z.number(),
  fte: z.number(),
  managers: z.number(),
  icsPerManager: z.number(),
  maxLayer: z.number(),
  medianSpan: z.number(),
  meanSpan: z.number(),
  cost: z.number(),
  errors: z.number(),
  warnings: z.number(),
  infos: z.number(),
});
/** Metric deltas, scenario minus baseline. */
export type MetricsDelta = z.infer<typeof MetricsDeltaSchema>;

/** One scenario in a comparison. */
export const ScenarioComparisonSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The scenario's `AnalysisReport` summary. */
  metrics: SummarySchema,
  delta: MetricsDeltaSchema,
  /** Who moves, which teams change, what changes for each manager, against the baseline. */
  diff: OrgDiffSchema,
  findingsBySeverity: SeverityCountsSchema,
  /**
   * Findings of the scenario absent from the baseline (`introduced`) and the reverse (`resolved`),
   * a finding being its rule code plus its subject; `byCode` lists the codes whose count changed.
   */
  findingsChange: z.object({
    introduced: z.number().int(),
    resolved: z.number().int(),
    byCode: z.array(z.object({ code: z.string(), baseline: z.number().int(), scenario: z.number().int() })),
  }),
});
/** One scenario in a comparison. */
export type ScenarioComparison = z.infer<typeof ScenarioComparisonSchema>;

/** The result of {@link compareScenarios}. */
export const ComparisonSchema = z.object({
  baseline: z.object({
    orgId: z.string(),
    name: z.string(),
    metrics: SummarySchema,
    findingsBySeverity: SeverityCountsSchema,
  }),
  scenarios: z.array(ScenarioComparisonSchema),
});
/** Scenarios side by side against their baseline. */
export type Comparison = z.infer<typeof ComparisonSchema>;

/** What to compare: a scenario's id, name and state (e.g. `getScenarioState(...).org`). */
export interface ScenarioToCompare {
  id: string;
  name: string;
  org: Org;
}

function findingKey(f: Finding): string {
  return `${f.code}\u0000${f.subject.kind}\u0000${f.subject.id}`;
}

function countBy<T>(items: readonly T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of items) {
    const k = key(x);
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  return m;
}

/** Findings introduced and resolved (multiset difference by code + subject), and the codes whose count moved. */
function compareFindings(before: readonly Finding[], after: readonly Finding[]) {
  const b = countBy(before, findingKey);
  const a = countBy(after, findingKey);
  let introduced = 0;
  let resolved = 0;
  for (const [k, n] of a) introduced += Math.max(0, n - (b.get(k) ?? 0));
  for (const [k, n] of b) resolved += Math.max(0, n - (a.get(k) ?? 0));
  const codesB = countBy(before, (f) => f.code);
  const codesA = countBy(after, (f) => f.code);
  const codes = [...new Set([...codesB.keys(), ...codesA.keys()])].sort();
  const byCode = codes
    .map((code) => ({ code, baseline: codesB.get(code) ?? 0, scenario: codesA.get(code) ?? 0 }))
    .filter((c) => c.baseline !== c.scenario);
  return { introduced, resolved, byCode };
}

type Summary = z.infer<typeof SummarySchema>;

function metricsDelta(s: Summary, b: Summary): MetricsDelta {
  return {
    people: s.people - b.people,
    fte: s.fte - b.fte,
    managers: s.managers - b.managers,
    icsPerManager: s.icsPerManager - b.icsPerManager,
    maxLayer: s.maxLayer - b.maxLayer,
    medianSpan: s.medianSpan - b.medianSpan,
    meanSpan: s.meanSpan - b.meanSpan,
    cost: s.cost.total - b.cost.total,
    errors: s.findings.error - b.findings.error,
    warnings: s.findings.warning - b.findings.warning,
    infos: s.findings.info - b.findings.info,
  };
}

function severityCounts(s: Summary): z.infer<typeof SeverityCountsSchema> {
  return Object.fromEntries(SEVERITIES.map((k) => [k, s.findings[k]])) as z.infer<
    typeof SeverityCountsSchema
  >;
}

/**
 * Compares scenarios side by side against their baseline (DESIGN.md "Compare"): for the baseline
 * and each scenario, the `AnalysisReport` summary (headcount, managers, spans, layers, annual
 * cost, findings by severity); for each scenario also the metric deltas, the findings it
 * introduces and resolves, and its {@link OrgDiff} against the baseline (who moves, teams
 * created/removed/merged/split, disruption, what changes for each manager). Scenarios keep the
 * order given. `options` (as-of date, policy) apply to every analysis. Pure; never throws.
 */
export function compareScenarios(
  baseline: Org,
  scenarios: readonly ScenarioToCompare[],
  options: AnalyzeOptions = {},
): Comparison {
  const base = analyzeOrg(baseline, options);
  return {
    baseline: {
      orgId: baseline.id,
      name: baseline.name,
      metrics: base.summary,
      findingsBySeverity: severityCounts(base.summary),
    },
    scenarios: scenarios.map((s) => {
      const report = analyzeOrg(s.org, options);
      return {
        id: s.id,
        name: s.name,
        metrics: report.summary,
        delta: metricsDelta(report.summary, base.summary),
        diff: diffOrgs(baseline, s.org),
        findingsBySeverity: severityCounts(report.summary),
        findingsChange: compareFindings(base.findings, report.findings),
      };
    }),
  };
}
