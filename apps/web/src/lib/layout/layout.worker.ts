/// <reference lib="webworker" />
import { buildChartGrids, type ChartGridsData, gridBuffers } from './chart-grids';
import { computeTreeLayout, type LayoutInput, type TreeLayout } from './tree-layout';

/** A laid-out chart from the worker: the layout and its spatial grids. */
export interface LayoutReply {
  seq: number;
  layout: TreeLayout;
  grids: ChartGridsData;
}

/** A message to the layout worker. */
export type LayoutRequest = { seq: number; tree: LayoutInput };

/** Lays out big visible trees off the main thread, grids included; the typed arrays travel back without a copy. */
self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { seq, tree } = event.data;
  const layout = computeTreeLayout(tree);
  const grids = buildChartGrids(layout, tree.parent.length);
  const reply: LayoutReply = { seq, layout, grids };
  const transfer = [layout.x.buffer, layout.y.buffer, layout.edgeOffsets.buffer, layout.edgePoints.buffer];
  (self as unknown as Worker).postMessage(reply, [...(transfer as ArrayBuffer[]), ...gridBuffers(grids)]);
};
