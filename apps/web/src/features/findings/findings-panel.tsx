import type { Finding, Severity } from '@reorg/model';
import { memo, useMemo, useState } from 'react';
import type { OrgIndex } from '../../lib/org/org-index';
import { useSession } from '../../stores/session-store';
import { useDeferredAnalysis } from '../../stores/use-analysis';
import { useView } from '../../stores/view-store';
import {
  countCodes,
  countSeverities,
  type FindingGroup,
  findingsHeadline,
  groupFindings,
  type RuleGroup,
  SEVERITY_TITLES,
} from './group-findings';
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

/**
 * The department a finding belongs to, for splitting a long rule: the group of the subject's
 * team (or the team itself when it is in no group), else the person's manager.
 */
function departmentOf(f: Finding, index: OrgIndex | null): string | null {
  if (!index) return null;
  const teamName = (teamId: string | null | undefined): string | null => {
    const team = teamId ? index.teamsById.get(teamId) : undefined;
    if (!team) return null;
    const group = team.parentId ? index.teamsById.get(team.parentId) : undefined;
    return group?.name ?? team.name ?? null;
  };
  if (f.subject.kind === 'team') {
    const team = index.teamsById.get(f.subject.id);
    return team?.parentId ? (index.teamsById.get(team.parentId)?.name ?? null) : null;
  }
  if (f.subject.kind !== 'person') return null;
  const person = index.byId.get(f.subject.id);
  if (!person) return null;
  const dept = teamName(person.teamId);
  if (dept) return dept;
  const manager = person.managerId ? index.byId.get(person.managerId) : undefined;
  return manager?.name ? `Under ${manager.name}` : null;
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
  const groups = useMemo(
    () => groupFindings(findings, severities, codes, (f) => departmentOf(f, index)),
    [findings, severities, codes, index],
  );
  const nameOf = (id: string) => index?.byId.get(id)?.name;
  const teamOf = (id: string) => index?.teamsById.get(id)?.name;
  const toggle = (s: Severity) => {
    const next = new Set(severities);
    if (next.has(s)) next.delete(s);
    else next.add(s);
    useView.setState({ severities: next });
  };
  const code = codes.size === 1 ? [...codes][0] : '';
  return (
    <section className="findings" aria-labelledby="findings-title">
      <div className="findings-header">
        <h2 id="findings-title">Findings</h2>
        {pending && <span className="findings-updating">Updating…</span>}
        {analysis && <p className="findings-headline">{findingsHeadline(counts)}</p>}
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
              {c.title} ({c.count})
            </option>
          ))}
        </select>
      </div>
      <div className="findings-list">
        {!analysis && <p className="muted findings-empty">Analysing…</p>}
        {analysis && groups.length === 0 && (
          <p className="muted findings-empty">No findings match these filters.</p>
        )}
        {renderGroups(groups, limit, (f) => subjectLabel(f, nameOf, teamOf), onOpen)}
        {groups.reduce((n, g) => n + g.count, 0) > limit && (
          <button type="button" className="btn btn-block" onClick={() => setLimit(limit + PAGE)}>
            Show more findings
          </button>
        )}
      </div>
    </section>
  );
}

/** The severity groups, their rules and sections, cut after `limit` findings in all. */
function renderGroups(
  groups: FindingGroup[],
  limit: number,
  label: (f: Finding) => string,
  onOpen: (f: Finding) => void,
) {
  let room = limit;
  return groups.map((g) => (
    <div key={g.severity} className="finding-group">
      <h3 className={`group-title group-${g.severity}`}>
        {SEVERITY_TITLES[g.severity]} <span>{g.count}</span>
      </h3>
      {g.rules.map((rule) => {
        if (room <= 0) return null;
        const body = renderRule(rule, room, label, onOpen);
        room -= body.shown;
        return body.node;
      })}
    </div>
  ));
}

function renderRule(
  rule: RuleGroup,
  room: number,
  label: (f: Finding) => string,
  onOpen: (f: Finding) => void,
) {
  let shown = 0;
  const node = (
    <details key={rule.code} className="finding-rule" open>
      <summary className="finding-rule-head">
        <span className="finding-rule-title">{rule.title}</span>
        <span className="finding-rule-count">{rule.count}</span>
        <code className="finding-code">{rule.code}</code>
      </summary>
      {rule.sections.map((section) => {
        const items = section.findings.slice(0, Math.max(0, room - shown));
        shown += items.length;
        if (items.length === 0) return null;
        return (
          <div key={section.label ?? ''} className="finding-section">
            {section.label !== null && (
              <h4 className="finding-section-title">
                {section.label} <span>{section.findings.length}</span>
              </h4>
            )}
            {section.label === null && rule.sections.length > 1 && (
              <h4 className="finding-section-title">
                Elsewhere <span>{section.findings.length}</span>
              </h4>
            )}
            <ul>
              {items.map((f) => (
                <FindingItem
                  key={`${f.code}:${f.subject.kind}:${f.subject.id}:${f.message}`}
                  f={f}
                  label={label(f)}
                  onOpen={onOpen}
                />
              ))}
            </ul>
          </div>
        );
      })}
    </details>
  );
  return { node, shown };
}
