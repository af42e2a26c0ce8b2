import type { VisibleTree } from './visible-tree';

/** Sizes of the org chart, in canvas pixels. */
export const CHART = {
  cardWidth: 240,
  cardHeight: 76,
  /** Between sibling subtrees in a row. */
  hGap: 24,
  /** From a manager's card to the row of their reports. */
  vGap: 56,
  /** Between stacked ICs. */
  stackGap: 10,
  /** Indent of a stack of ICs (its rail runs in the middle of it). */
  stackIndent: 28,
  /** Between two columns of a stack (a rail runs in the middle). */
  colGap: 28,
  /** From a manager's card to the first IC of their stack. */
  stackTop: 22,
  /** Most ICs in one column of a stack. */
  maxStack: 8,
  /** Most blocks in one row before the reports wrap into rows. */
  maxRow: 6,
  /** Widest row (canvas px) before the reports wrap into rows (a single wider block keeps its own row). */
  maxRowWidth: 4000,
  /** Team container padding and header height. */
  teamPad: 12,
  teamHeader: 30,
  /** Between roots of a forest. */
  rootGap: 64,
} as const;

/**
 * A laid-out chart: for each node of the {@link VisibleTree} (same positions), the top-left
 * corner of its card; for each non-root node, the polyline from its manager's card (flat
 * `x0,y0,x1,y1,…`); and the team containers. Plain arrays, posted as they are from a worker.
 */
export interface TreeLayout {
  x: Float64Array;
  y: Float64Array;
  /** Edge polylines: points of node `i` are `edgePoints[edgeOffsets[i] .. edgeOffsets[i+1])`. */
  edgeOffsets: Int32Array;
  edgePoints: Float64Array;
  containers: { teamId: string; managerIndex: number; x: number; y: number; width: number; height: number }[];
  width: number;
  height: number;
}

/** What the layout reads of a {@link VisibleTree} (no ids: posting 100k strings to a worker costs more than the arrays). */
export type LayoutInput = Pick<VisibleTree, 'parent' | 'childOffsets' | 'childList' | 'isLeaf' | 'container'>;

/**
 * Lays out a visible tree in O(visible): a compact tree where the ICs of a manager stack under
 * them in columns of at most {@link CHART.maxStack}, and a manager with more than
 * {@link CHART.maxRow} blocks below wraps them into rows hanging from a spine on the left. A
 * manager of one row is centred over the first and last of its reports. Iterative (no recursion),
 * so a 10,000-layer chain lays out as well as a bushy org.
 */
export function computeTreeLayout(tree: LayoutInput): TreeLayout {
  const n = tree.parent.length;
  const C = CHART;
  const blockW = new Float64Array(n);
  const blockH = new Float64Array(n);
  const cardX = new Float64Array(n);
  const cardY = new Float64Array(n);
  const relX = new Float64Array(n); // block (or leaf card) position inside the manager's block
  const relY = new Float64Array(n);
  const fromX = new Float64Array(n); // where the edge leaves the manager's block (relative)
  const busY = new Float64Array(n);
  const railX = new Float64Array(n).fill(Number.NaN); // stacked leaf: its rail; NaN: a subtree
  const entryY = new Float64Array(n); // where the edge enters the child (relative to its block)

  for (let i = n - 1; i >= 0; i--) {
    const start = tree.childOffsets[i];
    const end = tree.childOffsets[i + 1];
    if (start === end) {
      const pad = tree.container[i] !== null ? C.teamPad : 0;
      const head = tree.container[i] !== null ? C.teamHeader : 0;
      cardX[i] = pad;
      cardY[i] = head;
      blockW[i] = C.cardWidth + 2 * pad;
      blockH[i] = head + C.cardHeight + pad;
      continue;
    }
    const kids = tree.childList.subarray(start, end);
    const leaves: number[] = [];
    const others: number[] = [];
    for (const k of kids) (tree.isLeaf[k] ? leaves : others).push(k);
    if (others.length === 0) layoutStackBlock(i, leaves, tree.container[i] !== null);
    else layoutRowsBlock(i, leaves, others);
  }

  function placeStack(leaves: number[], originX: number, originY: number): { w: number; h: number } {
    const cols = Math.ceil(leaves.length / C.maxStack);
    const per = Math.ceil(leaves.length / cols);
    leaves.forEach((leaf, j) => {
      const col = Math.floor(j / per);
      relX[leaf] = originX + C.stackIndent + col * (C.cardWidth + C.colGap);
      relY[leaf] = originY + (j % per) * (C.cardHeight + C.stackGap);
      railX[leaf] = relX[leaf] - C.stackIndent / 2;
      entryY[leaf] = C.cardHeight / 2;
    });
    return {
      w: C.stackIndent + cols * C.cardWidth + (cols - 1) * C.colGap,
      h: per * C.cardHeight + (per - 1) * C.stackGap,
    };
  }

  function layoutStackBlock(i: number, leaves: number[], container: boolean): void {
    const pad = container ? C.teamPad : 0;
    const head = container ? C.teamHeader : 0;
    cardX[i] = pad;
    cardY[i] = head;
    const top = head + C.cardHeight + C.stackTop;
    const stack = placeStack(leaves, pad, top);
    for (const leaf of leaves) {
      fromX[leaf] = pad + C.stackIndent / 2;
      busY[leaf] = head + C.cardHeight + C.stackTop / 2;
    }
    blockW[i] = Math.max(C.cardWidth, stack.w) + 2 * pad;
    blockH[i] = top + stack.h + pad;
  }

  function layoutRowsBlock(i: number, leaves: number[], others: number[]): void {
    // Items: the stack of ICs (if any) first, then each report's block.
    const items: { w: number; h: number; anchor: number; members: number[]; stack: boolean }[] = [];
    if (leaves.length > 0) {
      const stack = placeStack(leaves, 0, 0);
      items.push({ ...stack, anchor: C.stackIndent / 2, members: leaves, stack: true });
    }
    for (const k of others) {
      const anchor = cardX[k] + C.cardWidth / 2;
      entryY[k] = tree.container[k] !== null ? 0 : cardY[k];
      items.push({ w: blockW[k], h: blockH[k], anchor, members: [k], stack: false });
    }
    const rows = splitRows(items);
    const rowTop0 = C.cardHeight + C.vGap;
    if (rows.length === 1) {
      let x = 0;
      const xs = items.map((it) => {
        const at = x;
        x += it.w + C.hGap;
        return at;
      });
      const rowW = x - C.hGap;
      const center = (xs[0] + items[0].anchor + xs[xs.length - 1] + items[items.length - 1].anchor) / 2;
      let cx = center - C.cardWidth / 2;
      const shift = cx < 0 ? -cx : 0;
      cx += shift;
      cardX[i] = cx;
      cardY[i] = 0;
      items.forEach((it, k) => {
        placeItem(it, xs[k] + shift, rowTop0, cx + C.cardWidth / 2, rowTop0 - C.vGap / 2);
      });
      blockW[i] = Math.max(rowW + shift, cx + C.cardWidth);
      blockH[i] = rowTop0 + Math.max(...items.map((it) => it.h));
      return;
    }
    cardX[i] = 0;
    cardY[i] = 0;
    const spineX = C.stackIndent / 2;
    let top = rowTop0;
    let width: number = C.cardWidth;
    for (const row of rows) {
      let x = C.stackIndent;
      let rowH = 0;
      for (const it of row) {
        placeItem(it, x, top, spineX, top - C.vGap / 2);
        x += it.w + C.hGap;
        rowH = Math.max(rowH, it.h);
      }
      width = Math.max(width, x - C.hGap);
      top += rowH + C.vGap;
    }
    blockW[i] = width;
    blockH[i] = top - C.vGap;
  }

  /** Rows of at most maxRow items and maxRowWidth pixels, balanced by count when only the count wraps. */
  function splitRows<T extends { w: number }>(items: T[]): T[][] {
    const byCount = Math.ceil(items.length / C.maxRow);
    const perRow = Math.ceil(items.length / byCount);
    const rows: T[][] = [];
    let row: T[] = [];
    let width = 0;
    for (const it of items) {
      const next = width + (row.length > 0 ? C.hGap : 0) + it.w;
      if (row.length > 0 && (row.length >= perRow || next > C.maxRowWidth)) {
        rows.push(row);
        row = [];
        width = 0;
      }
      width += (row.length > 0 ? C.hGap : 0) + it.w;
      row.push(it);
    }
    if (row.length > 0) rows.push(row);
    return rows;
  }

  function placeItem(
    it: { members: number[]; stack: boolean },
    x: number,
    y: number,
    edgeFromX: number,
    edgeBusY: number,
  ): void {
    for (const m of it.members) {
      if (it.stack) {
        relX[m] += x;
        relY[m] += y;
        railX[m] += x;
      } else {
        relX[m] = x;
        relY[m] = y;
      }
      fromX[m] = edgeFromX;
      busY[m] = edgeBusY;
    }
  }

  return finish();

  function finish(): TreeLayout {
    const blockX = new Float64Array(n);
    const blockY = new Float64Array(n);
    // Roots side by side in rows.
    let x = 0;
    let y = 0;
    let rowH = 0;
    let width = 0;
    let inRow = 0;
    for (let i = 0; i < n; i++) {
      if (tree.parent[i] !== -1) continue;
      if (inRow === C.maxRow * 2) {
        y += rowH + C.rootGap;
        x = 0;
        rowH = 0;
        inRow = 0;
      }
      blockX[i] = x;
      blockY[i] = y;
      x += blockW[i] + C.rootGap;
      width = Math.max(width, x - C.rootGap);
      rowH = Math.max(rowH, blockH[i]);
      inRow++;
    }
    const height = y + rowH;
    const outX = new Float64Array(n);
    const outY = new Float64Array(n);
    const edgeOffsets = new Int32Array(n + 1);
    const points: number[] = [];
    const containers: TreeLayout['containers'] = [];
    for (let i = 0; i < n; i++) {
      const p = tree.parent[i];
      if (p >= 0) {
        blockX[i] = blockX[p] + relX[i];
        blockY[i] = blockY[p] + relY[i];
      }
      outX[i] = blockX[i] + cardX[i];
      outY[i] = blockY[i] + cardY[i];
      if (p >= 0) {
        const px = blockX[p] + fromX[i];
        const py = outY[p] + C.cardHeight;
        const by = blockY[p] + busY[i];
        if (Number.isNaN(railX[i])) {
          const ax = outX[i] + C.cardWidth / 2;
          points.push(px, py, px, by, ax, by, ax, blockY[i] + entryY[i]);
        } else {
          const rx = blockX[p] + railX[i];
          const ly = outY[i] + C.cardHeight / 2;
          points.push(px, py, px, by, rx, by, rx, ly, outX[i], ly);
        }
      }
      edgeOffsets[i + 1] = points.length;
      const team = tree.container[i];
      if (team !== null) {
        containers.push({
          teamId: team,
          managerIndex: i,
          x: blockX[i],
          y: blockY[i],
          width: blockW[i],
          height: blockH[i],
        });
      }
    }
    return {
      x: outX,
      y: outY,
      edgeOffsets,
      edgePoints: Float64Array.from(points),
      containers,
      width,
      height,
    };
  }
}
