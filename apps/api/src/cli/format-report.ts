import type { AnalysisReport, Finding, ManagerReport, Org, Severity } from '@reorg/model';
import { SEVERITIES } from '@reorg/model';

/** Options of {@link formatReportTable}. */
export interface FormatReportOptions {
  /** Findings shown per rule code before "… and N more" (default 8). */
  perCode?: number;
  /** Managers listed in the span table when the org has more (default 60; all when fewer). */
  maxManagers?: number;
  /** Use ANSI colors (default false). */
  color?: boolean;
  /** The analysed org: unnamed managers (e.g. "N/D" posts) are then shown by their title. */
  org?: Pick<Org, 'people'>;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'Errors', warning: 'Warnings', info: 'Info' };
const SEVERITY_COLOR: Record<Severity, string> = { error: '31', warning: '33', info: '36' };
const STATUS_RANK: Record<ManagerReport['status'], number> = {
  critical: 0,
  over: 1,
  single: 2,
  under: 3,
  ok: 4,
};

const num = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });

function pad(s: string, width: number): string {
  return s.length > width ? `${s.slice(0, width - 1)}…` : s + ' '.repeat(width - s.length);
}

/**
 * Renders an analysis report as the text a director reads in a terminal: a summary, the span of
 * control of the managers (the worst first), then findings grouped by severity and rule code, each
 * with its message and fix.
 */
export function formatReportTable(report: AnalysisReport, options: FormatReportOptions = {}): string {
  const { perCode = 8, maxManagers = 60, color = false, org } = options;
  const titles = new Map<string, string>();
  for (const p of org?.people ?? []) if (!p.name && p.title) titles.set(p.id, p.title);
  const paint = (code: string, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const bold = (s: string) => paint('1', s);
  const s = report.summary;
  const out: string[] = [];
  out.push(bold(`${report.orgName} (${report.orgId}), as of ${report.asOf}`));
  out.push('');
  const status = s.headcountByStatus;
  out.push(
    `People       ${num(s.people)} (${num(status.active)} active, ${num(status.open)} open, ${num(status.planned)} planned, ${num(status.leaving)} leaving)`,
  );
  if (s.aggregates > 0) out.push(`Aggregates   ${num(s.aggregates)} records of posts counted by FTE`);
  out.push(`FTE          ${num(s.fte, 2)}`);
  if (s.aggregates === 0)
    out.push(
      `Managers     ${num(s.managers)}, ICs ${num(s.ics)}, ${num(s.icsPerManager, 2)} ICs per manager`,
    );
  else {
    // ICs and their ratio count the same records: people; the posts counted by FTE come apart.
    out.push(
      `Managers     ${num(s.managers)}, ICs ${num(s.ics)}, ${num(s.icsPerManager, 2)} ICs per manager (people only, aggregates not included)`,
    );
    out.push(
      `ICs + posts  ${num(s.ics + s.aggregatePosts)} (${num(s.ics)} ICs and ${num(s.aggregatePosts)} posts counted by FTE, rounded up), ${num(s.icsAndPostsPerManager, 2)} per manager (aggregates included)`,
    );
  }
  out.push(
    `Span         median ${num(s.medianSpan, 1)}, mean ${num(s.meanSpan, 1)}; ` +
      Object.entries(s.spanDistribution)
        .map(([bucket, count]) => `${bucket}: ${count}`)
        .join(', '),
  );
  // One finding may list many records (posts with no manager): count the records, not the findings.
  const dangling = report.findings
    .filter((f) => f.code === 'graph.dangling_manager')
    .reduce((n, f) => n + (Array.isArray(f.data.ids) ? f.data.ids.length : 1), 0);
  out.push(
    `Layers       ${s.maxLayer} (max), ${num(s.roots)} ${s.roots === 1 ? 'person' : 'people'} at the top` +
      (dangling > 0 ? `, ${num(dangling)} records whose manager is missing from the data` : ''),
  );
  if (s.cost.total > 0) out.push(`Annual cost  ${num(s.cost.total)} ${report.currency}`);
  for (const skipped of s.skippedChecks) out.push(`Skipped      ${skipped.rule}: ${skipped.reason}`);
  out.push(
    `Findings     ${paint(SEVERITY_COLOR.error, `${s.findings.error} errors`)}, ${paint(SEVERITY_COLOR.warning, `${s.findings.warning} warnings`)}, ${paint(SEVERITY_COLOR.info, `${s.findings.info} info`)}`,
  );
  out.push('', ...formatManagers(report.managers, maxManagers, bold, titles));
  for (const severity of SEVERITIES) {
    const findings = report.findings.filter((f) => f.severity === severity);
    if (findings.length === 0) continue;
    out.push('', paint(SEVERITY_COLOR[severity], bold(`${SEVERITY_LABEL[severity]} (${findings.length})`)));
    for (const [code, group] of groupByCode(findings)) {
      out.push(`  ${bold(code)} (${group.length})  source: ${group[0].source}`);
      for (const f of group.slice(0, perCode)) {
        out.push(`    - ${f.message}`);
        out.push(`      fix: ${f.fix}`);
      }
      if (group.length > perCode)
        out.push(`    … and ${group.length - perCode} more (--format json lists all)`);
    }
  }
  return `${out.join('\n')}\n`;
}

function groupByCode(findings: Finding[]): Map<string, Finding[]> {
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const g = groups.get(f.code);
    if (g) g.push(f);
    else groups.set(f.code, [f]);
  }
  return groups;
}

function formatManagers(
  managers: ManagerReport[],
  max: number,
  bold: (s: string) => string,
  titles: ReadonlyMap<string, string>,
): string[] {
  if (managers.length === 0) return ['No managers.'];
  const sorted = [...managers].sort(
    (a, b) =>
      STATUS_RANK[a.status] - STATUS_RANK[b.status] || a.layer - b.layer || b.countedSpan - a.countedSpan,
  );
  const shown = sorted.slice(0, max);
  const lines = [
    bold(
      `Span of control (${managers.length} managers${shown.length < managers.length ? `, the ${shown.length} most off target shown` : ''})`,
    ),
    `  ${pad('manager', 44)} ${pad('role', 19)} ${pad('layer', 5)} ${pad('reports', 7)} ${pad('counted', 7)} ${pad('target', 6)} ${pad('status', 9)} 1:1 h/wk`,
  ];
  for (const m of shown) {
    lines.push(
      `  ${pad(managerLabel(m, titles), 44)} ${pad(m.role, 19)} ${pad(String(m.layer), 5)} ${pad(String(m.directReports), 7)} ${pad(String(m.countedSpan), 7)} ${pad(`${m.target.min}-${m.target.max}`, 6)} ${pad(m.status + (m.estimated ? '*' : ''), 9)} ${m.weeklyOneOnOneHours === null ? 'n/a' : num(m.weeklyOneOnOneHours, 1)}`,
    );
  }
  if (managers.some((m) => m.estimated))
    lines.push(
      '  * estimated: aggregates (posts counted by FTE) report to this manager; 1:1 hours n/a (posts, not people)',
    );
  return lines;
}

function managerLabel(m: ManagerReport, titles: ReadonlyMap<string, string>): string {
  const label = m.name ?? titles.get(m.id);
  return label ? `${label} (${m.id})` : m.id;
}
