/**
 * Where the camera goes when the chart is asked to show someone (find-me, a finding, `?person=`,
 * keyboard navigation): the person with their manager, peers and reports in view, at a zoom at
 * which their card is readable. Pure: chart coordinates in, a React Flow viewport out.
 */

/** Screen pixels the camera keeps free around a subject: room for the legend and the zoom controls. */
export const CAMERA_PADDING = 72;

/** A rectangle in chart coordinates (canvas px at zoom 1). */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A React Flow viewport: the chart's origin on screen and the zoom. */
export interface Camera {
  x: number;
  y: number;
  zoom: number;
}

/** What the camera reads of the visible tree and its layout. */
export interface CameraTree {
  parent: Int32Array;
  childOffsets: Int32Array;
  childList: Int32Array;
  x: Float64Array;
  y: Float64Array;
}

/** Card size and the zooms the camera keeps to. */
export interface CameraLimits {
  cardWidth: number;
  cardHeight: number;
  /**
   * Smallest zoom for a subject: 0.5 keeps a 240 px card at least 120 px wide on screen, where
   * its name is readable (the project's own threshold).
   */
  minZoom: number;
  /** Largest zoom: 1, cards at their own size. */
  maxZoom: number;
  /** Screen pixels kept free around the subject (and under panels and controls). */
  padding: number;
}

/**
 * The chart rectangle of the subject at position `i`: their card, their manager's card, their
 * peers (the manager's other visible reports) and their own visible reports.
 */
export function subjectRect(
  tree: CameraTree,
  i: number,
  limits: Pick<CameraLimits, 'cardWidth' | 'cardHeight'>,
): Rect {
  let x0 = tree.x[i] ?? 0;
  let y0 = tree.y[i] ?? 0;
  let x1 = x0 + limits.cardWidth;
  let y1 = y0 + limits.cardHeight;
  const add = (j: number) => {
    const x = tree.x[j] ?? 0;
    const y = tree.y[j] ?? 0;
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x + limits.cardWidth);
    y1 = Math.max(y1, y + limits.cardHeight);
  };
  const childrenOf = (j: number) => tree.childList.subarray(tree.childOffsets[j], tree.childOffsets[j + 1]);
  const manager = tree.parent[i] ?? -1;
  if (manager >= 0) {
    add(manager);
    for (const peer of childrenOf(manager)) add(peer);
  }
  for (const report of childrenOf(i)) add(report);
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/**
 * The viewport that shows `subject` (from {@link subjectRect}) in a `width × height` screen:
 * fitted with `padding` when it fits at a zoom between `minZoom` and `maxZoom`; otherwise at
 * `minZoom`, centred on the subject as far as the person's own card (`focus`) stays fully in view.
 */
export function cameraFor(
  subject: Rect,
  focus: Rect,
  width: number,
  height: number,
  limits: CameraLimits,
): Camera {
  const room = (n: number) => Math.max(1, n - 2 * limits.padding);
  const fit = Math.min(room(width) / Math.max(subject.width, 1), room(height) / Math.max(subject.height, 1));
  const zoom = Math.min(limits.maxZoom, Math.max(limits.minZoom, fit));
  // Centre of the subject, then moved just enough that the focus card is inside the padding.
  let cx = subject.x + subject.width / 2;
  let cy = subject.y + subject.height / 2;
  const halfW = room(width) / 2 / zoom;
  const halfH = room(height) / 2 / zoom;
  cx = clamp(cx, focus.x + focus.width - halfW, focus.x + halfW);
  cy = clamp(cy, focus.y + focus.height - halfH, focus.y + halfH);
  return { x: width / 2 - cx * zoom, y: height / 2 - cy * zoom, zoom };
}

function clamp(v: number, lo: number, hi: number): number {
  return lo > hi ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v));
}
