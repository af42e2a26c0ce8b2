import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dirtyPeopleArb, forestArb, people } from '../analyze/test-orgs';
import type { Person } from '../schema/person';
import {
  buildOrgGraph,
  getAncestors,
  getChildCount,
  getChildren,
  getOrgGraph,
  headcountWeight,
  isInSubtree,
} from './org-graph';

/** The graph recomputed the slow, obvious way, by id, for comparison. */
function bruteForce(list: readonly Person[]) {
  const lastRow = new Map<string, number>();
  list.forEach((p, row) => {
    lastRow.set(p.id, row);
  });
  const kept = [...new Set(list.map((p) => p.id))].map((id) => list[lastRow.get(id)!]);
  const byId = new Map(kept.map((p) => [p.id, p]));
  const up = (p: Person) => {
    const m = p.managerId === null ? undefined : byId.get(p.managerId);
    return m === undefined || m === p ? undefined : m;
  };
  const layerOf = (p: Person): number => {
    const seen = new Set<Person>();
    let depth = 0;
    for (let q: Person | undefined = p; q; q = up(q)) {
      if (seen.has(q)) return 0;
      seen.add(q);
      depth++;
    }
    return depth;
  };
  const isBelow = (p: Person, top: Person) => {
    for (let q: Person | undefined = p; q; q = up(q)) if (q === top) return true;
    return false;
  };
  return kept.map((p) => {
    const layer = layerOf(p);
    const below = layer === 0 ? [] : kept.filter((q) => layerOf(q) > 0 && isBelow(q, p));
    return {
      id: p.id,
      layer,
      children: kept.filter((q) => up(q) === p).map((q) => q.id),
      subtreeSize: below.length,
      subtreeHeadcount: below.reduce((s, q) => s + headcountWeight(q), 0),
      ancestors:
        layer === 0
          ? null
          : (() => {
              const out: string[] = [];
              for (let q = up(p); q; q = up(q)) out.push(q.id);
              return out;
            })(),
    };
  });
}

describe('buildOrgGraph', () => {
  it('indexes a small tree: parents, children, layers, subtrees, pre-order', () => {
    const g = buildOrgGraph(
      people(
        ['ceo', null],
        ['a', 'ceo'],
        ['b', 'ceo'],
        ['a1', 'a'],
        ['agg', 'a', { aggregate: true, fte: 2.5 }],
      ),
    );
    expect(g.n).toBe(5);
    expect(Array.from(g.parent)).toEqual([-1, 0, 0, 1, 1]);
    expect(getChildren(g, 0)).toEqual([1, 2]);
    expect(getChildCount(g, 1)).toBe(2);
    expect(Array.from(g.layer)).toEqual([1, 2, 2, 3, 3]);
    expect(Array.from(g.order)).toEqual([0, 1, 3, 4, 2]);
    expect(Array.from(g.subtreeSize)).toEqual([5, 3, 1, 1, 1]);
    expect(Array.from(g.subtreeHeadcount)).toEqual([7, 5, 1, 1, 3]);
    expect(g.maxLayer).toBe(3);
    expect(Array.from(g.roots)).toEqual([0]);
    expect(isInSubtree(g, 1, 4)).toBe(true);
    expect(isInSubtree(g, 2, 4)).toBe(false);
    expect(getAncestors(g, 3)).toEqual([1, 0]);
  });

  it('keeps the later of two records with one id and names both rows', () => {
    const g = buildOrgGraph(people(['a', null], ['b', 'a'], ['a', null, { name: 'Later A' }], ['a', 'b']));
    expect(g.n).toBe(2);
    expect(g.duplicates).toEqual([{ id: 'a', rows: [0, 2, 3] }]);
    expect(g.records[0].managerId).toBe('b');
    expect(g.rowOf[0]).toBe(3);
    // a (row 3) reports to b, b reports to a: a loop.
    expect(g.cycles).toEqual([[0, 1]]);
  });

  it('records self-reports, dangling managers and cycles, and puts the first two at the top', () => {
    const g = buildOrgGraph(
      people(['s', 's'], ['d', 'nobody'], ['x', 'y'], ['y', 'z'], ['z', 'x'], ['below', 'x'], ['c', 'd']),
    );
    expect(g.selfReports).toEqual([0]);
    expect(g.dangling).toEqual([1]);
    expect(Array.from(g.roots)).toEqual([0, 1]);
    expect(g.cycles).toEqual([[2, 3, 4]]);
    expect(Array.from(g.layer)).toEqual([1, 1, 0, 0, 0, 0, 2]);
    expect(g.tin[5]).toBe(-1);
    expect(g.subtreeSize[2]).toBe(0);
    expect(getAncestors(g, 5)).toEqual([2, 3, 4]);
    expect(isInSubtree(g, 2, 5)).toBe(false);
  });

  it('handles an empty org', () => {
    const g = buildOrgGraph([]);
    expect(g.n).toBe(0);
    expect(g.maxLayer).toBe(0);
    expect(g.roots.length).toBe(0);
  });

  it('caches the graph per people array', () => {
    const list = people(['a', null]);
    expect(getOrgGraph({ people: list })).toBe(getOrgGraph({ people: list }));
    expect(getOrgGraph({ people: [...list] })).not.toBe(getOrgGraph({ people: list }));
  });
});

describe('buildOrgGraph properties', () => {
  it('agrees with a brute-force recomputation on any graph (duplicates, dangling ids, cycles)', () => {
    fc.assert(
      fc.property(dirtyPeopleArb, (list) => {
        const g = buildOrgGraph(list);
        const expected = bruteForce(list);
        expect(g.n).toBe(expected.length);
        expected.forEach((e, i) => {
          expect(g.records[i].id).toBe(e.id);
          expect(g.layer[i]).toBe(e.layer);
          expect(getChildren(g, i).map((c) => g.records[c].id)).toEqual(e.children);
          expect(g.subtreeSize[i]).toBe(e.subtreeSize);
          expect(g.subtreeHeadcount[i]).toBe(e.subtreeHeadcount);
          if (e.ancestors) expect(getAncestors(g, i).map((a) => g.records[a].id)).toEqual(e.ancestors);
        });
        expect(g.maxLayer).toBe(Math.max(0, ...expected.map((e) => e.layer)));
        const inCycles = g.cycles.flat();
        expect(new Set(inCycles).size).toBe(inCycles.length);
        for (const cycle of g.cycles)
          cycle.forEach((i, k) => {
            expect(g.parent[i]).toBe(cycle[(k + 1) % cycle.length]);
          });
        // Every record is reached from a root exactly once, or is in or below a loop.
        expect(g.order.length + expected.filter((e) => e.layer === 0).length).toBe(g.n);
      }),
      { numRuns: 300 },
    );
  });

  it('gives pre-order intervals that match subtree membership on forests', () => {
    fc.assert(
      fc.property(forestArb, (list) => {
        const g = buildOrgGraph(list);
        for (let i = 0; i < g.n; i++) {
          expect(g.tout[i] - g.tin[i]).toBe(g.subtreeSize[i]);
          for (let j = 0; j < g.n; j++) {
            expect(isInSubtree(g, i, j)).toBe(i === j || getAncestors(g, j).includes(i));
          }
        }
        expect(g.cycles).toEqual([]);
        expect(g.roots.length).toBe(list.filter((p) => p.managerId === null).length);
      }),
      { numRuns: 100 },
    );
  });
});
