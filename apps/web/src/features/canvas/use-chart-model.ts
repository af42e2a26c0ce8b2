import { useEffect, useMemo, useRef, useState } from 'react';
import { buildChartGrids, type ChartGridsData } from '../../lib/layout/chart-grids';
import { INLINE_LAYOUT_LIMIT, layoutInWorker } from '../../lib/layout/layout-client';
import { type SpatialGrid, wrapSpatialGrid } from '../../lib/layout/spatial-grid';
import { computeTreeLayout, type TreeLayout } from '../../lib/layout/tree-layout';
import type { VisibleTree } from '../../lib/layout/visible-tree';
import { useVisibleTree } from '../../stores/use-visible-tree';

/** The laid-out chart and its spatial indexes. */
export interface ChartModel {
  tree: VisibleTree;
  layout: TreeLayout;
  /** Position of each visible person in the tree (built on first read). */
  readonly positionOf: Map<string, number>;
  nodeGrid: SpatialGrid;
  edgeGrid: SpatialGrid;
  containerGrid: SpatialGrid;
  /** Milliseconds spent laying out (collect + layout + grids). */
  ms: number;
}

function indexLayout(tree: VisibleTree, layout: TreeLayout, grids: ChartGridsData, ms: number): ChartModel {
  let positions: Map<string, number> | null = null;
  return {
    tree,
    layout,
    // Built on first use (a drag, a reveal): 100k Map entries are not worth the first frame.
    get positionOf() {
      if (!positions) {
        positions = new Map();
        for (let i = 0; i < tree.ids.length; i++) positions.set(tree.ids[i], i);
      }
      return positions;
    },
    nodeGrid: wrapSpatialGrid(grids.nodes),
    edgeGrid: wrapSpatialGrid(grids.edges),
    containerGrid: wrapSpatialGrid(grids.containers),
    ms,
  };
}

/**
 * The chart of the open scenario: the visible tree (collapse state, or the "find me" focus),
 * its layout (inline, or in a worker for big trees) and spatial indexes for culling. Recomputed
 * when the org, the expansion or the focus changes; a worker layout keeps showing the last one
 * until the new one arrives.
 */
export function useChartModel(): ChartModel | null {
  const tree = useVisibleTree();
  const [lastModel, setLastModel] = useState<ChartModel | null>(null);
  const latest = useRef(0);
  // The first chart of an org is laid out here whatever its size: nothing is on screen to keep
  // responsive yet, and posting 100k cards to a worker and back costs more than it saves.
  const inline = tree !== null && (tree.t.ids.length <= INLINE_LAYOUT_LIMIT || lastModel === null);

  const inlineModel = useMemo(() => {
    if (!tree || !inline) return null;
    const layout = computeTreeLayout(tree.t);
    const grids = buildChartGrids(layout, tree.t.ids.length);
    performance.mark('reorg:layout');
    return indexLayout(tree.t, layout, grids, performance.now() - tree.started);
  }, [tree, inline]);

  useEffect(() => {
    const seq = ++latest.current;
    if (inlineModel) {
      setLastModel(inlineModel); // shown until a worker layout replaces it
      return;
    }
    if (!tree) return;
    void layoutInWorker(tree.t).then(({ layout, grids }) => {
      if (seq !== latest.current) return;
      performance.mark('reorg:layout');
      setLastModel(indexLayout(tree.t, layout, grids, performance.now() - tree.started));
    });
  }, [tree, inlineModel]);

  return inlineModel ?? lastModel;
}
