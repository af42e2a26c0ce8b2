import type { Finding, Severity } from '@reorg/model';

/** One rule's findings in a baseline: its code, severity, how many, and the first finding's message. */
export interface RuleRow {
  code: string;
  severity: Severity;
  count: number;
  example: string;
}

const ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Findings grouped by rule code and severity (a rule can report at two severities, e.g. span
 * findings on an estimated span are info), errors first, then by count, then by code.
 */
export function summarizeRules(findings: readonly Finding[]): RuleRow[] {
  const rows = new Map<string, RuleRow>();
  for (const f of findings) {
    const key = `${f.severity} ${f.code}`;
    const row = rows.get(key);
    if (row) row.count++;
    else rows.set(key, { code: f.code, severity: f.severity, count: 1, example: f.message });
  }
  return [...rows.values()].sort(
    (a, b) => ORDER[a.severity] - ORDER[b.severity] || b.count - a.count || a.code.localeCompare(b.code),
  );
}
