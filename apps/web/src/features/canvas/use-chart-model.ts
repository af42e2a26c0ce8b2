import { useEffect, useMemo, useRef, useState } from 'react';
import { createSpatialGrid, type SpatialGrid } from '../../lib/layout/spatial-grid';
import { CHART, computeTreeLayout, type TreeLayout } from '../../lib/layout/tree-layout';
import type { VisibleTree } from '../../lib/layout/visible-tree';
import { useVisibleTree } from '../../stores/use-visible-tree';

/** Visible trees up to this many people are laid out on the main thread (about 50 ms for 10k); bigger ones in a worker. */
export const INLINE_LAYOUT_LIMIT = 15_000;

/** The laid-out chart and its spatial indexes. */
export interface ChartModel {
  tree: VisibleTree;
  layout: TreeLayout;
  positionOf: Map<string, number>;
  nodeGrid: SpatialGrid;
  edgeGrid: SpatialGrid;
  containerGrid: SpatialGrid;
  /** Milliseconds spent laying out (collect + layout + grids). */
  ms: number;
}

function indexLayout(tree: VisibleTree, layout: TreeLayout, ms: number): ChartModel {
  const W = CHART.cardWidth;
  const H = CHART.cardHeight;
  const n = tree.ids.length;
  const nodeGrid = createSpatialGrid(n, (i) => ({ x: layout.x[i], y: layout.y[i], width: W, height: H }));
  const edgeGrid = createSpatialGrid(n, (i) => edgeBox(layout, i));
  const containerGrid = createSpatialGrid(layout.containers.length, (k) => layout.containers[k]);
  const positionOf = new Map<string, number>();
  for (let i = 0; i < n; i++) positionOf.set(tree.ids[i], i);
  return { tree, layout, positionOf, nodeGrid, edgeGrid, containerGrid, ms };
}

function edgeBox(layout: TreeLayout, i: number) {
  const a = layout.edgeOffsets[i];
  const b = layout.edgeOffsets[i + 1];
  if (a === b) return { x: 0, y: 0, width: -1, height: -1 };
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
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

let layoutWorker: Worker | null = null;
let workerSeq = 0;

function layoutInWorker(tree: VisibleTree): Promise<TreeLayout> {
  layoutWorker ??= new Worker(new URL('../../lib/layout/layout.worker.ts', import.meta.url), {
    type: 'module',
  });
  const seq = ++workerSeq;
  const worker = layoutWorker;
  return new Promise((resolve) => {
    const onMessage = (e: MessageEvent<{ seq: number; layout: TreeLayout }>) => {
      if (e.data.seq !== seq) return;
      worker.removeEventListener('message', onMessage);
      resolve(e.data.layout);
    };
    worker.addEventListener('message', onMessage);
    worker.postMessage({ seq, tree });
  });
}

/**
 * The chart of the open scenario: the visible tree (collapse state, or the "find me" focus),
 * its layout (inline, or in a worker for big trees) and spatial indexes for culling. Recomputed
 * when the org, the expansion or the focus changes; a worker layout keeps showing the last one
 * until the new one arrives.
 */
export function useChartModel(): ChartModel | null {
  const tree = useVisibleTree();
  const [asyncModel, setAsyncModel] = useState<ChartModel | null>(null);
  const latest = useRef(0);

  const inlineModel = useMemo(() => {
    if (!tree || tree.t.ids.length > INLINE_LAYOUT_LIMIT) return null;
    const layout = computeTreeLayout(tree.t);
    performance.mark('reorg:layout');
    return indexLayout(tree.t, layout, performance.now() - tree.started);
  }, [tree]);

  useEffect(() => {
    if (!tree || tree.t.ids.length <= INLINE_LAYOUT_LIMIT) return;
    const seq = ++latest.current;
    void layoutInWorker(tree.t).then((layout) => {
      if (seq !== latest.current) return;
      performance.mark('reorg:layout');
      setAsyncModel(indexLayout(tree.t, layout, performance.now() - tree.started));
    });
  }, [tree]);

  return inlineModel ?? asyncModel;
}
