/// <reference lib="webworker" />
import { computeTreeLayout, type TreeLayout } from './tree-layout';
import type { VisibleTree } from './visible-tree';

/** Lays out big visible trees off the main thread; the typed arrays travel back without a copy. */
self.onmessage = (event: MessageEvent<{ seq: number; tree: VisibleTree }>) => {
  const { seq, tree } = event.data;
  const layout: TreeLayout = computeTreeLayout(tree);
  const transfer = [layout.x.buffer, layout.y.buffer, layout.edgeOffsets.buffer, layout.edgePoints.buffer];
  (self as unknown as Worker).postMessage({ seq, layout }, transfer as ArrayBuffer[]);
};
