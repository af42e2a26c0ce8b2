import type { Finding, Severity } from '@reorg/model';

/** Findings of one severity, after filtering. */
export interface FindingGroup {
  severity: Severity;
  findings: Finding[];
}

/** A finding code with how many findings carry it. */
export interface CodeCount {
  code: string;
  count: number;
}

/** Severities in display order, with their section titles. */
export const SEVERITY_TITLES: Record<Severity, string> = {
  error: 'Errors',
  warning: 'Warnings',
  info: 'Info',
};

/**
 * Groups findings by severity (errors first), keeping only the severities in `severities` and,
 * when `codes` is not empty, the codes in it. Order inside a group is the analysis's order.
 */
export function groupFindings(
  findings: readonly Finding[],
  severities: ReadonlySet<Severity>,
  codes: ReadonlySet<string>,
): FindingGroup[] {
  const groups: Record<Severity, Finding[]> = { error: [], warning: [], info: [] };
  for (const f of findings) {
    if (!severities.has(f.severity)) continue;
    if (codes.size > 0 && !codes.has(f.code)) continue;
    groups[f.severity].push(f);
  }
  return (['error', 'warning', 'info'] as const)
    .filter((s) => groups[s].length > 0)
    .map((severity) => ({ severity, findings: groups[severity] }));
}

/** Codes present in the findings, most frequent first (then by name). */
export function countCodes(findings: readonly Finding[]): CodeCount[] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
  return [...counts]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
}

/** Findings per severity (before filtering). */
export function countSeverities(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}
