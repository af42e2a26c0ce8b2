import { applyOps, type OpInput, type Org } from '@reorg/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestOrg } from '../../test/orgs';
import {
  buildOrgIndex,
  countSubtree,
  getChain,
  getLayerSizes,
  getLayers,
  getManagerId,
  getReports,
  getSubtreeSize,
  updateOrgIndex,
} from './org-index';

function snapshot(index: ReturnType<typeof buildOrgIndex>) {
  const children = [...index.children.entries()].filter(([, v]) => v.length > 0).sort();
  return { roots: index.roots, children, rows: [...index.rowById.entries()].sort() };
}

describe('buildOrgIndex', () => {
  it('indexes reports in record order and the roots', () => {
    const index = buildOrgIndex(createTestOrg());
    expect(index.roots).toEqual(['ceo']);
    expect(getReports(index, 'em1')).toEqual(['a1', 'a2', 'a3']);
    expect(getReports(index, 'a1')).toEqual([]);
    expect(getChain(index, 'a2')).toEqual(['em1', 'vp1', 'ceo']);
    expect(countSubtree(index, 'vp1')).toBe(7);
    expect(getSubtreeSize(index, 'vp1')).toBe(7);
    expect(getSubtreeSize(index, 'ceo')).toBe(11);
    expect(getLayers(index).get('b2')).toBe(4);
    expect(getLayerSizes(index)).toEqual([1, 2, 3, 6]);
  });

  it('makes roots of dangling managers, self-reports and the first person of a loop', () => {
    const org = createTestOrg({
      people: [
        { id: 'x', managerId: 'nobody' },
        { id: 'self', managerId: 'self' },
        { id: 'l1', managerId: 'l2' },
        { id: 'l2', managerId: 'l1' },
        { id: 'l3', managerId: 'l2' },
      ],
    });
    const index = buildOrgIndex(org);
    expect(index.roots).toEqual(['ceo', 'x', 'self', 'l1']);
    expect(getReports(index, 'l1')).toEqual(['l2']);
    expect(getReports(index, 'l2')).toEqual(['l3']);
    expect(getManagerId(index, 'l1')).toBeNull();
    expect(getChain(index, 'l3')).toEqual(['l2', 'l1']);
  });
});

describe('updateOrgIndex', () => {
  it('follows a changeManager with reports in O(changed)', () => {
    const org = createTestOrg();
    const index = buildOrgIndex(org);
    const r = applyOps(org, [{ type: 'changeManager', personId: 'em2', managerId: 'vp2' }]);
    if (!r.ok) throw new Error(r.error.message);
    const next = updateOrgIndex(index, r.org, r.patches);
    expect(getReports(next, 'vp1')).toEqual(['em1']);
    expect(getReports(next, 'vp2')).toEqual(['em2', 'em3']);
    expect(next.version).toBe(1);
  });

  it('adopts records that named an added person as their manager', () => {
    const org = createTestOrg({ people: [{ id: 'orphan', managerId: 'new' }] });
    const index = buildOrgIndex(org);
    expect(index.roots).toContain('orphan');
    const r = applyOps(org, [{ type: 'addPerson', person: { id: 'new', managerId: 'ceo', status: 'open' } }]);
    if (!r.ok) throw new Error(r.error.message);
    const next = updateOrgIndex(index, r.org, r.patches);
    expect(next.roots).toEqual(['ceo']);
    expect(getReports(next, 'new')).toEqual(['orphan']);
    expect(snapshot(next)).toEqual(snapshot(buildOrgIndex(r.org)));
  });

  const ids = ['ceo', 'vp1', 'vp2', 'em1', 'em2', 'em3', 'a1', 'a2', 'a3', 'b1', 'b2', 'c1', 'n1', 'n2'];
  const opArb: fc.Arbitrary<OpInput> = fc.oneof(
    fc.record({
      type: fc.constant('changeManager' as const),
      personId: fc.constantFrom(...ids),
      managerId: fc.option(fc.constantFrom(...ids), { nil: null }),
      withReports: fc.boolean(),
    }),
    fc.record({ type: fc.constant('removePerson' as const), personId: fc.constantFrom(...ids) }),
    fc.record({
      type: fc.constant('addPerson' as const),
      person: fc.record({ id: fc.constantFrom('n1', 'n2'), managerId: fc.constantFrom(...ids) }),
    }),
    fc.record({
      type: fc.constant('updatePerson' as const),
      personId: fc.constantFrom(...ids),
      changes: fc.record({ level: fc.constantFrom('L3', 'L4', 'M5') }),
    }),
  );

  it('matches a full rebuild after any accepted sequence of ops', () => {
    fc.assert(
      fc.property(fc.array(fc.array(opArb, { minLength: 1, maxLength: 3 }), { maxLength: 8 }), (batches) => {
        let org: Org = createTestOrg();
        let index = buildOrgIndex(org);
        const sizesOf = (ix: typeof index) =>
          Object.fromEntries([...ix.byId.keys()].sort().map((id) => [id, getSubtreeSize(ix, id)]));
        sizesOf(index); // fill the size cache, so updates must keep it right
        for (const ops of batches) {
          const r = applyOps(org, ops);
          if (!r.ok) continue;
          index = updateOrgIndex(index, r.org, r.patches);
          org = r.org;
          const fresh = buildOrgIndex(org);
          expect(snapshot(index)).toEqual(snapshot(fresh));
          expect(sizesOf(index)).toEqual(sizesOf(fresh));
        }
      }),
      { numRuns: 200 },
    );
  });
});
