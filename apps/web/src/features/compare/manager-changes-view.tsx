import type { ManagerChange } from '@reorg/model';
import { useMemo, useState } from 'react';
import { IconDownload } from '../../components/icons';
import { managerChangesToCsv } from './compare-csv';
import { downloadCsv } from './download';
import {
  leftOutText,
  listManagerChanges,
  type ManagerChangeList,
  moreText,
  peopleCount,
} from './manager-changes';

/** One compared scenario's manager changes. */
export interface ScenarioManagerChanges {
  id: string;
  name: string;
  /** The scenario diff's `people.managerChanged`. */
  changes: readonly ManagerChange[];
}

function Groups({ list }: { list: ManagerChangeList }) {
  const leftOut = leftOutText(list);
  return (
    <>
      <ul className="mc-groups">
        {list.groups.map((g) => (
          <li key={g.managerId ?? ''} className="mc-group">
            <div className="mc-group-head">
              <span aria-hidden="true">→ </span>
              <span className="sr-only">Now reporting to </span>
              <strong>{g.manager}</strong>
              <span className="muted"> · {peopleCount(g.total)}</span>
            </div>
            <ul className="mc-people">
              {g.people.map((p) => (
                <li key={p.id} title={`${p.name} from ${p.from}`}>
                  <span className="mc-person">{p.name}</span>
                  <span className="muted"> from {p.from}</span>
                </li>
              ))}
              {g.more > 0 && <li className="muted mc-more">{moreText(g.more)}</li>}
            </ul>
          </li>
        ))}
      </ul>
      {leftOut && <p className="muted mc-left-out">{leftOut}</p>}
    </>
  );
}

/** A scenario's disclosure: the count in the summary; the grouped list is built on first open. */
function ScenarioChanges({
  scenario,
  color,
  orgId,
}: {
  scenario: ScenarioManagerChanges;
  color: string | undefined;
  orgId: string;
}) {
  const [open, setOpen] = useState(false);
  const { changes } = scenario;
  const list = useMemo(() => (open ? listManagerChanges(changes) : null), [open, changes]);
  const title = (
    <>
      <span className="swatch" style={{ background: color }} aria-hidden="true" />
      <span className="mc-name">{scenario.name}</span>
    </>
  );
  if (changes.length === 0) {
    return (
      <div className="mc-scenario mc-empty">
        {title}
        <span className="muted"> · no one changes manager</span>
      </div>
    );
  }
  return (
    <details className="mc-scenario" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {title}
        <span className="muted">
          {' · '}
          {peopleCount(changes.length)} {changes.length === 1 ? 'changes' : 'change'} manager
        </span>
      </summary>
      <div className="mc-body">
        {list && <Groups list={list} />}
        <button
          type="button"
          className="link-btn"
          onClick={() =>
            downloadCsv(`${orgId}-${scenario.id}-manager-changes.csv`, managerChangesToCsv(changes))
          }
        >
          <IconDownload /> Full list as CSV
        </button>
      </div>
    </details>
  );
}

/**
 * Who changes manager in each compared scenario, under the metrics table: one disclosure per
 * scenario, people grouped by their new manager, long lists cut (see {@link listManagerChanges}).
 */
export function ManagerChanges({
  scenarios,
  colors,
  orgId,
}: {
  scenarios: readonly ScenarioManagerChanges[];
  /** Color of each scenario (as its column). */
  colors: Map<string, string>;
  orgId: string;
}) {
  return (
    <section className="mc" aria-labelledby="mc-title">
      <h3 id="mc-title">People changing manager</h3>
      {scenarios.map((s) => (
        <ScenarioChanges key={s.id} scenario={s} color={colors.get(s.id)} orgId={orgId} />
      ))}
    </section>
  );
}
