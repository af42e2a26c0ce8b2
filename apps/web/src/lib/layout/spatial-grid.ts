/** An axis-aligned rectangle in canvas pixels. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * A uniform grid over rectangles: which items touch a region, in O(cells + hits). Built once per
 * layout; queried on every pan and zoom to hand React Flow only what is in view.
 */
export interface SpatialGrid {
  readonly cellSize: number;
  /** Items (by their number) whose rectangle touches `rect`, each once, in ascending order. */
  query(rect: Rect): number[];
}

/**
 * The grid as plain typed arrays (so a worker can build it and transfer it): the items of cell
 * `(cx, cy)` are `cellItems[cellStart[c] .. cellStart[c + 1])` with `c = cy * cols + cx`, cells
 * counted from `(originX, originY)`; `rects` holds `x, y, width, height` per item (width < 0: no
 * rectangle, never returned).
 */
export interface SpatialGridData {
  cellSize: number;
  originX: number;
  originY: number;
  cols: number;
  rows: number;
  cellStart: Int32Array;
  cellItems: Int32Array;
  rects: Float64Array;
}

/** Builds the grid data of `count` items whose rectangles `rectOf(i)` gives: two passes, O(items × cells each). */
export function buildSpatialGridData(
  count: number,
  rectOf: (i: number) => Rect,
  cellSize = 800,
): SpatialGridData {
  const rects = new Float64Array(count * 4);
  for (let i = 0; i < count; i++) {
    const r = rectOf(i);
    rects[4 * i] = r.x;
    rects[4 * i + 1] = r.y;
    rects[4 * i + 2] = r.width;
    rects[4 * i + 3] = r.height;
  }
  return buildSpatialGridFromRects(rects, cellSize);
}

/**
 * Builds the grid data over `rects` (`x, y, width, height` per item; width < 0: no rectangle),
 * which it keeps: two counting passes over typed arrays, no object per item.
 */
export function buildSpatialGridFromRects(rects: Float64Array, cellSize = 800): SpatialGridData {
  const count = rects.length / 4;
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < count; i++) {
    const x = rects[4 * i];
    const y = rects[4 * i + 1];
    const w = rects[4 * i + 2];
    if (w < 0) continue;
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x + w > maxX) maxX = x + w;
    if (y + rects[4 * i + 3] > maxY) maxY = y + rects[4 * i + 3];
  }
  if (minX > maxX) {
    minX = 0;
    minY = 0;
    maxX = 0;
    maxY = 0;
  }
  const originX = Math.floor(minX / cellSize) * cellSize;
  const originY = Math.floor(minY / cellSize) * cellSize;
  const cols = Math.floor((maxX - originX) / cellSize) + 1;
  const rows = Math.floor((maxY - originY) / cellSize) + 1;
  const cells = cols * rows;
  const cellStart = new Int32Array(cells + 1);
  // Cell range of each item: x0, x1, y0, y1 (x0 = -1: no rectangle).
  const span = new Int32Array(count * 4);
  for (let i = 0; i < count; i++) {
    const w = rects[4 * i + 2];
    if (w < 0) {
      span[4 * i] = -1;
      continue;
    }
    const x = rects[4 * i] - originX;
    const y = rects[4 * i + 1] - originY;
    const x0 = Math.floor(x / cellSize);
    const x1 = Math.floor((x + w) / cellSize);
    const y0 = Math.floor(y / cellSize);
    const y1 = Math.floor((y + rects[4 * i + 3]) / cellSize);
    span[4 * i] = x0;
    span[4 * i + 1] = x1;
    span[4 * i + 2] = y0;
    span[4 * i + 3] = y1;
    for (let cy = y0; cy <= y1; cy++) for (let cx = x0; cx <= x1; cx++) cellStart[cy * cols + cx + 1]++;
  }
  for (let c = 0; c < cells; c++) cellStart[c + 1] += cellStart[c];
  const cellItems = new Int32Array(cellStart[cells]);
  const fill = cellStart.slice(0, cells);
  for (let i = 0; i < count; i++) {
    const x0 = span[4 * i];
    if (x0 < 0) continue;
    const x1 = span[4 * i + 1];
    const y1 = span[4 * i + 3];
    for (let cy = span[4 * i + 2]; cy <= y1; cy++)
      for (let cx = x0; cx <= x1; cx++) cellItems[fill[cy * cols + cx]++] = i;
  }
  return { cellSize, originX, originY, cols, rows, cellStart, cellItems, rects };
}

/** The grid over grid data (built here or in a worker): no copy, O(1). */
export function wrapSpatialGrid(data: SpatialGridData): SpatialGrid {
  const { cellSize, originX, originY, cols, rows, cellStart, cellItems, rects } = data;
  const seen = new Int32Array(rects.length / 4);
  let stamp = 0;
  return {
    cellSize,
    query(rect) {
      stamp++;
      const x0 = Math.max(0, Math.floor((rect.x - originX) / cellSize));
      const x1 = Math.min(cols - 1, Math.floor((rect.x + rect.width - originX) / cellSize));
      const y0 = Math.max(0, Math.floor((rect.y - originY) / cellSize));
      const y1 = Math.min(rows - 1, Math.floor((rect.y + rect.height - originY) / cellSize));
      const out: number[] = [];
      for (let cy = y0; cy <= y1; cy++) {
        for (let cx = x0; cx <= x1; cx++) {
          const c = cy * cols + cx;
          for (let k = cellStart[c]; k < cellStart[c + 1]; k++) {
            const i = cellItems[k];
            if (seen[i] === stamp) continue;
            seen[i] = stamp;
            const r = {
              x: rects[4 * i],
              y: rects[4 * i + 1],
              width: rects[4 * i + 2],
              height: rects[4 * i + 3],
            };
            if (intersects(r, rect)) out.push(i);
          }
        }
      }
      return out.sort((a, b) => a - b);
    },
  };
}

/** Builds a grid of `count` items whose rectangles `rectOf(i)` gives. */
export function createSpatialGrid(count: number, rectOf: (i: number) => Rect, cellSize = 800): SpatialGrid {
  return wrapSpatialGrid(buildSpatialGridData(count, rectOf, cellSize));
}

/** True when two rectangles overlap or touch. */
export function intersects(a: Rect, b: Rect): boolean {
  return a.x <= b.x + b.width && b.x <= a.x + a.width && a.y <= b.y + b.height && b.y <= a.y + a.height;
}

/** The region of the canvas a viewport shows: screen size `width`×`height` at pan `x,y` and `zoom`. */
export function viewportRect(
  viewport: { x: number; y: number; zoom: number },
  width: number,
  height: number,
  margin = 0,
): Rect {
  const z = viewport.zoom;
  return {
    x: -viewport.x / z - margin / z,
    y: -viewport.y / z - margin / z,
    width: width / z + (2 * margin) / z,
    height: height / z + (2 * margin) / z,
  };
}
