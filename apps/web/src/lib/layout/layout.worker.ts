/// <reference lib="webworker" />
import { buildChartGrids, type ChartGridsData, gridBuffers } from './chart-grids';
import { computeTreeLayout, type LayoutInput, type TreeLayout } from './tree-layout';

/** A laid-out chart from the worker: the layout, its spatial grids, and the time spent (ms). */
export interface LayoutReply {
  seq: number;
  layout: TreeLayout;
  grids: ChartGridsData;
  ms: number;
}

/** A message to the layout worker. */
export type LayoutRequest = { kind: 'layout'; seq: number; tree: LayoutInput };

/** Lays out big visible trees off the main thread, grids included; the typed arrays travel back without a copy. */
self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { seq, tree } = event.data;
  const started = performance.now();
  const layout = computeTreeLayout(tree);
  const grids = buildChartGrids(layout, tree.parent.length);
  const reply: LayoutReply = { seq, layout, grids, ms: performance.now() - started };
  const transfer = [layout.x.buffer, layout.y.buffer, layout.edgeOffsets.buffer, layout.edgePoints.buffer];
  (self as unknown as Worker).postMessage(reply, [...(transfer as ArrayBuffer[]), ...gridBuffers(grids)]);
};
