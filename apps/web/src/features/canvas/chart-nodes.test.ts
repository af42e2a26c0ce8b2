import { analyzeOrg } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { createSpanLookup } from '../../lib/analysis/span-overlay';
import { createSpatialGrid } from '../../lib/layout/spatial-grid';
import { CHART, computeTreeLayout } from '../../lib/layout/tree-layout';
import { collectVisibleTree } from '../../lib/layout/visible-tree';
import { buildOrgIndex, getReports } from '../../lib/org/org-index';
import { createTestOrg } from '../../test/orgs';
import { buildChartNodes, type ChartFlowNode, type NodeContext } from './chart-nodes';
import { dottedPath, edgePath } from './edge-layer';
import type { ChartModel } from './use-chart-model';

function setup(expanded: (id: string) => boolean = () => true) {
  const org = createTestOrg({ people: [{ id: 'x1', managerId: 'em3', dottedManagerIds: ['em1'] }] });
  const index = buildOrgIndex(org);
  const led = new Map(org.teams.map((t) => [t.managerId, t.id]));
  const tree = collectVisibleTree({
    roots: index.roots,
    reports: (id) => getReports(index, id),
    isExpanded: expanded,
    teamLedBy: (id) => led.get(id) ?? null,
  });
  const layout = computeTreeLayout(tree);
  const n = tree.ids.length;
  const model: ChartModel = {
    tree,
    layout,
    positionOf: new Map(tree.ids.map((id, i) => [id, i])),
    nodeGrid: createSpatialGrid(n, (i) => ({
      x: layout.x[i],
      y: layout.y[i],
      width: CHART.cardWidth,
      height: CHART.cardHeight,
    })),
    edgeGrid: createSpatialGrid(n, (i) => ({
      x: layout.x[i],
      y: layout.y[i] - CHART.vGap,
      width: CHART.cardWidth,
      height: CHART.vGap,
    })),
    containerGrid: createSpatialGrid(layout.containers.length, (k) => layout.containers[k]),
    ms: 0,
  };
  const report = analyzeOrg(org);
  const ctx: NodeContext = {
    index,
    spans: createSpanLookup(report, null),
    levelNames: new Map([['L3', 'Software Engineer']]),
    selectedId: 'em1',
    focusId: null,
    dropTargetId: null,
    dropValid: false,
    compact: false,
    draggingTeamId: null,
    teamSizes: new Map([['t1', 4]]),
    changes: null,
  };
  return { org, index, model, ctx };
}

describe('org to React Flow nodes', () => {
  it('gives every visible person a card at its layout position, team containers first', () => {
    const { model, ctx } = setup();
    const nodes = buildChartNodes(model, null, ctx, new Map(), null);
    const people = nodes.filter((n) => n.type === 'person');
    expect(people.map((n) => n.id)).toEqual(model.tree.ids);
    expect(nodes.findIndex((n) => n.type === 'person')).toBe(nodes.filter((n) => n.type === 'team').length);
    const em1 = people.find((n) => n.id === 'em1')!;
    expect(em1.position).toEqual({
      x: model.layout.x[model.positionOf.get('em1')!],
      y: model.layout.y[model.positionOf.get('em1')!],
    });
    expect(em1.selected).toBe(true);
    expect(em1.data).toMatchObject({ reports: 3, collapsed: false, hidden: 0 });
    expect(em1.data.manager?.directReports).toBe(3);
    const team = nodes.find((n) => n.id === 'team:t1');
    expect(team?.data).toMatchObject({ members: 4 });
  });

  it('hands over only what is in the region, plus a node being dragged', () => {
    const { model, ctx } = setup();
    const i = model.positionOf.get('a2')!;
    const rect = { x: model.layout.x[i] + 10, y: model.layout.y[i] + 10, width: 5, height: 5 };
    const ids = buildChartNodes(model, rect, ctx, new Map(), 'ceo').map((n) => n.id);
    expect(ids).toEqual(['team:t1', 'a2', 'ceo']);
  });

  it('counts the people hidden under a collapsed manager', () => {
    const { model, ctx } = setup((id) => id !== 'vp1');
    const vp1 = buildChartNodes(model, null, ctx, new Map(), null).find(
      (n) => n.id === 'vp1',
    ) as ChartFlowNode;
    expect(vp1.data).toMatchObject({ collapsed: true, hidden: 7 });
  });

  it('reuses node objects whose position and data did not change', () => {
    const { model, ctx } = setup();
    const cache = new Map<string, ChartFlowNode>();
    const first = buildChartNodes(model, null, ctx, cache, null);
    const second = buildChartNodes(model, null, { ...ctx, selectedId: 'a1' }, cache, null);
    const same = (id: string) => first.find((n) => n.id === id) === second.find((n) => n.id === id);
    expect([same('b1'), same('em1'), same('a1')]).toEqual([true, false, false]);
  });

  it('draws reporting lines as SVG paths and dotted lines between people on the chart', () => {
    const { model, index } = setup();
    const a1 = model.positionOf.get('a1')!;
    const pts = [
      ...model.layout.edgePoints.subarray(model.layout.edgeOffsets[a1], model.layout.edgeOffsets[a1 + 1]),
    ];
    expect(edgePath(model, [a1])).toBe(
      `M${pts[0]} ${pts[1]}${pts.slice(2).reduce((d, v, k) => d + (k % 2 === 0 ? `L${v}` : ` ${v}`), '')}`,
    );
    expect(edgePath(model, [0])).toBe(''); // the root has no line
    expect(dottedPath(model, index, [model.positionOf.get('x1')!])).toMatch(/^M\d+ \d+C/);
    expect(dottedPath(model, index, [a1])).toBe('');
  });
});
