import { createOrg } from '@reorg/model';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  emptyRow,
  GRID_COLUMNS,
  type GridRow,
  getPlanOrgContext,
  getQuarterTotals,
  moveCell,
  normalizeQuarter,
  parseCost,
  parsePastedCells,
  pasteIntoRows,
  rowToHire,
  validateRow,
} from './plan-grid-model';

const org = createOrg({
  id: 'acme',
  name: 'Acme',
  asOf: '2025-01-01',
  people: [
    { id: 'grace', name: 'Grace Hopper', level: 'M5', managerId: null, teamId: 'core' },
    { id: 'e1', name: 'Edsger', level: 'L4', managerId: 'grace', teamId: 'core' },
  ],
  teams: [
    { id: 'core', name: 'Core Platform', managerId: 'grace' },
    { id: 'web', name: 'Web' },
  ],
});
const ctx = getPlanOrgContext(org);
const row = (cells: Partial<GridRow>, key = 'k'): GridRow => ({ ...emptyRow(key), ...cells });
const horizon = { startQuarter: '2025-Q2', quarters: 4 };

describe('validateRow', () => {
  it('accepts ids or names of team, level and manager, any case', () => {
    const r = row({
      team: 'core platform',
      level: 'l4',
      count: '2',
      quarter: 'Q3 2025',
      manager: 'Grace Hopper',
    });
    expect(validateRow(r, ctx, horizon)).toEqual({});
    expect(rowToHire(r, ctx)).toEqual({
      teamId: 'core',
      level: 'L4',
      count: 2,
      quarter: '2025-Q3',
      managerId: 'grace',
    });
  });

  it('names the unknown team, level and manager in the cell, and says what a count and a quarter must be', () => {
    const e = validateRow(
      row({ team: 'Mobile', level: 'L9', count: '0', quarter: '2025-Q5', manager: 'nobody', cost: 'lots' }),
      ctx,
      horizon,
    );
    expect(e.team).toBe('unknown team "Mobile"');
    expect(e.level).toMatch(/^unknown level "L9" \(the ladder has L3, /);
    expect(e.count).toBe('a whole number of hires, 1 or more');
    expect(e.quarter).toBe('"2025-Q5" is not a quarter such as 2027-Q1');
    expect(e.manager).toBe('unknown person "nobody"');
    expect(e.cost).toBe('"lots" is not an annual cost');
  });

  it('refuses quarters outside the horizon, naming its ends', () => {
    const before = validateRow(
      row({ team: 'web', level: 'L4', count: '1', quarter: '2025-Q1' }),
      ctx,
      horizon,
    );
    expect(before.quarter).toBe('2025-Q1 is before the plan starts (2025-Q2)');
    const after = validateRow(
      row({ team: 'web', level: 'L4', count: '1', quarter: '2026-Q2' }),
      ctx,
      horizon,
    );
    expect(after.quarter).toBe("2026-Q2 is after the plan's last quarter (2026-Q1)");
  });

  it('has nothing to say about a blank row, which is no hire', () => {
    expect(validateRow(emptyRow('b'), ctx, horizon)).toEqual({});
    expect(rowToHire(emptyRow('b'), ctx)).toBeUndefined();
  });
});

describe('cell parsing', () => {
  it('reads quarters written several ways', () => {
    expect(['2027-Q3', '2027 q3', 'Q3 2027', 'q3-2027', '2027Q3'].map(normalizeQuarter)).toEqual(
      Array(5).fill('2027-Q3'),
    );
    expect(normalizeQuarter('2027-Q0')).toBeUndefined();
  });

  it('reads costs with separators, currency and k/m suffixes', () => {
    expect(parseCost('120,000')).toBe(120000);
    expect(parseCost('$120k')).toBe(120000);
    expect(parseCost('95 000 EUR')).toBe(95000);
    expect(parseCost('1.2m')).toBe(1200000);
    expect(parseCost('-5')).toBeUndefined();
  });
});

describe('paste from a spreadsheet', () => {
  let n = 0;
  const key = () => `new${++n}`;

  it('parses tab-separated lines, quoted cells with tabs and line breaks as one cell, CRLF', () => {
    expect(parsePastedCells('web\tL4\t2\r\ncore\t"L\t5"\t1\r\n\r\n')).toEqual([
      ['web', 'L4', '2'],
      ['core', 'L\t5', '1'],
    ]);
  });

  it('fills columns from the cursor and adds rows at the end', () => {
    const rows = [row({ team: 'web' }, 'a')];
    const out = pasteIntoRows(
      rows,
      { row: 0, col: 1 },
      [
        ['L4', '2', '2025-Q3'],
        ['L5', '1', '2025-Q4'],
      ],
      key,
    );
    expect(out.map((r) => [r.team, r.level, r.count, r.quarter])).toEqual([
      ['web', 'L4', '2', '2025-Q3'],
      ['', 'L5', '1', '2025-Q4'],
    ]);
    expect(out[0]!.key).toBe('a');
    expect(rows[0]!.level).toBe(''); // the input is not changed
  });

  it('maps a header line by name, whatever the column order', () => {
    const cells = parsePastedCells('Quarter\tCount\tTeam\tLevel\tSalary\n2025-Q3\t3\tWeb\tL3\t90k\n');
    const out = pasteIntoRows([], { row: 0, col: 4 }, cells, key);
    expect(rowToHire(out[0]!, ctx)).toEqual({
      teamId: 'web',
      level: 'L3',
      count: 3,
      quarter: '2025-Q3',
      cost: 90000,
    });
  });

  it('drops cells beyond the last column', () => {
    const out = pasteIntoRows([], { row: 0, col: 6 }, [['Berlin', 'extra']], key);
    expect(out[0]!.location).toBe('Berlin');
    expect(Object.keys(out[0]!)).toEqual(['key', ...GRID_COLUMNS]);
  });
});

describe('getQuarterTotals', () => {
  it('adds hires and their cost per quarter over valid rows, counting hires with no cost apart', () => {
    const rows = [
      row({ team: 'web', level: 'L4', count: '2', quarter: '2025-Q2', cost: '100000' }, 'a'),
      row({ team: 'web', level: 'L3', count: '3', quarter: '2025-Q2' }, 'b'),
      row({ team: 'core', level: 'L5', count: '1', quarter: '2025-Q4', cost: '150k' }, 'c'),
      row({ team: 'nope', level: 'L5', count: '9', quarter: '2025-Q4' }, 'd'),
    ];
    expect(getQuarterTotals(rows, ctx, horizon)).toEqual([
      { quarter: '2025-Q2', hires: 5, cost: 200000, unpriced: 3 },
      { quarter: '2025-Q3', hires: 0, cost: 0, unpriced: 0 },
      { quarter: '2025-Q4', hires: 1, cost: 150000, unpriced: 0 },
      { quarter: '2026-Q1', hires: 0, cost: 0, unpriced: 0 },
    ]);
  });
});

describe('moveCell', () => {
  const size = { rows: 3, cols: 7 };
  it('moves like a spreadsheet: arrows clamp, Tab wraps, Enter goes down and asks for a row at the end', () => {
    expect(moveCell({ row: 0, col: 0 }, 'ArrowUp', false, size)).toEqual({ row: 0, col: 0 });
    expect(moveCell({ row: 0, col: 6 }, 'ArrowRight', false, size)).toEqual({ row: 0, col: 6 });
    expect(moveCell({ row: 0, col: 6 }, 'Tab', false, size)).toEqual({ row: 1, col: 0 });
    expect(moveCell({ row: 1, col: 0 }, 'Tab', true, size)).toEqual({ row: 0, col: 6 });
    expect(moveCell({ row: 2, col: 3 }, 'Enter', false, size)).toEqual({ row: 3, col: 3, add: true });
    expect(moveCell({ row: 2, col: 6 }, 'Tab', false, size)).toEqual({ row: 3, col: 0, add: true });
    expect(moveCell({ row: 2, col: 3 }, 'Enter', true, size)).toEqual({ row: 1, col: 3 });
  });

  it('never leaves the grid unless it asks for a new row (property)', () => {
    const keys = ['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Tab', 'Enter', 'a'];
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 9 }),
        fc.nat(),
        fc.nat(),
        fc.constantFrom(...keys),
        fc.boolean(),
        (rows, cols, r, c, key, shift) => {
          const next = moveCell({ row: r % rows, col: c % cols }, key, shift, { rows, cols });
          expect(next.col).toBeGreaterThanOrEqual(0);
          expect(next.col).toBeLessThan(cols);
          expect(next.row).toBeGreaterThanOrEqual(0);
          expect(next.row < rows || next.add === true).toBe(true);
        },
      ),
    );
  });
});
