import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHART, computeTreeLayout } from './tree-layout';
import { collectVisibleTree, pickDefaultDepth, type TreeSource } from './visible-tree';

const C = CHART;

function sourceOf(
  edges: Record<string, string[]>,
  roots: string[],
  expanded: TreeSource['isExpanded'] = () => true,
): TreeSource {
  return {
    roots,
    reports: (id) => edges[id] ?? [],
    isExpanded: expanded,
    teamLedBy: (id) => (id.startsWith('em') ? `team-${id}` : null),
  };
}

function boxes(tree: ReturnType<typeof collectVisibleTree>, layout: ReturnType<typeof computeTreeLayout>) {
  return tree.ids.map((id, i) => ({ id, x: layout.x[i], y: layout.y[i] }));
}

describe('collectVisibleTree', () => {
  it('lists roots and expanded reports in pre-order, marking leaves and collapsed managers', () => {
    const tree = collectVisibleTree(
      sourceOf({ ceo: ['vp'], vp: ['em'], em: ['a', 'b'] }, ['ceo'], (_id, depth) => depth <= 2),
    );
    expect(tree.ids).toEqual(['ceo', 'vp', 'em']);
    expect([...tree.parent]).toEqual([-1, 0, 1]);
    expect([...tree.isCollapsed]).toEqual([0, 0, 1]);
    expect([...tree.isLeaf]).toEqual([0, 0, 0]);
    expect([...tree.depth]).toEqual([1, 2, 3]);
    expect(tree.container).toEqual([null, null, 'team-em']); // a collapsed team lead keeps the team's container
  });

  it('picks the deepest default depth within the budget', () => {
    expect(pickDefaultDepth([1, 5, 25, 120, 600], 160)).toBe(3);
    expect(pickDefaultDepth([1, 5, 25, 120, 600], 40)).toBe(2);
    expect(pickDefaultDepth([1, 40], 10)).toBe(1);
  });
});

describe('computeTreeLayout', () => {
  it('stacks the ICs of a first-line manager in a team container', () => {
    const tree = collectVisibleTree(sourceOf({ em1: ['a', 'b'] }, ['em1']));
    const layout = computeTreeLayout(tree);
    const [em, a, b] = boxes(tree, layout);
    expect(em).toEqual({ id: 'em1', x: C.teamPad, y: C.teamHeader });
    const stackTop = C.teamHeader + C.cardHeight + C.stackTop;
    expect(a).toEqual({ id: 'a', x: C.teamPad + C.stackIndent, y: stackTop });
    expect(b).toEqual({ id: 'b', x: C.teamPad + C.stackIndent, y: stackTop + C.cardHeight + C.stackGap });
    expect(layout.containers).toEqual([
      {
        teamId: 'team-em1',
        managerIndex: 0,
        x: 0,
        y: 0,
        width: C.stackIndent + C.cardWidth + 2 * C.teamPad,
        height: stackTop + 2 * C.cardHeight + C.stackGap + C.teamPad,
      },
    ]);
    // The edge to b runs down the rail from em's card and turns right into b's middle.
    const pts = [...layout.edgePoints.subarray(layout.edgeOffsets[2], layout.edgeOffsets[3])];
    const rail = C.teamPad + C.stackIndent / 2;
    const midB = b.y + C.cardHeight / 2;
    expect(pts).toEqual([
      rail,
      C.teamHeader + C.cardHeight,
      rail,
      C.teamHeader + C.cardHeight + C.stackTop / 2,
      rail,
      C.teamHeader + C.cardHeight + C.stackTop / 2,
      rail,
      midB,
      b.x,
      midB,
    ]);
  });

  it('centres a manager over one row of report blocks', () => {
    const tree = collectVisibleTree(sourceOf({ vp: ['m1', 'm2'] }, ['vp'], (id) => id === 'vp'));
    tree.isLeaf.fill(0); // m1, m2 are collapsed managers, not ICs
    const layout = computeTreeLayout(tree);
    const [vp, m1, m2] = boxes(tree, layout);
    const rowY = C.cardHeight + C.vGap;
    expect(m1).toEqual({ id: 'm1', x: 0, y: rowY });
    expect(m2).toEqual({ id: 'm2', x: C.cardWidth + C.hGap, y: rowY });
    expect(vp).toEqual({ id: 'vp', x: (C.cardWidth + C.hGap) / 2, y: 0 });
    expect(layout.width).toBe(2 * C.cardWidth + C.hGap);
  });

  it('wraps more than maxRow report blocks into rows hanging from a spine', () => {
    const kids = Array.from({ length: C.maxRow + 1 }, (_, k) => `m${k}`);
    const tree = collectVisibleTree(sourceOf({ vp: kids }, ['vp'], (id) => id === 'vp'));
    tree.isLeaf.fill(0);
    const layout = computeTreeLayout(tree);
    const b = boxes(tree, layout);
    expect(b[0]).toMatchObject({ x: 0, y: 0 });
    expect(b[1]).toMatchObject({ x: C.stackIndent, y: C.cardHeight + C.vGap });
    const secondRowY = 2 * (C.cardHeight + C.vGap);
    expect(b[5]).toMatchObject({ x: C.stackIndent, y: secondRowY }); // 7 blocks: rows of 4 and 3
  });

  it('never overlaps two cards (property)', () => {
    const treeArb = fc.array(fc.nat(40), { minLength: 1, maxLength: 120 }).map((parents) => {
      const edges: Record<string, string[]> = {};
      parents.forEach((p, k) => {
        const id = `n${k + 1}`;
        const parent = `n${Math.min(p, k)}`;
        (edges[parent] ??= []).push(id);
      });
      return edges;
    });
    fc.assert(
      fc.property(treeArb, (edges) => {
        const tree = collectVisibleTree(sourceOf(edges, ['n0']));
        const layout = computeTreeLayout(tree);
        const n = tree.ids.length;
        for (let i = 0; i < n; i++) {
          for (let j = i + 1; j < n; j++) {
            const apart =
              Math.abs(layout.x[i] - layout.x[j]) >= C.cardWidth ||
              Math.abs(layout.y[i] - layout.y[j]) >= C.cardHeight;
            if (!apart) return false;
          }
        }
        return true;
      }),
      { numRuns: 150 },
    );
  });
});
