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

const KEY_SPAN = 1 << 20;

/** Builds a grid of `count` items whose rectangles `rectOf(i)` gives. */
export function createSpatialGrid(count: number, rectOf: (i: number) => Rect, cellSize = 800): SpatialGrid {
  const cells = new Map<number, number[]>();
  for (let i = 0; i < count; i++) {
    const r = rectOf(i);
    const x0 = Math.floor(r.x / cellSize);
    const x1 = Math.floor((r.x + r.width) / cellSize);
    const y0 = Math.floor(r.y / cellSize);
    const y1 = Math.floor((r.y + r.height) / cellSize);
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const key = cx * KEY_SPAN + cy;
        const list = cells.get(key);
        if (list) list.push(i);
        else cells.set(key, [i]);
      }
    }
  }
  return {
    cellSize,
    query(rect) {
      const x0 = Math.floor(rect.x / cellSize);
      const x1 = Math.floor((rect.x + rect.width) / cellSize);
      const y0 = Math.floor(rect.y / cellSize);
      const y1 = Math.floor((rect.y + rect.height) / cellSize);
      const seen = new Set<number>();
      const out: number[] = [];
      for (let cx = x0; cx <= x1; cx++) {
        for (let cy = y0; cy <= y1; cy++) {
          const list = cells.get(cx * KEY_SPAN + cy);
          if (!list) continue;
          for (const i of list) {
            if (seen.has(i)) continue;
            seen.add(i);
            const r = rectOf(i);
            if (intersects(r, rect)) out.push(i);
          }
        }
      }
      return out.sort((a, b) => a - b);
    },
  };
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
