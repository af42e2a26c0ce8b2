import type { Level, Person } from '@reorg/model';
import { useMemo, useState } from 'react';
import { CostValue } from '../../components/cost-value';
import { IconClose, IconTarget } from '../../components/icons';
import { getStatusColors } from '../../lib/colors/span-scale';
import { getManagerId, getReports, getSubtreeSize, type OrgIndex } from '../../lib/org/org-index';
import { applyChange } from '../../stores/session-actions';
import { useSession } from '../../stores/session-store';
import { useSpanLookup } from '../../stores/use-analysis';
import { useReadOnlyReason, useSeesAllCompensation } from '../../stores/use-permissions';
import { useView } from '../../stores/view-store';
import './person.css';
import { getDisplayName } from '../../lib/org/display-name';
import { getReportingLineCost } from '../../lib/org/line-cost';
import { WhatChanges } from './what-changes';

/** A fresh id for an open requisition, not used by anyone in the org. */
export function newReqId(index: OrgIndex, now: number): string {
  let n = now;
  let id = `REQ-${n.toString(36).toUpperCase()}`;
  while (index.byId.has(id)) id = `REQ-${(++n).toString(36).toUpperCase()}`;
  return id;
}

const STATUS_LABEL: Record<string, string> = {
  ok: 'In target',
  under: 'Under target',
  over: 'Over target',
  critical: 'Critical',
  single: 'Single report',
};

const nameOf = (p: Person | undefined) => getDisplayName(p);

function AddReqForm({ manager, levels, onDone }: { manager: Person; levels: Level[]; onDone: () => void }) {
  const index = useSession((s) => s.index)!;
  const [title, setTitle] = useState('Software Engineer');
  const [level, setLevel] = useState(levels.find((l) => l.rank === 4)?.id ?? levels[0]?.id ?? '');
  const submit = () => {
    const id = newReqId(index, Date.now());
    const ops = [
      {
        type: 'addPerson' as const,
        person: {
          id,
          title,
          status: 'open' as const,
          managerId: manager.id,
          teamId: manager.teamId,
          ...(level ? { level } : {}),
          dottedManagerIds: [],
          fte: 1,
          aggregate: false,
          isAssistant: false,
        },
      },
    ];
    if (applyChange(ops, `Add an open req (${title}) under ${nameOf(manager)}`).ok) onDone();
  };
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <div className="field">
        <label htmlFor="req-title">Title</label>
        <input
          id="req-title"
          className="input"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          required
        />
      </div>
      <div className="field">
        <label htmlFor="req-level">Level</label>
        <select id="req-level" className="select" value={level} onChange={(e) => setLevel(e.target.value)}>
          {levels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.id} · {l.name}
            </option>
          ))}
        </select>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-sm">
          Add open req
        </button>
        <button type="button" className="btn btn-sm btn-ghost" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * The selected person: who they are, their span of control and 1:1 load, and the changes a
 * director makes from here: change the level, add an open req under them, remove them, or open
 * their "find me" view. Every change is an op (one undo step).
 */
export function PersonInspector({ onFocus }: { onFocus: (id: string) => void }) {
  const selectedId = useView((s) => s.selectedId);
  const index = useSession((s) => s.index);
  const org = useSession((s) => s.org);
  const spans = useSpanLookup();
  const seesAll = useSeesAllCompensation();
  const readOnly = useReadOnlyReason();
  const [adding, setAdding] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const levels = useMemo(
    () =>
      [...(org?.ladder.tracks.ic ?? []), ...(org?.ladder.tracks.manager ?? [])].sort(
        (a, b) => a.rank - b.rank,
      ),
    [org],
  );
  const person = selectedId && index ? index.byId.get(selectedId) : undefined;
  const span = selectedId ? spans.span(selectedId) : undefined;
  if (!person || !index) return null;
  const managerId = getManagerId(index, person.id);
  const manager = managerId ? index.byId.get(managerId) : undefined;
  const team = person.teamId ? index.teamsById.get(person.teamId) : undefined;
  const reports = getReports(index, person.id).length;
  const below = getSubtreeSize(index, person.id);
  const lineCost = below > 0 ? getReportingLineCost(index, person.id, seesAll) : null;
  const colors = getStatusColors(span?.status);
  const setLevel = (level: string) => {
    applyChange(
      [{ type: 'updatePerson', personId: person.id, changes: { level: level || null } }],
      `Set ${nameOf(person)}'s level to ${level || 'none'}`,
    );
  };
  const remove = () => {
    setConfirmRemove(false);
    applyChange(
      [{ type: 'removePerson', personId: person.id }],
      `Remove ${nameOf(person)}${reports > 0 ? ` (their ${reports} reports move up)` : ''}`,
    );
    useView.setState({ selectedId: managerId });
  };
  return (
    <section className="inspector" aria-labelledby="inspector-name">
      <div className="inspector-head">
        <div className="inspector-id">
          <h2 id="inspector-name">{nameOf(person)}</h2>
          <div className="muted">{[person.title, person.email].filter(Boolean).join(' · ') || person.id}</div>
        </div>
        <button
          type="button"
          className="btn btn-icon btn-ghost"
          aria-label="Close the person details"
          onClick={() => useView.setState({ selectedId: null })}
        >
          <IconClose />
        </button>
      </div>
      <dl className="facts">
        <div>
          <dt>Reports to</dt>
          <dd>{manager ? nameOf(manager) : 'Nobody (top)'}</dd>
        </div>
        <div>
          <dt>Team</dt>
          <dd>{team?.name ?? 'None'}</dd>
        </div>
        <div>
          <dt>Direct reports</dt>
          <dd>
            {reports}
            {below > reports ? ` (${below} in total)` : ''}
          </dd>
        </div>
        {span && (
          <div>
            <dt>Span</dt>
            <dd>
              <span className="span-pill" style={{ background: colors.tint, color: colors.text }}>
                {STATUS_LABEL[span.status]} · {span.countedSpan} of {span.target.min}–{span.target.max}
              </span>
            </dd>
          </div>
        )}
        {span && (
          <div>
            <dt>1:1s</dt>
            <dd>
              {span.weeklyOneOnOneHours === null
                ? (span.weeklyOneOnOneHoursNote ?? 'n/a')
                : `${span.weeklyOneOnOneHours.toFixed(1)} h/week`}
            </dd>
          </div>
        )}
        <div>
          <dt>Annual cost</dt>
          <dd>
            <CostValue
              value={person.cost}
              currency={org?.currency ?? 'USD'}
              missingIsHidden={!seesAll}
              compact={false}
            />
          </dd>
        </div>
        {below > 0 && (
          <div>
            <dt>Cost of the {below} below</dt>
            <dd>
              <CostValue value={lineCost} redacted={lineCost === null} currency={org?.currency ?? 'USD'} />
            </dd>
          </div>
        )}
        {person.location && (
          <div>
            <dt>Location</dt>
            <dd>{person.location}</dd>
          </div>
        )}
      </dl>
      <div className="field inspector-level">
        <label htmlFor="inspector-level">Level</label>
        <select
          id="inspector-level"
          className="select"
          value={person.level ?? ''}
          onChange={(e) => setLevel(e.target.value)}
          disabled={readOnly !== null}
          title={readOnly ?? undefined}
        >
          <option value="">No level</option>
          {person.level && !levels.some((l) => l.id === person.level) && (
            <option value={person.level}>{person.level} (not in the ladder)</option>
          )}
          {levels.map((l) => (
            <option key={l.id} value={l.id}>
              {l.id} · {l.name}
            </option>
          ))}
        </select>
      </div>
      {adding ? (
        <AddReqForm manager={person} levels={levels} onDone={() => setAdding(false)} />
      ) : (
        <div className="inspector-actions">
          <button type="button" className="btn btn-sm" onClick={() => onFocus(person.id)}>
            <IconTarget /> Find me view
          </button>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => setAdding(true)}
            disabled={readOnly !== null}
            title={readOnly ?? undefined}
          >
            Add open req
          </button>
          {confirmRemove ? (
            <span className="confirm">
              <button type="button" className="btn btn-sm btn-danger" onClick={remove}>
                Confirm remove
              </button>
              <button type="button" className="btn btn-sm btn-ghost" onClick={() => setConfirmRemove(false)}>
                Keep
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="btn btn-sm btn-danger"
              onClick={() => setConfirmRemove(true)}
              disabled={readOnly !== null}
              title={readOnly ?? undefined}
            >
              Remove
            </button>
          )}
        </div>
      )}
      <WhatChanges personId={person.id} />
    </section>
  );
}
