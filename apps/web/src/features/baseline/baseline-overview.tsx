import { type AnalysisReport, type ImportIssue, ruleTitle } from '@reorg/model';
import { useEffect, useState } from 'react';
import { CostValue } from '../../components/cost-value';
import { getOrgAnalysis, getOrgDetail } from '../../lib/api/client';
import { isRedacted } from '../../lib/cost';
import { summarizeRules } from './rule-summary';
import './baseline.css';

const n = (x: number) => x.toLocaleString('en-US');
const plural = (x: number, word: string) => `${n(x)} ${word}${x === 1 ? '' : 's'}`;
const RULES_SHOWN = 12;

function where(w: ImportIssue): string {
  return [w.file, w.row === undefined ? '' : `row ${w.row}`, w.column ? `column "${w.column}"` : '']
    .filter(Boolean)
    .join(', ');
}

/**
 * An org's baseline at a glance, on its page: headline numbers, the findings of the analysis by
 * rule (errors first) and the import's warnings. What a newcomer sees right after an import.
 */
export function BaselineOverview({ orgId }: { orgId: string }) {
  const [report, setReport] = useState<AnalysisReport | null>(null);
  const [warnings, setWarnings] = useState<ImportIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    setReport(null);
    setError(null);
    Promise.all([getOrgAnalysis(orgId), getOrgDetail(orgId)])
      .then(([r, detail]) => {
        if (!live) return;
        setReport(r);
        setWarnings(detail.warnings);
      })
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [orgId]);
  if (error) return <p className="form-error">{error}</p>;
  if (!report) {
    return (
      <div className="baseline" aria-busy="true">
        <div className="spinner" />
      </div>
    );
  }
  const s = report.summary;
  const stats: { label: string; value: React.ReactNode }[] = [
    { label: 'People', value: n(s.people) },
    ...(s.aggregates > 0 ? [{ label: 'Posts by FTE', value: n(s.aggregates) }] : []),
    { label: 'Managers', value: n(s.managers) },
    { label: 'Median span', value: n(s.medianSpan) },
    { label: 'Layers', value: n(s.maxLayer) },
    { label: 'At the top', value: n(s.roots) },
    {
      label: 'Annual cost',
      value: <CostValue value={s.cost?.total} redacted={isRedacted(s)} currency={report.currency} />,
    },
  ];
  const rules = summarizeRules(report.findings);
  return (
    <section className="baseline" aria-labelledby="baseline-title">
      <div className="baseline-head">
        <h3 id="baseline-title">Findings in the baseline</h3>
        <span className="muted">as of {report.asOf}</span>
      </div>
      <div className="baseline-stats">
        {stats.map((x) => (
          <div key={x.label} className="stat">
            <div className="stat-value">{x.value}</div>
            <div className="stat-label">{x.label}</div>
          </div>
        ))}
      </div>
      <div className="baseline-severities" data-testid="baseline-severities">
        <span className="sev sev-error">{plural(s.findings.error, 'error')}</span>
        <span className="sev sev-warning">{plural(s.findings.warning, 'warning')}</span>
        <span className="sev sev-info">{n(s.findings.info)} info</span>
      </div>
      {s.skippedChecks.length > 0 && (
        <ul className="muted" aria-label="Checks skipped" data-testid="skipped-checks">
          {s.skippedChecks.map((k) => (
            <li key={k.rule}>
              Skipped “{ruleTitle(k.rule)}” (<code>{k.rule}</code>): {k.reason}
            </li>
          ))}
        </ul>
      )}
      <ul className="rule-rows" aria-label="Findings by rule">
        {rules.slice(0, RULES_SHOWN).map((r) => (
          <li key={`${r.severity} ${r.code}`} className={`rule-row rule-${r.severity}`} data-code={r.code}>
            <div className="rule-line">
              <span className="rule-title">{ruleTitle(r.code)}</span>
              <code>{r.code}</code>
              <span className="rule-count">{n(r.count)}</span>
            </div>
            <div className="rule-example">{r.example}</div>
          </li>
        ))}
      </ul>
      {rules.length > RULES_SHOWN && (
        <p className="muted">
          and {rules.length - RULES_SHOWN} more rules: open a scenario to see every finding.
        </p>
      )}
      {warnings.length > 0 && (
        <details className="baseline-warnings">
          <summary>
            {n(warnings.length)} import warning{warnings.length === 1 ? '' : 's'}
          </summary>
          <ul>
            {warnings.slice(0, 50).map((w, k) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: warnings have no id and never reorder
              <li key={k}>
                {where(w) && <span className="muted">{where(w)}: </span>}
                {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
