import type { Finding, Level } from '@reorg/model';
import { scaleLinear } from 'd3-scale';
import { useMemo } from 'react';
import { useSession } from '../../stores/session-store';
import { useDeferredAnalysis } from '../../stores/use-analysis';
import {
  bandDomain,
  countByLevel,
  getLadderRows,
  type LadderRow,
  ladderFindingsByLevel,
} from './ladder-rows';
import './ladder.css';

type Scale = ((v: number) => number) | null;

function money(v: number, currency: string): string {
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency,
    notation: 'compact',
    maximumFractionDigits: 0,
  }).format(v);
}

function worst(findings: Finding[] | undefined): string {
  if (!findings?.length) return '';
  return findings.some((f) => f.severity === 'error')
    ? 'has-error'
    : findings.some((f) => f.severity === 'warning')
      ? 'has-warning'
      : 'has-info';
}

function LevelCard({
  level,
  count,
  max,
  scale,
  currency,
  findings,
}: {
  level: Level;
  count: number;
  max: number;
  scale: Scale;
  currency: string;
  findings?: Finding[];
}) {
  return (
    <div className={`level-card ${worst(findings)}`}>
      <div className="level-head">
        <span className="level-id">{level.id}</span>
        <span className="level-name">{level.name}</span>
        <span className="level-count" title={`${count} people at ${level.id}`}>
          {count} {count === 1 ? 'person' : 'people'}
        </span>
      </div>
      <div className="level-bar" aria-hidden="true">
        <span style={{ width: `${max > 0 ? (count / max) * 100 : 0}%` }} />
      </div>
      {level.band && scale ? (
        <div className="band">
          <div className="band-track" aria-hidden="true">
            <span
              className="band-range"
              style={{
                left: `${scale(level.band.min)}%`,
                width: `${Math.max(1, scale(level.band.max) - scale(level.band.min))}%`,
              }}
            />
          </div>
          <span className="band-text">
            {money(level.band.min, currency)} – {money(level.band.max, currency)}
          </span>
        </div>
      ) : (
        <div className="band band-none">No pay band</div>
      )}
      {findings?.map((f) => (
        <p key={f.code + f.message} className={`level-finding sev-${f.severity}`}>
          {f.message}
        </p>
      ))}
    </div>
  );
}

function Side({
  levels,
  missing,
  track,
  ...rest
}: {
  levels: Level[];
  missing: boolean;
  track: string;
  counts: Map<string, number>;
  max: number;
  scale: Scale;
  currency: string;
  byLevel: Map<string | null, Finding[]>;
}) {
  if (levels.length === 0) {
    return (
      <div className={missing ? 'level-missing' : 'level-empty'}>
        {missing ? `Missing rung on the ${track} track` : ''}
      </div>
    );
  }
  return (
    <div className="level-stack">
      {levels.map((l) => (
        <LevelCard
          key={l.id}
          level={l}
          count={rest.counts.get(l.id) ?? 0}
          max={rest.max}
          scale={rest.scale}
          currency={rest.currency}
          findings={rest.byLevel.get(l.id)}
        />
      ))}
    </div>
  );
}

function Equivalence({ row }: { row: LadderRow }) {
  if (row.lateral) {
    return (
      <div className="equiv is-lateral" title="Same rank: moving between these levels is lateral">
        <span>=</span>
      </div>
    );
  }
  return <div className="equiv" />;
}

/**
 * The career ladder: the IC and manager tracks side by side by rank, "=" where a move is lateral,
 * pay bands on one shared scale, how many people sit at each level, and the ladder's findings
 * (missing rungs, diagonal moves, band gaps and inversions) on the levels they concern.
 */
export function LadderView() {
  const org = useSession((s) => s.org);
  const index = useSession((s) => s.index);
  const analysis = useDeferredAnalysis();
  const ladder = org?.ladder;
  const rows = useMemo(() => (ladder ? getLadderRows(ladder) : []), [ladder]);
  const { counts, unknown } = useMemo(
    () =>
      ladder && index ? countByLevel(index.byId.values(), ladder) : { counts: new Map(), unknown: new Map() },
    [ladder, index],
  );
  const byLevel = useMemo(() => ladderFindingsByLevel(analysis?.findings ?? []), [analysis]);
  const domain = ladder ? bandDomain(ladder) : null;
  const scale: Scale = domain ? scaleLinear().domain(domain).range([0, 100]) : null;
  const max = Math.max(0, ...counts.values());
  if (!ladder || !org) return null;
  const general = byLevel.get(null) ?? [];
  const unknownTotal = [...unknown.values()].reduce((a, b) => a + b, 0);
  const shared = { counts, max, scale, currency: org.currency, byLevel };
  return (
    <div className="ladder-view" data-export-root>
      <div className="ladder-head">
        <div>
          <h2>{ladder.name}</h2>
          <p className="muted">
            Same rank = same level on both tracks. Pay bands share one scale
            {domain ? ` (${money(domain[0], org.currency)} – ${money(domain[1], org.currency)})` : ''}.
          </p>
        </div>
      </div>
      {general.length > 0 && (
        <ul className="ladder-general">
          {general.map((f) => (
            <li key={f.code + f.message} className={`sev-${f.severity}`}>
              <strong>{f.message}</strong> {f.fix}
            </li>
          ))}
        </ul>
      )}
      <table className="ladder-grid">
        <caption className="sr-only">
          Career ladder by rank: individual contributor and manager tracks
        </caption>
        <colgroup>
          <col style={{ width: 52 }} />
          <col />
          <col style={{ width: 48 }} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Rank</th>
            <th scope="col">Individual contributor</th>
            <th scope="col">
              <span className="sr-only">Equivalence</span>
            </th>
            <th scope="col">Manager</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.rank}>
              <th scope="row" className="rank">
                {row.rank}
              </th>
              <td>
                <Side levels={row.ic} missing={row.icMissing} track="IC" {...shared} />
              </td>
              <td>
                <Equivalence row={row} />
              </td>
              <td>
                <Side levels={row.manager} missing={row.managerMissing} track="manager" {...shared} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {unknownTotal > 0 && (
        <p className="ladder-unknown">
          {unknownTotal} {unknownTotal === 1 ? 'person has a level' : 'people have levels'} not on this
          ladder: {[...unknown].map(([id, n]) => `${id} (${n})`).join(', ')}.
        </p>
      )}
    </div>
  );
}
