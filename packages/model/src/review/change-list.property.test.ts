import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOp } from '../ops/apply-ops';
import { opsFor, orgArb } from '../ops/op-arbitraries';
import type { OpInput } from '../ops/op-schema';
import type { Org } from '../schema/org';
import { getManagerAnnouncements } from './announcements';
import { getChangeList } from './change-list';
import { rebaseOps } from './rebase';

/** A random org, and the org after a random sequence of ops (the refused ones skipped). */
const beforeAfter = orgArb.chain((org) =>
  opsFor(org, 20).map((ops) => {
    let after: Org = org;
    const applied: OpInput[] = [];
    for (const op of ops) {
      const r = applyOp(after, op as OpInput);
      if (r.ok) {
        after = r.org;
        applied.push(op as OpInput);
      }
    }
    return { before: org, after, applied };
  }),
);

const fields = (p: Org['people'][number]) => [
  p.managerId,
  p.teamId,
  p.level ?? null,
  p.title ?? null,
  p.status,
];

describe('change list: properties', () => {
  it('lists exactly the individuals whose manager, team, level, title or status differ, once each', () => {
    fc.assert(
      fc.property(beforeAfter, ({ before, after }) => {
        const rows = getChangeList(before, after, '2026-01-01');
        const listed = new Set(rows.map((r) => r.personId));
        expect(listed.size).toBe(rows.length);
        // An id used twice counts as its later record (graph.duplicate_id).
        const old = new Map(before.people.map((p) => [p.id, p]));
        const now = new Map(after.people.map((p) => [p.id, p]));
        for (const id of new Set([...old.keys(), ...now.keys()])) {
          const a = old.get(id);
          const b = now.get(id);
          // A record that turns into an aggregate (or back) is a change of kind, not of the
          // compared fields: the property leaves it to the unit tests.
          if (a && b && a.aggregate !== b.aggregate) continue;
          const individual = !(a?.aggregate ?? b?.aggregate);
          const differs = !a || !b || JSON.stringify(fields(a)) !== JSON.stringify(fields(b));
          expect(listed.has(id), id).toBe(individual && differs);
        }
        // Every move shows once as joining its new manager and once as leaving the old one.
        const announcements = getManagerAnnouncements(rows);
        const moves = rows.filter((r) => (r.before?.managerId ?? null) !== (r.after?.managerId ?? null));
        const joins = announcements.reduce((n, a) => n + a.joining.length, 0);
        const leaves = announcements.reduce((n, a) => n + a.leaving.length, 0);
        expect(joins).toBe(moves.filter((r) => r.after?.managerId).length);
        expect(leaves).toBe(moves.filter((r) => r.before?.managerId).length);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('rebasing ops onto the org they were made on keeps them all, with no conflict', () => {
    fc.assert(
      fc.property(beforeAfter, ({ before, after, applied }) => {
        const result = rebaseOps(before, applied as never);
        expect(result.conflicts).toEqual([]);
        expect(result.kept).toHaveLength(applied.length);
        expect(result.org).toStrictEqual(after);
      }),
      { numRuns: 200 },
    );
  }, 60_000);
});
