import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CameraTree, cameraFor, subjectRect } from './camera';

const LIMITS = { cardWidth: 240, cardHeight: 76, minZoom: 0.5, maxZoom: 1, padding: 40 };

/** Root 0 at (500, 0); its reports 1, 2, 3 in a row; 3's reports 4 and 5 stacked under it. */
const tree: CameraTree = {
  parent: Int32Array.from([-1, 0, 0, 0, 3, 3]),
  childOffsets: Int32Array.from([0, 3, 3, 3, 5, 5, 5]),
  childList: Int32Array.from([1, 2, 3, 4, 5]),
  x: Float64Array.from([500, 0, 300, 600, 600, 600]),
  y: Float64Array.from([0, 200, 200, 200, 400, 500]),
};
const card = (i: number) => ({ x: tree.x[i]!, y: tree.y[i]!, width: 240, height: 76 });

describe('the camera', () => {
  it('frames a person with their manager, peers and reports', () => {
    expect(subjectRect(tree, 3, LIMITS)).toEqual({ x: 0, y: 0, width: 840, height: 576 });
    // A root with no manager: their reports only.
    expect(subjectRect(tree, 0, LIMITS)).toEqual({ x: 0, y: 0, width: 840, height: 276 });
    // An IC: manager and peers.
    expect(subjectRect(tree, 5, LIMITS)).toEqual({ x: 600, y: 200, width: 240, height: 376 });
  });

  it('fits the subject when it fits at a readable zoom, never past 1', () => {
    const cam = cameraFor(subjectRect(tree, 3, LIMITS), card(3), 1000, 800, LIMITS);
    expect(cam).toEqual({ x: 80, y: 112, zoom: 1 });
  });

  it('keeps the card readable (zoom 0.5: 120 px) and in view on a small screen', () => {
    const cam = cameraFor(subjectRect(tree, 3, LIMITS), card(3), 400, 300, LIMITS);
    expect(cam).toEqual({ x: -60, y: 6, zoom: 0.5 });
    // The card spans 240..360 px across and 106..144 px down: inside the 40 px padding.
    expect([600 * cam.zoom + cam.x, 840 * cam.zoom + cam.x]).toEqual([240, 360]);
  });

  it('always shows the whole focus card at least 120 px wide (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          x: fc.integer({ min: -5000, max: 5000 }),
          y: fc.integer({ min: -5000, max: 5000 }),
          w: fc.integer({ min: 240, max: 20_000 }),
          h: fc.integer({ min: 76, max: 20_000 }),
          fx: fc.double({ min: 0, max: 1, noNaN: true }),
          fy: fc.double({ min: 0, max: 1, noNaN: true }),
          vw: fc.integer({ min: 400, max: 3000 }),
          vh: fc.integer({ min: 300, max: 2000 }),
        }),
        ({ x, y, w, h, fx, fy, vw, vh }) => {
          const subject = { x, y, width: w, height: h };
          const focus = { x: x + fx * (w - 240), y: y + fy * (h - 76), width: 240, height: 76 };
          const cam = cameraFor(subject, focus, vw, vh, LIMITS);
          expect(cam.zoom).toBeGreaterThanOrEqual(0.5);
          expect(cam.zoom).toBeLessThanOrEqual(1);
          const left = focus.x * cam.zoom + cam.x;
          const top = focus.y * cam.zoom + cam.y;
          expect(left).toBeGreaterThanOrEqual(40 - 1e-6);
          expect(top).toBeGreaterThanOrEqual(40 - 1e-6);
          expect(left + 240 * cam.zoom).toBeLessThanOrEqual(vw - 40 + 1e-6);
          expect(top + 76 * cam.zoom).toBeLessThanOrEqual(vh - 40 + 1e-6);
        },
      ),
    );
  });
});
