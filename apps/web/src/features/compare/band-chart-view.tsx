import { useId } from 'react';
import {
  type BandSeries,
  bandAreaPath,
  type ChartFrame,
  getBandScales,
  limitPath,
  linePath,
} from './band-chart';

const FRAME: ChartFrame = { width: 540, height: 260, margin: { top: 14, right: 16, bottom: 34, left: 58 } };

/** Quarter labels when there are many: every other one (always the first and last). */
function showQuarter(k: number, n: number): boolean {
  return n <= 10 || k % 2 === 0 || k === n - 1;
}

/**
 * Bands over quarters in SVG: for each series a translucent p10–p90 band and its p50 line with a
 * dot per quarter (its title gives the three numbers), a y axis with nice ticks and a quarter axis.
 */
export function BandChartView({
  title,
  unit,
  series,
  format,
  limitLabel,
}: {
  title: string;
  /** What a series' dashed limit line is, e.g. "budget" (default "limit"). */
  limitLabel?: string;
  /** What the y axis measures, e.g. "people in post". */
  unit: string;
  series: BandSeries[];
  format: (n: number) => string;
}) {
  const clip = useId();
  const { x, y } = getBandScales(series, FRAME);
  const { width, height, margin } = FRAME;
  const quarters = x.domain();
  const ticks = y.ticks(5);
  const label = `${title}: ${series
    .map((s) => {
      const last = s.points.at(-1);
      return last
        ? `${s.label}, ${last.quarter} p50 ${format(last.p50)} (p10 ${format(last.p10)}, p90 ${format(last.p90)})`
        : s.label;
    })
    .join('; ')}`;
  return (
    <figure className="band-chart" data-chart={title}>
      <figcaption>
        <span className="band-chart-title">{title}</span>
        <span className="muted">
          {unit} · band p10–p90, line p50
          {series.some((s) => s.limit?.length) ? ` · dashed: ${limitLabel ?? 'limit'}` : ''}
        </span>
      </figcaption>
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
        <defs>
          <clipPath id={clip}>
            <rect
              x={margin.left}
              y={margin.top}
              width={width - margin.left - margin.right}
              height={height - margin.top - margin.bottom}
            />
          </clipPath>
        </defs>
        <g className="band-grid">
          {ticks.map((t) => (
            <g key={t} transform={`translate(0,${y(t)})`}>
              <line x1={margin.left} x2={width - margin.right} />
              <text x={margin.left - 8} dy="0.32em" textAnchor="end">
                {format(t)}
              </text>
            </g>
          ))}
        </g>
        <g className="band-x-axis" transform={`translate(0,${height - margin.bottom})`}>
          <line x1={margin.left} x2={width - margin.right} />
          {quarters.map((q, k) =>
            showQuarter(k, quarters.length) ? (
              <g key={q} transform={`translate(${x(q)},0)`}>
                <line y2={5} />
                <text y={18} textAnchor="middle">
                  {q.replace('-', ' ')}
                </text>
              </g>
            ) : null,
          )}
        </g>
        <g clipPath={`url(#${clip})`}>
          {series.map((s) => (
            <path
              key={`band-${s.id}`}
              className="band-area"
              d={bandAreaPath(s.points, x, y)}
              fill={s.color}
            />
          ))}
          {series.map((s) => (
            <path key={`line-${s.id}`} className="band-line" d={linePath(s.points, x, y)} stroke={s.color} />
          ))}
          {series.map((s) =>
            s.limit?.length ? (
              <path
                key={`limit-${s.id}`}
                className="band-limit"
                data-limit={limitLabel ?? 'limit'}
                d={limitPath(s.limit, x, y)}
                stroke={s.color}
              >
                <title>{`${s.label}: ${limitLabel ?? 'limit'} ${format(s.limit.at(-1)!.value)}`}</title>
              </path>
            ) : null,
          )}
        </g>
        {series.map((s, k) => {
          const last = s.limit?.at(-1);
          // Plans with the same limit share one label.
          const shared = series.slice(0, k).some((o) => o.limit?.at(-1)?.value === last?.value);
          return last && !shared && x(last.quarter) !== undefined ? (
            <text
              key={`limit-label-${s.id}`}
              className="band-limit-label"
              x={width - margin.right - 2}
              y={y(last.value) - 4}
              textAnchor="end"
              fill={s.color}
            >
              {limitLabel ?? 'limit'} {format(last.value)}
            </text>
          ) : null;
        })}
        {series.map((s) => (
          <g key={`dots-${s.id}`} fill={s.color}>
            {s.points.map((p) => (
              <circle key={p.quarter} className="band-dot" cx={x(p.quarter)} cy={y(p.p50)} r={3}>
                <title>{`${s.label}, ${p.quarter}: p50 ${format(p.p50)} (p10 ${format(p.p10)} – p90 ${format(p.p90)})`}</title>
              </circle>
            ))}
          </g>
        ))}
      </svg>
    </figure>
  );
}
