import { describe, expect, it } from 'vitest';
import { createSpatialGrid, viewportRect } from './spatial-grid';

describe('spatial grid', () => {
  const rects = [
    { x: 0, y: 0, width: 100, height: 50 },
    { x: 900, y: 0, width: 100, height: 50 },
    { x: 0, y: 2000, width: 3000, height: 10 }, // spans several cells
  ];
  const grid = createSpatialGrid(rects.length, (i) => rects[i], 500);

  it('returns each item touching the region once, in order', () => {
    expect(grid.query({ x: 50, y: 10, width: 10, height: 10 })).toEqual([0]);
    expect(grid.query({ x: 0, y: 0, width: 1000, height: 100 })).toEqual([0, 1]);
    expect(grid.query({ x: 2500, y: 1990, width: 10, height: 30 })).toEqual([2]);
    expect(grid.query({ x: 200, y: 200, width: 100, height: 100 })).toEqual([]);
  });

  it('skips items without a rectangle and works left of and above the origin', () => {
    const more = [
      { x: -1200, y: -900, width: 100, height: 100 },
      { x: 0, y: 0, width: -1, height: -1 }, // an edge-less item
      { x: 40, y: 40, width: 10, height: 10 },
    ];
    const g = createSpatialGrid(more.length, (i) => more[i], 500);
    expect(g.query({ x: -2000, y: -2000, width: 4000, height: 4000 })).toEqual([0, 2]);
    expect(g.query({ x: -1150, y: -850, width: 0, height: 0 })).toEqual([0]);
    expect(g.query({ x: 5000, y: 5000, width: 10, height: 10 })).toEqual([]);
    expect(createSpatialGrid(0, () => more[0]).query({ x: 0, y: 0, width: 10, height: 10 })).toEqual([]);
  });

  it('turns a pan and zoom into the canvas region in view', () => {
    expect(viewportRect({ x: -200, y: -100, zoom: 0.5 }, 800, 600)).toEqual({
      x: 400,
      y: 200,
      width: 1600,
      height: 1200,
    });
    expect(viewportRect({ x: 0, y: 0, zoom: 1 }, 100, 100, 10)).toEqual({
      x: -10,
      y: -10,
      width: 120,
      height: 120,
    });
  });
});
