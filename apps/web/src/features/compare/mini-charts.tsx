import type { LayerCount } from '../../lib/api/client';

const bucketLabel = (b: string) => b.replace('-', '–');

/**
 * Managers by direct reports as six small columns (1, 2–3, 4–5, 6–8, 9–12, 13+), scaled to
 * `max` so that columns of the table compare at a glance.
 */
export function SpanBars({
  buckets,
  counts,
  max,
}: {
  buckets: readonly string[];
  counts: number[];
  max: number;
}) {
  const label = buckets.map((b, k) => `${counts[k] ?? 0} with ${bucketLabel(b)}`).join(', ');
  return (
    <div className="span-bars" role="img" aria-label={`Managers by direct reports: ${label}`}>
      {buckets.map((b, k) => {
        const n = counts[k] ?? 0;
        return (
          <div
            key={b}
            className="span-bar"
            title={`${n} ${n === 1 ? 'manager' : 'managers'} with ${bucketLabel(b)} direct reports`}
          >
            <span className="span-bar-count">{n}</span>
            <span className="span-bar-track">
              <span
                className="span-bar-fill"
                data-bucket={b}
                style={{ height: `${max > 0 ? (n / max) * 100 : 0}%` }}
              />
            </span>
            <span className="span-bar-label">{bucketLabel(b)}</span>
          </div>
        );
      })}
    </div>
  );
}

/**
 * The layers pyramid: one centred bar per layer of the reporting tree, top first, its width the
 * layer's people over `max`; the darker part is the managers in that layer.
 */
export function LayerPyramid({ layers, max, rows }: { layers: LayerCount[]; max: number; rows: number }) {
  const label = layers.map((l) => `layer ${l.layer}: ${l.people} (${l.managers} managers)`).join(', ');
  return (
    <div className="pyramid" role="img" aria-label={`People per layer: ${label}`}>
      {Array.from({ length: rows }, (_, k) => k + 1).map((n) => {
        const l = layers[n - 1];
        const width = l && max > 0 ? Math.max(2, (l.people / max) * 100) : 0;
        const managers = l && l.people > 0 ? (l.managers / l.people) * 100 : 0;
        return (
          <div
            key={n}
            className="pyramid-row"
            title={l ? `Layer ${l.layer}: ${l.people} people, ${l.managers} managers` : undefined}
          >
            <span className="pyramid-layer">L{n}</span>
            <span className="pyramid-track">
              {l && (
                <span className="pyramid-bar" style={{ width: `${width}%` }}>
                  <span className="pyramid-managers" style={{ width: `${managers}%` }} />
                </span>
              )}
            </span>
            <span className="pyramid-count">{l ? l.people : ''}</span>
          </div>
        );
      })}
    </div>
  );
}
