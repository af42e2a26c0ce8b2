import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOrg, type Org } from '../schema/org';
import type { PersonInput } from '../schema/person';
import { diffOrgs } from './diff-orgs';

/** A random forest: person i reports to some j < i (or nobody), in one of three teams. */
const arbPeople = fc.array(
  fc.record({ mgr: fc.nat(), team: fc.nat({ max: 3 }), cost: fc.nat({ max: 500 }) }),
  {
    minLength: 1,
    maxLength: 30,
  },
);
const TEAMS = ['t0', 't1', 't2'].map((id) => ({ id, name: id.toUpperCase() }));

function toOrg(rows: Array<{ mgr: number; team: number; cost: number }>, prefix = 'p'): Org {
  const people: PersonInput[] = rows.map((r, i) => ({
    id: `${prefix}${i}`,
    managerId: i === 0 || r.mgr % (i + 1) === i ? null : `${prefix}${r.mgr % i}`,
    teamId: r.team === 3 ? null : `t${r.team}`,
    cost: r.cost,
  }));
  return createOrg({ id: 'o', name: 'O', asOf: '2026-01-01', people, teams: TEAMS });
}

describe('diffOrgs: properties', () => {
  it('counts exactly the people whose manager or team differs, and the share stays in 0..1', () => {
    fc.assert(
      fc.property(arbPeople, arbPeople, (x, y) => {
        const before = toOrg(x);
        const after = toOrg(y);
        const d = diffOrgs(before, after);
        const n = Math.min(x.length, y.length);
        let mgr = 0;
        let team = 0;
        let affected = 0;
        for (let i = 0; i < n; i++) {
          const p = before.people[i];
          const q = after.people[i];
          if (p.managerId !== q.managerId) mgr++;
          if (p.teamId !== q.teamId) team++;
          if (p.managerId !== q.managerId || p.teamId !== q.teamId) affected++;
        }
        expect(d.disruption.managerChanged).toBe(mgr);
        expect(d.disruption.teamChanged).toBe(team);
        expect(d.disruption.affected).toBe(affected);
        expect(d.disruption.share).toBeGreaterThanOrEqual(0);
        expect(d.disruption.share).toBeLessThanOrEqual(1);
        expect(d.people.added.length).toBe(Math.max(0, y.length - x.length));
        expect(d.people.removed.length).toBe(Math.max(0, x.length - y.length));
        expect(d.totals.costDelta).toBe(
          y.reduce((s, r) => s + r.cost, 0) - x.reduce((s, r) => s + r.cost, 0),
        );
      }),
    );
  });

  it('is antisymmetric: what before→after adds, after→before removes, and moves reverse', () => {
    fc.assert(
      fc.property(arbPeople, arbPeople, (x, y) => {
        const before = toOrg(x);
        const after = toOrg(y);
        const there = diffOrgs(before, after);
        const back = diffOrgs(after, before);
        expect(back.people.removed.map((p) => p.id)).toEqual(there.people.added.map((p) => p.id));
        expect(back.people.added.map((p) => p.id)).toEqual(there.people.removed.map((p) => p.id));
        expect(back.people.managerChanged.map((c) => [c.id, c.to, c.from])).toEqual(
          there.people.managerChanged.map((c) => [c.id, c.from, c.to]),
        );
        const gained = (d: typeof there) =>
          d.byManager.flatMap((m) => m.gained.map((id) => `${m.managerId}<${id}`));
        const lost = (d: typeof there) =>
          d.byManager.flatMap((m) => m.lost.map((id) => `${m.managerId}<${id}`));
        expect(gained(back).sort()).toEqual(lost(there).sort());
      }),
    );
  });

  it('finds nothing between an org and a copy of itself', () => {
    fc.assert(
      fc.property(arbPeople, (x) => {
        const d = diffOrgs(toOrg(x), toOrg(x));
        expect(d.disruption.affected).toBe(0);
        expect(d.byManager).toEqual([]);
        expect(d.people.costChanged).toEqual([]);
      }),
    );
  });

  it('pairs each record that repeats an id with one record of that id, the nearest in the list', () => {
    const people = [{ id: 'a' }, { id: 'b', managerId: 'a' }, { id: 'b', managerId: null }];
    const before = createOrg({ id: 'o', name: 'O', asOf: '2026-01-01', people });
    const after = createOrg({
      id: 'o',
      name: 'O',
      asOf: '2026-01-01',
      people: [
        { id: 'b', managerId: null },
        { id: 'a' },
        { id: 'b', managerId: 'a', level: 'L4' },
        { id: 'b' },
      ],
    });
    const d = diffOrgs(before, after);
    expect(d.totals).toMatchObject({ recordsBefore: 3, recordsAfter: 4 });
    expect(d.people.added.map((p) => p.id)).toEqual(['b']);
    expect(d.people.removed).toEqual([]);
    expect(d.people.managerChanged).toEqual([]);
    expect(d.people.levelChanged).toEqual([{ id: 'b', from: null, to: 'L4' }]);
    // Read backwards, the extra b is removed.
    expect(diffOrgs(after, before).people.removed.map((p) => p.id)).toEqual(['b']);
  });
});
