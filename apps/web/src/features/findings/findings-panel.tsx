import type { Finding, Severity } from '@reorg/model';
import { memo, useMemo, useState } from 'react';
import { useSession } from '../../stores/session-store';
import { useDeferredAnalysis } from '../../stores/use-analysis';
import { useView } from '../../stores/view-store';
import { countCodes, countSeverities, groupFindings, SEVERITY_TITLES } from './group-findings';
import './findings.css';

const PAGE = 150;

/** Who or what a finding is about, in words. */
function subjectLabel(
  f: Finding,
  nameOf: (id: string) => string | undefined,
  teamOf: (id: string) => string | undefined,
): string {
  switch (f.subject.kind) {
    case 'person':
      return nameOf(f.subject.id) ?? f.subject.id;
    case 'team':
      return teamOf(f.subject.id) ?? f.subject.id;
    case 'level':
      return `Level ${f.subject.id}`;
    case 'interaction':
      return f.subject.id.replace('->', ' → ');
    default:
      return 'Whole org';
  }
}

const FindingItem = memo(function FindingItem({
  f,
  label,
  onOpen,
}: {
  f: Finding;
  label: string;
  onOpen: (f: Finding) => void;
}) {
  return (
    <li>
      <button type="button" className={`finding finding-${f.severity}`} onClick={() => onOpen(f)}>
        <span className="finding-head">
          <span className="finding-subject">{label}</span>
          <code className="finding-code">{f.code}</code>
        </span>
        <span className="finding-message">{f.message}</span>
        {f.fix && (
          <span className="finding-fix">
            <span className="finding-fix-label">Fix</span> {f.fix}
          </span>
        )}
      </button>
    </li>
  );
});

/**
 * The findings of the open scenario, grouped by severity and filterable by severity and code.
 * Clicking one focuses its subject: a person or team on the chart, a level on the ladder.
 */
export function FindingsPanel({ onOpen }: { onOpen: (f: Finding) => void }) {
  const analysis = useDeferredAnalysis();
  const pending = useSession((s) => s.analysisPending);
  const index = useSession((s) => s.index);
  const severities = useView((s) => s.severities);
  const codes = useView((s) => s.codes);
  const [limit, setLimit] = useState(PAGE);
  const findings = analysis?.findings ?? [];
  const counts = useMemo(() => countSeverities(findings), [findings]);
  const codeCounts = useMemo(() => countCodes(findings), [findings]);
  const groups = useMemo(() => groupFindings(findings, severities, codes), [findings, severities, codes]);
  const nameOf = (id: string) => index?.byId.get(id)?.name;
  const teamOf = (id: string) => index?.teamsById.get(id)?.name;
  const toggle = (s: Severity) => {
    const next = new Set(severities);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    useView.setState({ severities: next });
  };
  const code = codes.size === 1 ? [...codes][0] : '';
  let shown = 0;
  return (
    <section className="findings" aria-labelledby="findings-title">
      <div className="findings-header">
        <h2 id="findings-title">Findings</h2>
        {pending && <span className="findings-updating">Updating…</span>}
      </div>
      <div className="findings-filters">
        <fieldset className="severity-toggles">
          <legend className="sr-only">Show severities</legend>
          {(['error', 'warning', 'info'] as const).map((s) => (
            <button
              key={s}
              type="button"
              className={`sev-toggle sev-${s}`}
              aria-pressed={severities.has(s)}
              onClick={() => toggle(s)}
            >
              {SEVERITY_TITLES[s]} <strong>{counts[s]}</strong>
            </button>
          ))}
        </fieldset>
        <label className="sr-only" htmlFor="finding-code">
          Filter by rule
        </label>
        <select
          id="finding-code"
          className="select"
          value={code}
          onChange={(e) => useView.setState({ codes: new Set(e.target.value ? [e.target.value] : []) })}
        >
          <option value="">All rules ({findings.length})</option>
          {codeCounts.map((c) => (
            <option key={c.code} value={c.code}>
              {c.code} ({c.count})
            </option>
          ))}
        </select>
      </div>
      <div className="findings-list">
        {!analysis && <p className="muted findings-empty">Analysing…</p>}
        {analysis && groups.length === 0 && (
          <p className="muted findings-empty">No findings match these filters.</p>
        )}
        {groups.map((g) => {
          const room = Math.max(0, limit - shown);
          const items = g.findings.slice(0, room);
          shown += items.length;
          return (
            <div key={g.severity} className="finding-group">
              <h3 className={`group-title group-${g.severity}`}>
                {SEVERITY_TITLES[g.severity]} <span>{g.findings.length}</span>
              </h3>
              <ul>
                {items.map((f) => (
                  <FindingItem
                    key={`${f.code}:${f.subject.kind}:${f.subject.id}:${f.message}`}
                    f={f}
                    label={subjectLabel(f, nameOf, teamOf)}
                    onOpen={onOpen}
                  />
                ))}
              </ul>
            </div>
          );
        })}
        {groups.reduce((n, g) => n + g.findings.length, 0) > limit && (
          <button type="button" className="btn btn-block" onClick={() => setLimit(limit + PAGE)}>
            Show more findings
          </button>
        )}
      </div>
    </section>
  );
}
