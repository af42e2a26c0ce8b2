import { useEffect, useMemo, useRef, useState } from 'react';
import { createSpatialGrid, type SpatialGrid } from '../../lib/layout/spatial-grid';
import { CHART, computeTreeLayout, type TreeLayout } from '../../lib/layout/tree-layout';
import {
  collectVisibleTree,
  isExpandedIn,
  pickDefaultDepth,
  type TreeSource,
  type VisibleTree,
} from '../../lib/layout/visible-tree';
import { createFocusSource } from '../../lib/org/focus';
import { getLayers, getReports, type OrgIndex } from '../../lib/org/org-index';
import { useSession } from '../../stores/session-store';
import { resetExpansion, useView } from '../../stores/view-store';

/** Visible trees up to this many people are laid out on the main thread (a few ms). */
export const INLINE_LAYOUT_LIMIT = 4000;

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

/** The team a manager leads (the first team naming them as manager). */
function teamLedByOf(index: OrgIndex): (id: string) => string | null {
  const led = new Map<string, string>();
  for (const t of index.teamsById.values())
    if (t.kind === 'team' && t.managerId && !led.has(t.managerId)) led.set(t.managerId, t.id);
  return (id) => led.get(id) ?? null;
}

function createSource(index: OrgIndex, depth: number, overrides: ReadonlyMap<string, boolean>): TreeSource {
  const state = { defaultDepth: depth, overrides };
  return {
    roots: index.roots,
    reports: (id) => getReports(index, id),
    isExpanded: (id, d) => isExpandedIn(state, id, d),
    teamLedBy: teamLedByOf(index),
  };
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
  const index = useSession((s) => s.index);
  const version = index?.version;
  const defaultDepth = useView((s) => s.defaultDepth);
  const overrides = useView((s) => s.overrides);
  const focusId = useView((s) => s.focusId);
  const [asyncModel, setAsyncModel] = useState<ChartModel | null>(null);
  const latest = useRef(0);

  useEffect(() => {
    if (index && defaultDepth === null) {
      const sizes: number[] = [];
      for (const layer of getLayers(index).values()) sizes[layer - 1] = (sizes[layer - 1] ?? 0) + 1;
      resetExpansion(pickDefaultDepth(Array.from(sizes, (s) => s ?? 0)));
    }
  }, [index, defaultDepth]);

  const tree = useMemo(() => {
    if (!index || defaultDepth === null || version === undefined) return null;
    const started = performance.now();
    const focus = focusId ? createFocusSource(index, focusId, teamLedByOf(index)) : null;
    const t = collectVisibleTree(focus ?? createSource(index, defaultDepth, overrides));
    return { t, started };
  }, [index, version, defaultDepth, overrides, focusId]);

  const inlineModel = useMemo(() => {
    if (!tree || tree.t.ids.length > INLINE_LAYOUT_LIMIT) return null;
    const layout = computeTreeLayout(tree.t);
    return indexLayout(tree.t, layout, performance.now() - tree.started);
  }, [tree]);

  useEffect(() => {
    if (!tree || tree.t.ids.length <= INLINE_LAYOUT_LIMIT) return;
    const seq = ++latest.current;
    void layoutInWorker(tree.t).then((layout) => {
      if (seq === latest.current)
        setAsyncModel(indexLayout(tree.t, layout, performance.now() - tree.started));
    });
  }, [tree]);

  return inlineModel ?? asyncModel;
}
