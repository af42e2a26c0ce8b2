import { getDisplayName } from '../../lib/org/display-name';
import { impactLines } from '../../lib/org/manager-impact';
import { setShowChanges, useChanges, useScenarioChanges } from '../../stores/changes-store';
import { useSession } from '../../stores/session-store';

function List({ title, items }: { title: string; items: string[] }) {
  if (items.length === 0) return null;
  return (
    <div className="impact-group">
      <h4>
        {title} <span>{items.length}</span>
      </h4>
      <ul>
        {items.slice(0, 12).map((line) => (
          <li key={line}>{line}</li>
        ))}
        {items.length > 12 && <li className="muted">and {items.length - 12} more</li>}
      </ul>
    </div>
  );
}

/**
 * "What changes for me": for the selected person, against the baseline, their own new manager,
 * who joins and leaves their reports (from and to whom) and their teams' changes.
 */
export function WhatChanges({ personId }: { personId: string }) {
  const on = useChanges((s) => s.on);
  const baseline = useChanges((s) => s.baseline);
  const index = useSession((s) => s.index);
  const changes = useScenarioChanges();
  if (!on) {
    return (
      <button type="button" className="btn btn-sm" onClick={() => void setShowChanges(true)}>
        What changes for me
      </button>
    );
  }
  if (!changes) return <p className="muted impact">Comparing with the baseline…</p>;
  const before = new Map((baseline?.people ?? []).map((p) => [p.id, p]));
  const nameOf = (id: string | null) =>
    id === null ? 'nobody (the top)' : getDisplayName(index?.byId.get(id) ?? before.get(id)) || id;
  const lines = impactLines(changes.diff, personId, nameOf);
  return (
    <section className="impact" aria-label="What changes for me">
      <h3>What changes, against the baseline</h3>
      {!lines ? (
        <p className="muted">Nothing changes for {nameOf(personId)} or their reports.</p>
      ) : (
        <>
          {lines.ownManager && <p>{lines.ownManager}</p>}
          <List title="Joining their reports" items={lines.joining} />
          <List title="Leaving their reports" items={lines.leaving} />
          <List title="Their teams" items={lines.teams} />
        </>
      )}
    </section>
  );
}
