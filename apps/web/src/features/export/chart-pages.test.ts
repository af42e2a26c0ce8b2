import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChartTree, pageCapacity, pagesOf, paginateChart } from './chart-pages';

/** A tree from `manager: reports` pairs. */
function tree(edges: Record<string, string[]>): ChartTree {
  return { childrenOf: (id) => edges[id] ?? [] };
}

const leaves = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`);

describe('chart pagination', () => {
  it('gives each paper its number of cards', () => {
    expect(pageCapacity('a4')).toEqual({ columns: 4, rows: 3, listLimit: 6 });
    expect(pageCapacity('letter')).toEqual({ columns: 4, rows: 3, listLimit: 6 });
    expect(pageCapacity('a3')).toEqual({ columns: 6, rows: 4, listLimit: 6 });
    expect(pageCapacity('a4', 'portrait')).toEqual({ columns: 2, rows: 4, listLimit: 6 });
  });

  // A heads B, C and D. B's two ICs fit on B's card; C has 7 ICs (over 6): own pages; D has a
  // manager (E, with one IC) among their reports: own page, where E's card lists e1.
  const org = tree({
    A: ['B', 'C', 'D'],
    B: ['b1', 'b2'],
    C: leaves('c', 7),
    D: ['E', 'd1'],
    E: ['e1'],
  });

  it('puts a subtree on pages depth first, with parts and continuation pages (computed by hand)', () => {
    const pages = paginateChart(org, ['A'], { columns: 2, rows: 1, listLimit: 6 });
    expect(
      pages.map((p) => [
        p.number,
        p.managerId,
        `${p.part}/${p.parts}`,
        p.cards.map((c) => c.personId).join(','),
      ]),
    ).toEqual([
      [1, 'A', '1/2', 'B,C'],
      [2, 'A', '2/2', 'D'],
      [3, 'C', '1/4', 'c1,c2'],
      [4, 'C', '2/4', 'c3,c4'],
      [5, 'C', '3/4', 'c5,c6'],
      [6, 'C', '4/4', 'c7'],
      [7, 'D', '1/1', 'E,d1'],
    ]);
    const card = (page: number, id: string) => pages[page - 1]?.cards.find((c) => c.personId === id);
    expect(card(1, 'B')).toEqual({ personId: 'B', listed: ['b1', 'b2'], continuesOn: null });
    expect(card(1, 'C')?.continuesOn).toBe(3);
    expect(card(2, 'D')?.continuesOn).toBe(7);
    expect(card(7, 'E')).toEqual({ personId: 'E', listed: ['e1'], continuesOn: null });
    expect(pages[6]?.chain).toEqual(['A']);
    expect(pagesOf(pages, 'e1')).toEqual([7]);
    expect(pagesOf(pages, 'C')).toEqual([1, 3, 4, 5, 6]);
  });

  it('gives a subtree its chain of command above the root', () => {
    const pages = paginateChart(org, ['D'], pageCapacity('a4'), ['CEO', 'A']);
    expect(pages.map((p) => [p.managerId, p.chain])).toEqual([['D', ['CEO', 'A']]]);
  });

  it('fits the same subtree on 3 A4 pages', () => {
    const pages = paginateChart(org, ['A'], pageCapacity('a4'));
    expect(pages.map((p) => [p.managerId, p.cards.length])).toEqual([
      ['A', 3],
      ['C', 7],
      ['D', 2],
    ]);
  });

  it('starts with a page of the heads when the org has several roots', () => {
    const pages = paginateChart(
      tree({ A: ['a1'], Z: ['z1', 'Y'], Y: ['y1', 'X'], X: ['x1'] }),
      ['A', 'Z'],
      pageCapacity('a4'),
    );
    expect(pages.map((p) => [p.managerId, p.cards.map((c) => c.personId)])).toEqual([
      [null, ['A', 'Z']],
      ['Z', ['z1', 'Y']],
      ['Y', ['y1', 'X']],
    ]);
    expect(pages[2]?.chain).toEqual(['Z']);
  });

  it('shows everyone below the roots once, and every continuation points at its page', () => {
    // Random forests: parent[i] < i, so node 0.. are in tree order; -1 is a root.
    const forest = fc
      .array(fc.nat(), { minLength: 1, maxLength: 120 })
      .map((picks) => picks.map((p, i) => (i === 0 || p % 5 === 0 ? -1 : p % i)));
    fc.assert(
      fc.property(
        forest,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        (parent, columns, rows) => {
          const edges: Record<string, string[]> = {};
          const roots: string[] = [];
          parent.forEach((p, i) => {
            if (p < 0) roots.push(`n${i}`);
            else (edges[`n${p}`] ??= []).push(`n${i}`);
          });
          const pages = paginateChart(tree(edges), roots, { columns, rows, listLimit: 3 });
          const shown = pages.flatMap((p) => p.cards.flatMap((c) => [c.personId, ...c.listed]));
          const expected = roots.length === 1 ? parent.length - 1 : parent.length;
          expect(shown).toHaveLength(expected);
          expect(new Set(shown).size).toBe(expected);
          pages.forEach((p, i) => {
            expect(p.number).toBe(i + 1);
            expect(p.cards.length).toBeLessThanOrEqual(columns * rows);
            for (const c of p.cards) {
              if (c.continuesOn === null) continue;
              expect(pages[c.continuesOn - 1]).toMatchObject({ managerId: c.personId, part: 1 });
            }
          });
        },
      ),
    );
  });
});
