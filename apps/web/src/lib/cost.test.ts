import { describe, expect, it } from 'vitest';
import { COST_HIDDEN_TEXT, costCsvValue, formatMoney, getCostCell, getCostTotal, isRedacted } from './cost';

describe('formatMoney', () => {
  it('formats compact and full amounts with the currency, and unknown codes after the number', () => {
    expect(formatMoney(94_100_000, 'USD')).toBe('$94.1M');
    expect(formatMoney(950_000, 'GBP')).toBe('£950K');
    expect(formatMoney(142_000, 'USD', false)).toBe('$142,000');
    expect(formatMoney(94_100_000, 'XYZ')).toMatch(/94\.1M/);
  });
});

describe('getCostCell', () => {
  const usd = { currency: 'USD' };
  it('shows a number as money', () => {
    expect(getCostCell(120_000, usd)).toEqual({ kind: 'value', value: 120_000, text: '$120K' });
    expect(getCostCell(0, usd).text).toBe('$0');
  });
  it('says hidden for a null total next to redacted: true, never 0', () => {
    expect(getCostCell(null, { ...usd, redacted: true })).toEqual({ kind: 'hidden', text: COST_HIDDEN_TEXT });
    expect(getCostCell(undefined, { ...usd, redacted: true }).text).toBe('hidden');
  });
  it('says hidden when a redacted object still carries a number (never trusts it)', () => {
    expect(getCostCell(5, { ...usd, redacted: true }).kind).toBe('hidden');
  });
  it('says hidden for a missing person cost when the caller does not see every cost', () => {
    expect(getCostCell(undefined, { ...usd, missingIsHidden: true }).text).toBe('hidden');
  });
  it('shows a dash for a cost that is simply not recorded, and for NaN', () => {
    expect(getCostCell(undefined, usd)).toEqual({ kind: 'none', text: '—' });
    expect(getCostCell(Number.NaN, usd).text).toBe('—');
    expect(getCostCell(Number.NaN, { ...usd, missingIsHidden: true }).text).not.toMatch(/NaN|0/);
  });
});

describe('isRedacted', () => {
  it('reads the redacted flag of API objects', () => {
    expect(isRedacted({ cost: null, redacted: true })).toBe(true);
    expect(isRedacted({ cost: 3 })).toBe(false);
    expect(isRedacted(null)).toBe(false);
    expect(isRedacted(undefined)).toBe(false);
  });
});

describe('getCostTotal', () => {
  it('sums costs, and is null when some are hidden from this caller', () => {
    expect(getCostTotal([{ cost: 1 }, { cost: 2 }], false)).toBe(3);
    expect(getCostTotal([{ cost: 1 }, {}], false)).toBeNull();
    expect(getCostTotal([{ cost: 1 }, {}], true)).toBe(1);
    expect(getCostTotal([], false)).toBe(0);
  });
});

describe('costCsvValue', () => {
  it('writes numbers unformatted, hidden as the word, nothing as an empty cell', () => {
    expect(costCsvValue(120_000, {})).toBe(120_000);
    expect(costCsvValue(null, { redacted: true })).toBe('hidden');
    expect(costCsvValue(undefined, { missingIsHidden: true })).toBe('hidden');
    expect(costCsvValue(undefined, {})).toBeNull();
  });
});
