import { type Finding, ruleTitle, type Severity } from '@reorg/model';

/** Findings of one rule, split into sections (by department or manager) when there are many. */
export interface RuleGroup {
  code: string;
  /** The rule in words, e.g. `Span over target`. */
  title: string;
  count: number;
  sections: FindingSection[];
}

/** Findings of one rule under one department or manager; `label` is null when not split. */
export interface FindingSection {
  label: string | null;
  findings: Finding[];
}

/** Findings of one severity, after filtering, grouped by rule (most findings first). */
export interface FindingGroup {
  severity: Severity;
  count: number;
  rules: RuleGroup[];
}

/** A finding code with how many findings carry it. */
export interface CodeCount {
  code: string;
  title: string;
  count: number;
}

/** Severities in display order, with their section titles. */
export const SEVERITY_TITLES: Record<Severity, string> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Info',
};

/** A rule with more findings than this is split into sections by department or manager. */
export const SECTION_THRESHOLD = 8;

/**
 * Groups findings by severity (errors first), then by rule (most findings first, then by
 * title), keeping only the severities in `severities` and, when `codes` is not empty, the codes
 * in it. A rule with more than {@link SECTION_THRESHOLD} findings is split into sections by
 * `sectionOf` (a department or manager name; `null` for none), largest first, the unlabelled
 * last. Order inside a section is the analysis's order.
 */
export function groupFindings(
  findings: readonly Finding[],
  severities: ReadonlySet<Severity>,
  codes: ReadonlySet<string>,
  sectionOf: (f: Finding) => string | null = () => null,
): FindingGroup[] {
  const bySeverity: Record<Severity, Map<string, Finding[]>> = {
    error: new Map(),
    warning: new Map(),
    info: new Map(),
  };
  for (const f of findings) {
    if (!severities.has(f.severity)) continue;
    if (codes.size > 0 && !codes.has(f.code)) continue;
    const rules = bySeverity[f.severity];
    const list = rules.get(f.code);
    if (list) list.push(f);
    else rules.set(f.code, [f]);
  }
  return (['error', 'warning', 'info'] as const)
    .filter((s) => bySeverity[s].size > 0)
    .map((severity) => {
      const rules = [...bySeverity[severity]]
        .map(([code, list]) => ({
          code,
          title: ruleTitle(code),
          count: list.length,
          sections: sections(list, sectionOf),
        }))
        .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));
      return { severity, count: rules.reduce((n, r) => n + r.count, 0), rules };
    });
}

function sections(list: Finding[], sectionOf: (f: Finding) => string | null): FindingSection[] {
  if (list.length <= SECTION_THRESHOLD) return [{ label: null, findings: list }];
  const byLabel = new Map<string | null, Finding[]>();
  for (const f of list) {
    const label = sectionOf(f);
    const into = byLabel.get(label);
    if (into) into.push(f);
    else byLabel.set(label, [f]);
  }
  if (byLabel.size === 1) return [{ label: null, findings: list }];
  return [...byLabel]
    .map(([label, findings]) => ({ label, findings }))
    .sort(
      (a, b) =>
        Number(a.label === null) - Number(b.label === null) ||
        b.findings.length - a.findings.length ||
        (a.label ?? '').localeCompare(b.label ?? ''),
    );
}

/** Codes present in the findings, most frequent first (then by title), with their titles. */
export function countCodes(findings: readonly Finding[]): CodeCount[] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return [...counts]
    .map(([code, count]) => ({ code, title: ruleTitle(code), count }))
    .sort((a, b) => b.count - a.count || a.title.localeCompare(b.title));
}

/** Findings per severity (before filtering). */
export function countSeverities(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/**
 * The headline count, as the sidebar gives it: `18 errors and warnings, 57 info`
 * (`No findings` when there are none).
 */
export function findingsHeadline(counts: Record<Severity, number>): string {
  const serious = counts.error + counts.warning;
  if (serious === 0 && counts.info === 0) return 'No findings';
  const head = `${serious.toLocaleString('en-US')} ${serious === 1 ? 'error or warning' : 'errors and warnings'}`;
  return counts.info > 0 ? `${head}, ${counts.info.toLocaleString('en-US')} info` : head;
}
