import { createHeadcountPlan, createOrg, parseHeadcountPlan } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import {
  draftFromPlan,
  draftToPlan,
  firstQuarterAfter,
  getAssumptionDefaults,
  newPlanDraft,
} from './plan-draft';
import { emptyRow } from './plan-grid-model';

const org = createOrg({
  id: 'acme',
  name: 'Acme',
  asOf: '2025-05-20',
  people: [{ id: 'grace', name: 'Grace', level: 'M5', managerId: null, teamId: 'web' }],
  teams: [{ id: 'web', name: 'Web', managerId: 'grace' }],
});

describe('plan drafts', () => {
  it('starts a new plan the quarter after the as-of date, with no attrition stated', () => {
    expect(firstQuarterAfter('2025-05-20')).toBe('2025-Q3');
    expect(firstQuarterAfter('2025-12-31')).toBe('2026-Q1');
    const draft = newPlanDraft(org);
    expect(draft.startQuarter).toBe('2025-Q3');
    const result = draftToPlan(draft, org);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.fields.map((f) => f.field)).toEqual(['attrition']);
  });

  it('turns typed fields into a valid plan: percents as rates, ids resolved, blank rows dropped', () => {
    const draft = {
      ...newPlanDraft(org, 'Grow web'),
      attrition: '12.5',
      attritionByLevel: [{ key: 'a3', level: 'l3', rate: '20%' }],
      budget: '$2.5m',
      headcountTarget: '12',
      rows: [
        { ...emptyRow('a'), team: 'Web', level: 'L4', count: '2', quarter: 'Q4 2025', manager: 'Grace' },
        emptyRow('b'),
      ],
    };
    const result = draftToPlan(draft, org);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan).toMatchObject({
      name: 'Grow web',
      startQuarter: '2025-Q3',
      quarters: 8,
      attrition: { annualRate: 0.125, byLevel: { L3: 0.2 } },
      hires: [{ teamId: 'web', level: 'L4', count: 2, quarter: '2025-Q4', managerId: 'grace' }],
      budget: { annualCost: 2_500_000 },
      headcountTarget: { count: 12 },
      backfill: { enabled: true, delayQuarters: 0 },
    });
    expect(parseHeadcountPlan(result.plan).ok).toBe(true);
  });

  it('gives every cell error by row key and saves nothing', () => {
    const draft = {
      ...newPlanDraft(org),
      attrition: '10',
      rows: [{ ...emptyRow('x'), team: 'Mobile', level: 'L4', count: '1', quarter: '2025-Q3' }],
    };
    const result = draftToPlan(draft, org);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.cells.get('x')).toEqual({ team: 'unknown team "Mobile"' });
  });

  it('round-trips a saved plan and keeps what the editor does not show', () => {
    const plan = createHeadcountPlan({
      startQuarter: '2025-Q3',
      quarters: 4,
      attrition: { annualRate: 0.15 },
      hires: [{ teamId: 'web', level: 'L4', count: 1, quarter: '2025-Q4', cost: 90000, location: 'Berlin' }],
      promotions: { byLevel: { L3: 0.2 } },
      budget: { annualCost: 1e6, byQuarter: { '2025-Q4': 9e5 } },
      replacementCostMonths: 12,
    });
    const result = draftToPlan(draftFromPlan(plan, 'P', org), org, plan);
    expect(result.ok).toBe(true);
    if (result.ok) expect(createHeadcountPlan(result.plan)).toEqual({ ...plan, name: 'P' });
  });

  it('writes promotion rates for the manager bench, and names a level listed twice', () => {
    const draft = {
      ...newPlanDraft(org),
      attrition: '10',
      promotionsByLevel: [{ key: 'p', level: 'L3', rate: '25' }],
      intoManagement: [
        { key: 'm1', level: 'L5', rate: '8' },
        { key: 'm2', level: 'l5', rate: '9' },
      ],
    };
    const refused = draftToPlan(draft, org);
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.fields).toEqual([{ field: 'intoManagement.1', message: 'L5 is listed twice' }]);
    const ok = draftToPlan({ ...draft, intoManagement: draft.intoManagement.slice(0, 1) }, org);
    expect(ok.ok && ok.plan.promotions).toEqual({ byLevel: { L3: 0.25 }, intoManagement: { L5: 0.08 } });
  });

  it('shows each default with its source', () => {
    const d = getAssumptionDefaults(org);
    expect(d.replacementCostMonths).toEqual({
      value: '9 months',
      source: 'the org’s policy, default 9 (EL26: a leaver costs 6–18 months of salary)',
    });
    expect(d.attrition.value).toBe('none');
  });
});
