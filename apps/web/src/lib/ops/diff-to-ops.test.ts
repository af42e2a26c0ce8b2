import { applyOps, type Op, type OpInput, type Org } from '@reorg/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createTestOrg } from '../../test/orgs';
import { diffToOps } from './diff-to-ops';

/** An org's people and teams by id with sorted keys: equal when the records are, whatever the order. */
function canonical(org: Org) {
  const sortKeys = (o: object) => JSON.stringify(o, Object.keys(o).sort());
  return {
    people: org.people.map(sortKeys).sort(),
    teams: org.teams.map(sortKeys).sort(),
  };
}

function apply(org: Org, ops: Op[]): Org {
  const r = applyOps(org, ops);
  if (!r.ok) throw new Error(`op ${r.error.opIndex} refused: ${r.error.message}`);
  return r.org;
}

describe('diffToOps', () => {
  it('undoes a move with reports by moving the person back', () => {
    const before = createTestOrg();
    const after = apply(before, [
      { type: 'changeManager', personId: 'em2', managerId: 'vp2', withReports: true },
    ]);
    expect(diffToOps(after, before)).toEqual([
      { type: 'changeManager', personId: 'em2', managerId: 'vp1', withReports: true },
    ]);
  });

  it('undoes a removal: adds the person back, returns their reports and their team', () => {
    const before = createTestOrg();
    const after = apply(before, [{ type: 'removePerson', personId: 'em1' }]);
    const undo = diffToOps(after, before);
    expect(undo.map((op) => op.type)).toEqual([
      'addPerson',
      'changeManager',
      'changeManager',
      'changeManager',
      'changeManager',
      'assignTeam',
      'updateTeam',
    ]);
    expect(canonical(apply(after, undo))).toEqual(canonical(before));
  });

  it('orders moves so that no intermediate state loops (a manager and report swap places)', () => {
    const before = createTestOrg();
    const after = apply(before, [
      { type: 'changeManager', personId: 'em1', managerId: 'ceo', withReports: false },
      { type: 'changeManager', personId: 'vp1', managerId: 'em1', withReports: true },
    ]);
    const undo = diffToOps(after, before);
    expect(canonical(apply(after, undo))).toEqual(canonical(before));
  });

  const ids = ['ceo', 'vp1', 'vp2', 'em1', 'em2', 'em3', 'a1', 'a2', 'a3', 'b1', 'b2', 'c1', 'n1'];
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
      person: fc.record({
        id: fc.constant('n1'),
        managerId: fc.constantFrom(...ids),
        status: fc.constant('open' as const),
        teamId: fc.constantFrom('t1', 't2'),
        dottedManagerIds: fc.constantFrom<string[][]>([], ['ceo']),
      }),
    }),
    fc.record({
      type: fc.constant('updatePerson' as const),
      personId: fc.constantFrom(...ids),
      changes: fc.record({ level: fc.constantFrom('L3', 'L4', 'M5'), title: fc.constantFrom(null, 'Lead') }),
    }),
    fc.record({
      type: fc.constant('moveTeam' as const),
      teamId: fc.constantFrom('t1', 't2', 't3'),
      managerId: fc.constantFrom(...ids),
    }),
  );

  it('inverts any accepted batch, with or without the touched ids (property)', () => {
    fc.assert(
      fc.property(fc.array(opArb, { minLength: 1, maxLength: 6 }), (ops) => {
        const before = createTestOrg();
        const r = applyOps(before, ops);
        if (!r.ok) return true;
        const touched = new Set<string>();
        for (const p of r.patches) {
          if (p.path[0] === 'people' && typeof p.path[1] === 'number') {
            const a = before.people[p.path[1]];
            const b = r.org.people[p.path[1]];
            if (a) touched.add(a.id);
            if (b) touched.add(b.id);
          }
        }
        const full = diffToOps(r.org, before);
        expect(canonical(apply(r.org, full))).toEqual(canonical(before));
        const reshaped = r.patches.some((p) => p.path.length === 1 && p.path[0] === 'people');
        if (!reshaped)
          expect(canonical(apply(r.org, diffToOps(r.org, before, touched)))).toEqual(canonical(before));
        return true;
      }),
      { numRuns: 300 },
    );
  });
});
