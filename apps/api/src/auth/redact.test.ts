import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isCompensationKey, redactCompensation } from './redact';

describe('redactCompensation', () => {
  const doc = {
    people: [
      { id: 'a', managerId: null, status: 'active', cost: 100 },
      { id: 'b', managerId: 'a', status: 'active', cost: 200 },
    ],
    ops: [{ type: 'updatePerson', personId: 'b', changes: { cost: 300, title: 'x' } }],
    summary: { people: 2, cost: { total: 300, byStatus: { active: 300 } } },
    teams: [{ id: 't', kind: 'team', managerId: 'a', headcount: 2, cost: 300 }],
    plan: { replacementCostMonths: 6, hires: [{ level: 'L4', count: 1, cost: 90 }] },
  };

  it('keeps the people in scope, removes the others, and nulls totals with redacted: true', () => {
    const { value, hidden, shown } = redactCompensation(doc, new Set(['b']));
    expect(value).toEqual({
      people: [
        { id: 'a', managerId: null, status: 'active' },
        { id: 'b', managerId: 'a', status: 'active', cost: 200 },
      ],
      ops: [{ type: 'updatePerson', personId: 'b', changes: { cost: 300, title: 'x' } }],
      summary: { people: 2, cost: null, redacted: true },
      teams: [{ id: 't', kind: 'team', managerId: 'a', headcount: 2, cost: null, redacted: true }],
      plan: { replacementCostMonths: 6, hires: [{ level: 'L4', count: 1, cost: null, redacted: true }] },
    });
    expect({ hidden, shown }).toEqual({ hidden: 4, shown: 2 });
    expect(doc.people[0]?.cost).toBe(100); // the input is not changed
  });

  it('hides a plan budget and a simulated quarter’s budget, but not the shares of runs within it', () => {
    const sim = {
      plan: { budget: { annualCost: 5e6, byQuarter: { '2027-Q1': 4e6 } } },
      quarters: [{ quarter: '2027-Q1', budget: 4e6, pWithinBudget: 0.8 }],
      pWithinBudgetThroughout: 0.7,
    };
    expect(redactCompensation(sim, new Set()).value).toEqual({
      plan: { budget: null, redacted: true },
      quarters: [{ quarter: '2027-Q1', budget: null, redacted: true, pWithinBudget: 0.8 }],
      pWithinBudgetThroughout: 0.7,
    });
    expect(['budget', 'pWithinBudget', 'pWithinBudgetThroughout'].map(isCompensationKey)).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('changes nothing with scope all, and counts what it shows', () => {
    const result = redactCompensation(doc, 'all');
    expect(result.value).toBe(doc);
    expect(result.hidden).toBe(0);
    expect(result.shown).toBe(7);
  });

  it('leaves no number under a compensation key for an empty scope, however deep (property)', () => {
    const key = fc.constantFrom(
      'cost',
      'annualCost',
      'leaverCost',
      'name',
      'id',
      'personId',
      'x',
      'managerId',
    );
    const json = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.integer(),
        fc.string(),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(key, tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(json, (value) => {
        const out = redactCompensation(value, new Set()).value;
        const leaks: unknown[] = [];
        const walk = (v: unknown) => {
          if (Array.isArray(v)) v.forEach(walk);
          else if (v && typeof v === 'object')
            for (const [k, x] of Object.entries(v)) {
              if (isCompensationKey(k) && x !== null) leaks.push(x);
              else walk(x);
            }
        };
        walk(out);
        expect(leaks).toEqual([]);
      }),
    );
  });
});
