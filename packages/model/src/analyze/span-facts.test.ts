import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOrg } from '../schema/org';
import type { Person } from '../schema/person';
import { createAnalysisContext } from './context';
import { analyzeSpans } from './span';
import { getRecordColumns } from './span-facts';
import { dirtyPeopleArb, people } from './test-orgs';

function run(list: Person[]) {
  const ctx = createAnalysisContext(createOrg({ id: 'o', name: 'O', asOf: '2026-01-01', people: list }));
  return { managers: analyzeSpans(ctx), ctx };
}

describe('getRecordColumns', () => {
  it('is built once per graph index and holds flags, levels and totals', () => {
    const { ctx } = run(
      people(
        ['m', null, { level: 'M5', cost: 100 }],
        ['a', 'm', { level: 'L4', isAssistant: true, status: 'open' }],
        ['posts', 'm', { aggregate: true, fte: 2.5, cost: 50 }],
      ),
    );
    const columns = getRecordColumns(ctx.graph);
    expect(getRecordColumns(ctx.graph)).toBe(columns);
    expect(Array.from(columns.flags)).toEqual([4, 1, 2]);
    expect(Array.from(columns.asideCount)).toEqual([2, 0, 0]);
    expect(columns.levelIds).toEqual(['', 'M5', 'L4']);
    expect(Array.from(columns.levelIndex)).toEqual([1, 2, 0]);
    expect(columns.managerCount).toBe(1);
    expect(columns.totals).toMatchObject({ aggregates: 1, aggregateWeight: 3, headcount: 5 });
    expect(Array.from(columns.totals.headcountByStatus)).toEqual([1, 1, 0, 0]);
    expect(Array.from(columns.totals.costByStatus)).toEqual([150, 0, 0, 0]);
  });
});

describe('span of control properties', () => {
  it('agrees with a brute-force recomputation by id on any graph', () => {
    fc.assert(
      fc.property(dirtyPeopleArb, (list) => {
        const { managers } = run(list);
        const byId = new Map<string, Person>();
        for (const p of list) byId.set(p.id, p);
        const kept = [...byId.values()];
        const kids = (p: Person) => kept.filter((q) => q.managerId === p.id && q !== p);
        const isManager = (p: Person) => !p.aggregate && kids(p).length > 0;
        const w = (p: Person) => (p.aggregate ? Math.ceil(p.fte) : 1);
        const expected = kept.filter(isManager).map((p) => {
          const ks = kids(p);
          const managing = ks.filter(isManager);
          const role =
            managing.length === 0
              ? 'first-line'
              : managing.some((k) => kids(k).some(isManager))
                ? 'executive'
                : 'manager-of-managers';
          const aside = ks.filter((k) => !k.isAssistant);
          const countedSpan =
            role === 'first-line' ? aside.reduce((s, k) => s + w(k), 0) : aside.filter(isManager).length;
          const individuals = aside.filter((k) => !k.aggregate);
          const seniors = individuals.filter((k) => ['L4', 'L5', 'M5'].includes(k.level ?? ''));
          const targetKind =
            role === 'executive'
              ? 'executive'
              : role === 'manager-of-managers'
                ? 'manager-of-managers'
                : individuals.length > 0 && seniors.length * 2 >= individuals.length
                  ? 'experienced-senior'
                  : 'experienced-junior';
          const [min, max] = {
            executive: [3, 5],
            'manager-of-managers': [4, 6],
            'experienced-senior': [6, 8],
            'experienced-junior': [5, 6],
          }[targetKind];
          const single = aside.length === 1 && w(aside[0]) <= 1;
          const status =
            countedSpan >= 2 * max
              ? 'critical'
              : countedSpan > max
                ? 'over'
                : single
                  ? 'single'
                  : countedSpan < min
                    ? 'under'
                    : 'ok';
          return {
            id: p.id,
            role,
            directReports: ks.reduce((s, k) => s + w(k), 0),
            countedSpan,
            targetKind,
            status,
            estimated: ks.some((k) => k.aggregate),
            skip: ks.reduce((s, k) => s + kids(k).reduce((t, c) => t + w(c), 0), 0),
          };
        });
        expect(managers.map((m) => m.id).sort()).toEqual(expected.map((e) => e.id).sort());
        for (const e of expected) {
          const m = managers.find((x) => x.id === e.id)!;
          expect(m).toMatchObject({
            role: e.role,
            directReports: e.directReports,
            countedSpan: e.countedSpan,
            targetKind: e.targetKind,
            status: e.status,
            estimated: e.estimated,
          });
          expect(m.weeklyOneOnOneHours).toBe(
            e.estimated ? null : Math.round(((e.directReports * 30 + (e.skip * 30) / 4.33) / 60) * 100) / 100,
          );
          expect(m.weeklyOneOnOneHoursNote).toBe(e.estimated ? 'n/a, posts counted by FTE' : undefined);
        }
      }),
      { numRuns: 300 },
    );
  });
});
