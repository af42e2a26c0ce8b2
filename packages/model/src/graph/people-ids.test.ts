import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOps } from '../ops/apply-ops';
import type { OpInput } from '../ops/op-schema';
import { createOrg, type Org } from '../schema/org';
import { getOrgGraph } from './org-graph';
import { carryPeopleIds, getPeopleIds } from './people-ids';

const org = createOrg({
  id: 'o',
  name: 'O',
  asOf: '2026-01-01',
  people: [
    { id: 'ceo', managerId: null },
    { id: 'a', managerId: 'ceo' },
    { id: 'b', managerId: 'ceo' },
    { id: 'a', managerId: 'b' }, // a duplicate: this later record is kept
    { id: 'c', managerId: 'a' },
  ],
});

/** Row and rows of every id, computed by hand from the array. */
function expected(people: Org['people'], id: string) {
  const rows = people.flatMap((p, row) => (p.id === id ? [row] : []));
  return { row: rows.at(-1) ?? -1, rows };
}

describe('people ids', () => {
  it('finds the kept row and every row of a duplicated id', () => {
    const ids = getPeopleIds(org.people);
    expect(ids.rowOf('a')).toBe(3);
    expect(ids.rowsOf('a')).toEqual([1, 3]);
    expect(ids.rowOf('c')).toBe(4);
    expect(ids.rowsOf('c')).toEqual([4]);
    expect(ids.rowOf('nobody')).toBe(-1);
    expect(ids.rowsOf('nobody')).toEqual([]);
  });

  it('reads the same off a built graph index', () => {
    const people = org.people.slice();
    getOrgGraph({ people });
    const ids = getPeopleIds(people);
    expect(ids.rowsOf('a')).toEqual([1, 3]);
    expect(ids.rowOf('b')).toBe(2);
  });

  it('carries over to an edited array with appended records', () => {
    const prev = org.people.slice();
    getPeopleIds(prev);
    const next = [...prev, { ...prev[0], id: 'new' }];
    carryPeopleIds(prev, next);
    const ids = getPeopleIds(next);
    expect(ids.rowOf('new')).toBe(5);
    expect(ids.rowsOf('a')).toEqual([1, 3]);
    expect(getPeopleIds(prev).rowOf('new')).toBe(-1);
  });

  it('agrees with the array after any accepted sequence of ops (property)', () => {
    const idArb = fc.constantFrom('ceo', 'a', 'b', 'c', 'n1', 'n2');
    const opArb: fc.Arbitrary<OpInput> = fc.oneof(
      fc.record({
        type: fc.constant('changeManager' as const),
        personId: idArb,
        managerId: idArb,
        withReports: fc.boolean(),
      }),
      fc.record({ type: fc.constant('removePerson' as const), personId: idArb }),
      fc.record({
        type: fc.constant('addPerson' as const),
        person: fc.record({ id: fc.constantFrom('n1', 'n2', 'n3'), managerId: idArb }),
      }),
      fc.record({
        type: fc.constant('updatePerson' as const),
        personId: idArb,
        changes: fc.record({ title: fc.constantFrom('Lead', 'Engineer') }),
      }),
    );
    fc.assert(
      fc.property(fc.array(fc.array(opArb, { minLength: 1, maxLength: 3 }), { maxLength: 8 }), (batches) => {
        let current: Org = { ...org, people: org.people.slice() };
        getPeopleIds(current.people);
        for (const ops of batches) {
          const r = applyOps(current, ops);
          if (!r.ok) continue;
          current = r.org;
          const ids = getPeopleIds(current.people);
          for (const id of ['ceo', 'a', 'b', 'c', 'n1', 'n2', 'n3']) {
            const want = expected(current.people, id);
            expect(ids.rowOf(id)).toBe(want.row);
            expect(ids.rowsOf(id)).toEqual(want.rows);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
