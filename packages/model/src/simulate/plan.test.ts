import { describe, expect, it } from 'vitest';
import { createHeadcountPlan, parseHeadcountPlan } from './plan';

describe('HeadcountPlanSchema', () => {
  it('fills the documented defaults', () => {
    const plan = createHeadcountPlan({ attrition: { annualRate: 0.12 } });
    expect(plan).toEqual({
      quarters: 8,
      hires: [],
      attrition: { annualRate: 0.12 },
      timeToHireQuarters: 1,
      rampUpQuarters: 1,
      backfill: { enabled: true, delayQuarters: 0 },
    });
    expect(plan.startQuarter).toBeUndefined();
    expect(plan.replacementCostMonths).toBeUndefined();
  });

  it('requires the attrition rate: it is a stated assumption', () => {
    const result = parseHeadcountPlan({ hires: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.path)).toEqual(['attrition']);
  });

  it('names the path of every bad field', () => {
    const result = parseHeadcountPlan({
      attrition: { annualRate: 1.5, byLevel: { L3: -0.1 } },
      hires: [
        { teamId: 'a', level: 'L3', count: 2, quarter: '2027-Q1' },
        { teamId: 'b', level: 'L4', count: 0, quarter: '2027-Q9' },
      ],
      backfill: { delayQuarters: -1 },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((i) => i.path).sort()).toEqual([
        'attrition.annualRate',
        'attrition.byLevel.L3',
        'backfill.delayQuarters',
        'hires.1.count',
        'hires.1.quarter',
      ]);
      expect(result.issues.find((i) => i.path === 'hires.1.quarter')?.message).toMatch(/2027-Q1/);
    }
  });

  it('keeps optional fields as written', () => {
    const result = parseHeadcountPlan({
      startQuarter: '2027-Q3',
      attrition: { annualRate: 0.1, byLevel: { L3: 0.2 } },
      hires: [{ teamId: 'a', level: 'L3', count: 2, quarter: '2027-Q3', cost: 150_000 }],
      replacementCostMonths: 12,
      backfill: { enabled: false },
    });
    expect(result.ok && result.plan.startQuarter).toBe('2027-Q3');
    expect(result.ok && result.plan.hires[0].cost).toBe(150_000);
    expect(result.ok && result.plan.backfill).toEqual({ enabled: false, delayQuarters: 0 });
    expect(result.ok && result.plan.replacementCostMonths).toBe(12);
  });
});
