import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { IconComment } from '../../components/icons';
import { PresenceRing } from '../../components/presence-ring';
import { getStatusColors } from '../../lib/colors/span-scale';
import { teamStrokeScale } from '../../lib/colors/team-colors';
import { getDisplayName } from '../../lib/org/display-name';
import { useSelectedBy } from '../../stores/presence-store';
import { useReview } from '../../stores/review-store';
import { setExpanded } from '../../stores/view-store';
import type { PersonFlowNode, PersonNodeData } from './chart-nodes';

const STATUS_WORDS: Record<string, string> = {
  ok: 'in target',
  under: 'under target',
  over: 'over target',
  critical: 'critical',
  single: 'single report',
};

const PERSON_STATUS: Record<string, string> = { open: 'Open req', planned: 'Planned', leaving: 'Leaving' };

/** The accessible name of a card: who, what, span and status, hidden reports. */
export function describeCard(d: PersonNodeData): string {
  const p = d.person;
  const parts = [getDisplayName(p)];
  if (p.title) parts.push(p.title);
  if (p.level) parts.push(`level ${p.level}`);
  if (p.status !== 'active') parts.push(PERSON_STATUS[p.status] ?? p.status);
  if (d.manager) {
    parts.push(
      `${d.manager.directReports} direct reports, ${STATUS_WORDS[d.manager.status]} (target ${d.manager.target.min}–${d.manager.target.max})`,
    );
  }
  if (d.collapsed) parts.push(`${d.hidden} people collapsed below`);
  if (d.findingCount > 0) parts.push(`${d.findingCount} finding${d.findingCount > 1 ? 's' : ''}`);
  if (d.change) parts.push(d.change.label);
  return parts.join(', ');
}

function SpanBadge({ d }: { d: PersonNodeData }) {
  const m = d.manager;
  if (!m) {
    if (d.reports === 0) return null;
    return <span className="span-badge span-badge-pending">{d.reports}</span>;
  }
  const c = getStatusColors(m.status);
  const counted = m.role === 'first-line' ? '' : ` · ${m.countedSpan} mgr${m.countedSpan === 1 ? '' : 's'}`;
  return (
    <span className="span-badge" style={{ background: c.tint, color: c.text }}>
      <span className="span-dot" style={{ background: c.fill }} />
      {m.directReports}
      {counted}
    </span>
  );
}

/** The open comments on a person, as a small badge on the card. */
function CommentFlag({ id }: { id: string }) {
  const open = useReview((s) => s.openBySubject.get(id) ?? 0);
  if (open === 0) return null;
  return (
    <span className="comment-flag" title={`${open} open comment${open > 1 ? 's' : ''}`} data-comments={open}>
      <IconComment size={10} />
      {open}
    </span>
  );
}

function HoverCard({ d }: { d: PersonNodeData }) {
  const m = d.manager;
  return (
    <div className="card-hover" role="tooltip">
      {m ? (
        <>
          <div>
            {m.weeklyOneOnOneHours === null ? (
              <>1:1s: {m.weeklyOneOnOneHoursNote ?? 'n/a'}</>
            ) : (
              <>
                <strong>{m.weeklyOneOnOneHours.toFixed(1)} h/week</strong> of 1:1s
              </>
            )}
          </div>
          <div>
            {m.directReports} direct · target {m.target.min}–{m.target.max} ({m.targetKind.replace(/-/g, ' ')}
            )
          </div>
          <div className="muted">
            {STATUS_WORDS[m.status]}
            {m.estimated ? ' · estimated' : ''}
          </div>
        </>
      ) : (
        <div>
          {d.levelName ?? d.person.level ?? 'No level'}
          {d.team ? ` · ${d.team.name}` : ''}
        </div>
      )}
    </div>
  );
}

function PersonNodeView({ data: d, selected }: NodeProps<PersonFlowNode>) {
  const p = d.person;
  const selectedBy = useSelectedBy('person', p.id);
  const stripe = d.team ? teamStrokeScale(d.team.type) : 'transparent';
  const statusColor =
    d.manager && d.manager.status !== 'ok' ? getStatusColors(d.manager.status).fill : undefined;
  const name = getDisplayName(p);
  const classes = [
    'person-card',
    `person-${p.status}`,
    selected ? 'is-selected' : '',
    d.focus ? 'is-focus' : '',
    `drop-${d.drop}`,
    d.compact ? 'is-compact' : '',
    d.change ? `change-${d.change.kind}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <article
      className={classes}
      data-person-id={p.id}
      aria-label={describeCard(d)}
      tabIndex={selected ? 0 : -1}
      style={{ borderTopColor: statusColor }}
    >
      <span className="person-stripe" style={{ background: stripe }} />
      <PresenceRing users={selectedBy} />
      <div className="person-line1">
        <span className="person-name">{name}</span>
        {p.level && <span className="person-level">{p.level}</span>}
        <CommentFlag id={p.id} />
        {d.worst && (
          <span
            className={`finding-flag flag-${d.worst}`}
            title={`${d.findingCount} finding${d.findingCount > 1 ? 's' : ''}`}
          >
            {d.findingCount}
          </span>
        )}
      </div>
      {!d.compact && <div className="person-title">{p.title ?? d.levelName ?? '\u00a0'}</div>}
      <div className="person-line3">
        <SpanBadge d={d} />
        {p.status !== 'active' && (
          <span className={`status-chip status-${p.status}`}>{PERSON_STATUS[p.status]}</span>
        )}
        {!d.compact && d.team && <span className="person-team">{d.team.name}</span>}
        {d.reports > 0 && (
          <button
            type="button"
            className="expand-toggle nodrag"
            aria-expanded={!d.collapsed}
            aria-label={
              d.collapsed ? `Show ${d.hidden} people below ${name}` : `Hide the people below ${name}`
            }
            onClick={(e) => {
              e.stopPropagation();
              setExpanded(p.id, d.collapsed);
            }}
          >
            {d.collapsed ? `+${d.hidden}` : '−'}
          </button>
        )}
      </div>
      {d.change && (
        <span className={`change-chip change-chip-${d.change.kind}`} title={d.change.label}>
          {d.change.label}
        </span>
      )}
      {!d.compact && <HoverCard d={d} />}
    </article>
  );
}

/** A person on the org chart: name, title, level, span badge, team stripe; 1:1 hours on hover. */
export const PersonNode = memo(PersonNodeView);
