import { buildSpatialGridData, buildSpatialGridFromRects, type SpatialGridData } from './spatial-grid';
import { CHART, type TreeLayout } from './tree-layout';

/** The spatial grids of a laid-out chart, as transferable data: cards, edges, team containers. */
export interface ChartGridsData {
  nodes: SpatialGridData;
  edges: SpatialGridData;
  containers: SpatialGridData;
}

/** Builds the grids of a layout of `count` cards: O(cards + edge points). Runs in the layout worker for big charts. */
export function buildChartGrids(layout: TreeLayout, count: number): ChartGridsData {
  const cards = new Float64Array(count * 4);
  for (let i = 0; i < count; i++) {
    cards[4 * i] = layout.x[i];
    cards[4 * i + 1] = layout.y[i];
    cards[4 * i + 2] = CHART.cardWidth;
    cards[4 * i + 3] = CHART.cardHeight;
  }
  return {
    nodes: buildSpatialGridFromRects(cards),
    edges: buildSpatialGridFromRects(edgeBoxes(layout, count)),
    containers: buildSpatialGridData(layout.containers.length, (k) => layout.containers[k]),
  };
}

/** The typed arrays of grids, to transfer from a worker. */
export function gridBuffers(grids: ChartGridsData): ArrayBuffer[] {
  return [grids.nodes, grids.edges, grids.containers].flatMap((g) => [
    g.cellStart.buffer as ArrayBuffer,
    g.cellItems.buffer as ArrayBuffer,
    g.rects.buffer as ArrayBuffer,
  ]);
}

/** Bounding boxes of the cards' edge polylines (`x, y, width, height` each; width -1: a root, no edge). */
function edgeBoxes(layout: TreeLayout, count: number): Float64Array {
  const out = new Float64Array(count * 4);
  for (let i = 0; i < count; i++) {
    const a = layout.edgeOffsets[i];
    const b = layout.edgeOffsets[i + 1];
    if (a === b) {
      out[4 * i + 2] = -1;
      out[4 * i + 3] = -1;
      continue;
    }
    let x0 = Number.POSITIVE_INFINITY;
    let y0 = Number.POSITIVE_INFINITY;
    let x1 = Number.NEGATIVE_INFINITY;
    let y1 = Number.NEGATIVE_INFINITY;
    for (let k = a; k < b; k += 2) {
      const x = layout.edgePoints[k];
      const y = layout.edgePoints[k + 1];
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
    }
    out[4 * i] = x0;
    out[4 * i + 1] = y0;
    out[4 * i + 2] = x1 - x0;
    out[4 * i + 3] = y1 - y0;
  }
  return out;
}
