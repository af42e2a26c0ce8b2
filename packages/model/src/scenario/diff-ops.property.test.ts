import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOps } from '../ops/apply-ops';
import type { OpInput } from '../ops/op-schema';
import { createOrg, type Org } from '../schema/org';
import type { Person } from '../schema/person';
import { diffOrgs } from './diff-orgs';

/** 40 people in a tree (person i reports to (i-1)/3), in four teams. */
const BASE = createOrg({
  id: 'o',
  name: 'O',
  asOf: '2026-01-01',
  people: Array.from({ length: 40 }, (_, i) => ({
    id: `p${i}`,
    managerId: i === 0 ? null : `p${Math.floor((i - 1) / 3)}`,
    teamId: `t${i % 4}`,
    cost: 100 + i,
  })),
  teams: [0, 1, 2, 3].map((k) => ({ id: `t${k}`, name: `T${k}` })),
});

/** Random ops on ids of the base org; some are refused (then the batch is skipped). */
const arbOp: fc.Arbitrary<OpInput> = fc.oneof(
  fc
    .tuple(fc.nat({ max: 39 }), fc.nat({ max: 39 }))
    .map(([a, b]) => ({ type: 'changeManager', personId: `p${a}`, managerId: `p${b}` }) as OpInput),
  fc
    .tuple(fc.nat({ max: 39 }), fc.nat({ max: 3 }))
    .map(([a, t]) => ({ type: 'assignTeam', personId: `p${a}`, teamId: `t${t}` }) as OpInput),
  fc.nat({ max: 39 }).map((a) => ({ type: 'removePerson', personId: `p${a}` }) as OpInput),
  fc
    .tuple(fc.nat({ max: 999 }), fc.nat({ max: 39 }))
    .map(([k, m]) => ({ type: 'addPerson', person: { id: `n${k}`, managerId: `p${m}` } }) as OpInput),
  fc
    .tuple(fc.nat({ max: 39 }), fc.nat({ max: 300 }))
    .map(([a, c]) => ({ type: 'updatePerson', personId: `p${a}`, changes: { cost: c } }) as OpInput),
);

/** The reference: both sides in id maps, every field compared. */
function reference(before: Org, after: Org) {
  const b = new Map<string, Person>(before.people.map((p) => [p.id, p]));
  const a = new Map<string, Person>(after.people.map((p) => [p.id, p]));
  const both = [...b.keys()].filter((id) => a.has(id));
  return {
    added: [...a.keys()].filter((id) => !b.has(id)).sort(),
    removed: [...b.keys()].filter((id) => !a.has(id)).sort(),
    managerChanged: both.filter((id) => b.get(id)!.managerId !== a.get(id)!.managerId).sort(),
    teamChanged: both.filter((id) => b.get(id)!.teamId !== a.get(id)!.teamId).sort(),
    costChanged: both.filter((id) => b.get(id)!.cost !== a.get(id)!.cost).sort(),
  };
}

describe('diffOrgs after real ops', () => {
  it('agrees with an id-map reference on every change list', () => {
    fc.assert(
      fc.property(fc.array(arbOp, { maxLength: 25 }), (ops) => {
        const result = applyOps(BASE, ops);
        if (!result.ok) return; // a refused batch (a loop, a removed id): ~1 in 8 runs
        const d = diffOrgs(BASE, result.org);
        const ids = (list: Array<{ id: string }>) => list.map((x) => x.id).sort();
        expect({
          added: ids(d.people.added),
          removed: ids(d.people.removed),
          managerChanged: ids(d.people.managerChanged),
          teamChanged: ids(d.people.teamChanged),
          costChanged: ids(d.people.costChanged),
        }).toEqual(reference(BASE, result.org));
        const lost = d.byManager.flatMap((m) => m.lost).length;
        const gained = d.byManager.flatMap((m) => m.gained).length;
        // Every manager change and removal loses someone somewhere; every change and addition gains.
        expect(lost).toBe(
          d.people.managerChanged.filter((c) => c.from !== null).length +
            d.people.removed.filter((p) => p.managerId !== null).length,
        );
        expect(gained).toBe(
          d.people.managerChanged.filter((c) => c.to !== null).length +
            d.people.added.filter((p) => p.managerId !== null).length,
        );
      }),
      { numRuns: 300 },
    );
  });
});
