import { ViewportPortal } from '@xyflow/react';
import { memo, useMemo } from 'react';
import type { Rect } from '../../lib/layout/spatial-grid';
import { CHART } from '../../lib/layout/tree-layout';
import type { OrgIndex } from '../../lib/org/org-index';
import type { ChartModel } from './use-chart-model';

/** SVG path data of the reporting lines of nodes `items`. */
export function edgePath(model: ChartModel, items: Iterable<number>): string {
  const { edgeOffsets, edgePoints } = model.layout;
  const parts: string[] = [];
  for (const i of items) {
    const a = edgeOffsets[i];
    const b = edgeOffsets[i + 1];
    if (a === b) continue;
    let d = `M${edgePoints[a]} ${edgePoints[a + 1]}`;
    for (let k = a + 2; k < b; k += 2) d += `L${edgePoints[k]} ${edgePoints[k + 1]}`;
    parts.push(d);
  }
  return parts.join('');
}

/** Dashed curves for dotted-line managers, between people both on the chart. */
export function dottedPath(model: ChartModel, index: OrgIndex, items: Iterable<number>): string {
  const W = CHART.cardWidth;
  const H = CHART.cardHeight;
  const { x, y } = model.layout;
  let d = '';
  for (const i of items) {
    const person = index.byId.get(model.tree.ids[i]);
    if (!person || person.dottedManagerIds.length === 0) continue;
    for (const m of person.dottedManagerIds) {
      const j = model.positionOf.get(m);
      if (j === undefined) continue;
      const x1 = x[j] + W;
      const y1 = y[j] + H / 2;
      const x2 = x[i] + W;
      const y2 = y[i] + H / 2;
      const bulge = Math.max(40, Math.abs(y2 - y1) * 0.25);
      d += `M${x1} ${y1}C${x1 + bulge} ${y1} ${x2 + bulge} ${y2} ${x2} ${y2}`;
    }
  }
  return d;
}

/**
 * The reporting lines in view, as one SVG path (plus the selected person's line to their manager
 * highlighted, and dotted lines dashed), drawn in the viewport above team containers. Stroke and
 * width are attributes, not CSS, so image exports keep them.
 */
function EdgeLayerView({
  model,
  rect,
  index,
  selected,
}: {
  model: ChartModel;
  rect: Rect | null;
  index: OrgIndex;
  selected: string | null;
}) {
  const items = useMemo(
    () => (rect ? model.edgeGrid.query(rect) : Array.from(model.tree.ids, (_, i) => i)),
    [model, rect],
  );
  const d = useMemo(() => edgePath(model, items), [model, items]);
  const dotted = useMemo(() => dottedPath(model, index, items), [model, index, items]);
  const sel = selected !== null ? model.positionOf.get(selected) : undefined;
  const highlight = sel !== undefined ? edgePath(model, [sel]) : '';
  return (
    <ViewportPortal>
      <svg
        className="edge-layer"
        width={1}
        height={1}
        style={{ position: 'absolute', left: 0, top: 0, overflow: 'visible', pointerEvents: 'none' }}
        aria-hidden="true"
      >
        <path d={d} fill="none" stroke="#a9b2c1" strokeWidth={1.5} strokeLinejoin="round" />
        {dotted && <path d={dotted} fill="none" stroke="#7d8798" strokeWidth={1.5} strokeDasharray="5 4" />}
        {highlight && (
          <path d={highlight} fill="none" stroke="#2f55d4" strokeWidth={2.5} strokeLinejoin="round" />
        )}
      </svg>
    </ViewportPortal>
  );
}

export const EdgeLayer = memo(EdgeLayerView);
