import { describe, expect, it } from 'vitest';
import { createTestOrg } from '../../test/orgs';
import { buildOrgIndex, getReports } from '../org/org-index';
import { buildChartGrids } from './chart-grids';
import { wrapSpatialGrid } from './spatial-grid';
import { CHART, computeTreeLayout } from './tree-layout';
import { collectVisibleTree } from './visible-tree';

describe('chart grids', () => {
  const index = buildOrgIndex(createTestOrg());
  const tree = collectVisibleTree({
    roots: index.roots,
    reports: (id) => getReports(index, id),
    isExpanded: () => true,
  });
  const layout = computeTreeLayout(tree);
  const grids = buildChartGrids(layout, tree.ids.length);
  const at = (id: string) => tree.ids.indexOf(id);

  it('finds the card under a point, and only it', () => {
    const i = at('b2');
    const nodes = wrapSpatialGrid(grids.nodes);
    const hit = nodes.query({ x: layout.x[i] + 5, y: layout.y[i] + 5, width: 0, height: 0 });
    expect(hit.map((k) => tree.ids[k])).toEqual(['b2']);
    const all = nodes.query({ x: -1, y: -1, width: layout.width + 2, height: layout.height + 2 });
    expect(all).toHaveLength(tree.ids.length);
  });

  it('finds the reporting line into a card and none for the root', () => {
    const edges = wrapSpatialGrid(grids.edges);
    const i = at('em3');
    // The line enters em3 at the top middle of its card.
    const into = edges.query({
      x: layout.x[i] + CHART.cardWidth / 2 - 1,
      y: layout.y[i] - 1,
      width: 2,
      height: 2,
    });
    expect(into.map((k) => tree.ids[k])).toContain('em3');
    const everything = edges.query({ x: -1e6, y: -1e6, width: 2e6, height: 2e6 });
    expect(everything).not.toContain(at('ceo'));
    expect(everything).toHaveLength(tree.ids.length - 1);
  });
});
