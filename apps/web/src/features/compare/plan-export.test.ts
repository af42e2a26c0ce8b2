import { createHeadcountPlan, type SimulationQuarter } from '@reorg/model';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { fillPlansWorkbook, type PlanExport, plansToCsv, sheetName } from './plan-export';

const band = (p50: number) => ({ p10: p50 - 1, p50, p90: p50 + 1, mean: p50 });
function quarter(
  q: string,
  extra: Partial<SimulationQuarter> & { redacted?: boolean } = {},
): SimulationQuarter {
  return {
    quarter: q,
    headcount: band(100),
    productiveFte: band(95),
    cost: band(1e6),
    attritionCost: band(1e4),
    leavers: band(3),
    hires: band(4),
    managersNeeded: band(12),
    newManagerReqs: band(1),
    spanOver: band(0),
    spanUnder: band(0),
    busiestManagerHours: band(5),
    top5ManagerHours: band(4),
    ...extra,
  } as SimulationQuarter;
}
const plan = createHeadcountPlan({
  name: 'Grow',
  startQuarter: '2027-Q1',
  quarters: 2,
  attrition: { annualRate: 0.15 },
  hires: [{ teamId: 'web', level: 'L4', count: 2, quarter: '2027-Q1' }],
  budget: { annualCost: 1.1e6 },
});
const grow: PlanExport = {
  name: '=Grow',
  on: 'Baseline (Acme)',
  currency: 'USD',
  plan,
  quarters: [quarter('2027-Q1', { budget: 1.1e6, pWithinBudget: 0.8 }), quarter('2027-Q2')],
};

describe('plan exports', () => {
  it('writes a CSV row per plan and quarter, formula-safe, hidden costs as "hidden"', () => {
    const hidden: PlanExport = {
      ...grow,
      name: 'Hidden',
      quarters: [quarter('2027-Q1', { cost: { p10: null, p50: null, p90: null } as never, redacted: true })],
    };
    const lines = plansToCsv([grow, hidden]).trim().split(/\r?\n/);
    expect(lines[0]).toBe(
      'Plan,Simulated on,Currency,Quarter,Headcount p10,Headcount p50,Headcount p90,Annual cost p10,Annual cost p50,Annual cost p90,Hires p50,Leavers p50,Productive FTE p50,Managers needed p50,New manager reqs p50,Budget,P(within budget),Headcount target,P(at headcount target)',
    );
    expect(lines[1]).toBe(
      "'=Grow,Baseline (Acme),USD,2027-Q1,99,100,101,999999,1000000,1000001,4,3,95,12,1,1100000,0.8,,",
    );
    expect(lines[3]).toContain('Hidden,Baseline (Acme),USD,2027-Q1,99,100,101,hidden,hidden,hidden');
    expect(lines).toHaveLength(4);
  });

  it('names sheets as Excel allows, unique', () => {
    const taken = new Set<string>();
    expect(sheetName('Plan: 2027/28 [draft]', taken)).toBe('Plan  2027 28  draft');
    expect(sheetName('A'.repeat(40), taken)).toBe('A'.repeat(31));
    expect(sheetName('a'.repeat(40), taken)).toBe(`${'a'.repeat(29)} 2`);
  });

  it('makes one sheet per plan with its assumptions, hires and quarters, read back from the xlsx', async () => {
    const book = new ExcelJS.Workbook();
    fillPlansWorkbook(book, [grow, { ...grow, name: 'Second' }]);
    const read = new ExcelJS.Workbook();
    await read.xlsx.load(await book.xlsx.writeBuffer());
    expect(read.worksheets.map((w) => w.name)).toEqual(['=Grow', 'Second']);
    const sheet = read.worksheets[0]!;
    const values = sheet.getSheetValues().map((r) => (Array.isArray(r) ? r.slice(1) : r));
    expect(values[1]).toEqual(['Plan', '=Grow']);
    expect(sheet.getCell('A1').type).toBe(ExcelJS.ValueType.String);
    expect(sheet.getCell('B1').type).toBe(ExcelJS.ValueType.String); // text, never a formula
    expect(values).toContainEqual(['Annual attrition', 0.15]);
    expect(values).toContainEqual(['Annual cost budget', 1.1e6]);
    expect(values).toContainEqual(['web', 'L4', 2, '2027-Q1', '', 'rate card', '']);
    const last = values.at(-1) as unknown[];
    expect(last.slice(0, 3)).toEqual(['2027-Q2', 99, 100]);
  });
});
