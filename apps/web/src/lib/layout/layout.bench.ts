import { bench, describe } from 'vitest';
import { generateOrg } from '../../../../../fixtures/index';
import { buildOrgIndex, getReports } from '../org/org-index';
import { createSpatialGrid } from './spatial-grid';
import { CHART, computeTreeLayout } from './tree-layout';
import { collectVisibleTree } from './visible-tree';

/**
 * The chart's first render on a 100k-person org with every level open, step by step (what the
 * browser bench's "first render" is made of): the org index, the visible tree, the layout (in a
 * worker in the app) and the spatial grid that culls cards to the view.
 * Run: `npx vitest bench --run --project web src/lib/layout/layout.bench.ts`.
 */
const org = generateOrg({ people: 100_000, seed: 1 });
const index = buildOrgIndex(org);
const source = { roots: index.roots, reports: (id: string) => getReports(index, id), isExpanded: () => true };
const tree = collectVisibleTree(source);
const layout = computeTreeLayout(tree);
const box = (i: number) => ({
  x: layout.x[i],
  y: layout.y[i],
  width: CHART.cardWidth,
  height: CHART.cardHeight,
});

describe('chart pipeline, 100k people, all levels open', () => {
  bench('buildOrgIndex', () => {
    buildOrgIndex(org);
  });
  bench('collectVisibleTree', () => {
    collectVisibleTree(source);
  });
  bench('computeTreeLayout', () => {
    computeTreeLayout(tree);
  });
  bench('createSpatialGrid (cards)', () => {
    createSpatialGrid(tree.ids.length, box);
  });
  bench('structuredClone of the visible tree (the post to the layout worker)', () => {
    structuredClone(tree);
  });
});
