import { describe, expect, it } from 'vitest';
import {
  addQuarters,
  QuarterSchema,
  quarterEndDate,
  quarterFromNumber,
  quarterNumber,
  quarterOfDate,
} from './quarter';

describe('quarters', () => {
  it('reads the quarter of a date', () => {
    expect(quarterOfDate('2026-10-01')).toBe('2026-Q4');
    expect(quarterOfDate('2027-03-31')).toBe('2027-Q1');
    expect(quarterOfDate('2027-04-01')).toBe('2027-Q2');
  });

  it('adds quarters across years, both ways', () => {
    expect(addQuarters('2026-Q4', 1)).toBe('2027-Q1');
    expect(addQuarters('2027-Q1', -1)).toBe('2026-Q4');
    expect(addQuarters('2027-Q2', 7)).toBe('2029-Q1');
    expect(quarterFromNumber(quarterNumber('2031-Q3'))).toBe('2031-Q3');
    expect(quarterNumber('2027-Q1') - quarterNumber('2026-Q3')).toBe(2);
  });

  it('gives the last day of a quarter', () => {
    expect(quarterEndDate('2027-Q1')).toBe('2027-03-31');
    expect(quarterEndDate('2027-Q2')).toBe('2027-06-30');
    expect(quarterEndDate('2027-Q3')).toBe('2027-09-30');
    expect(quarterEndDate('2027-Q4')).toBe('2027-12-31');
  });

  it('refuses strings that are not YYYY-Qn', () => {
    expect(QuarterSchema.safeParse('2027-Q5').success).toBe(false);
    expect(QuarterSchema.safeParse('2027Q1').success).toBe(false);
    expect(Number.isNaN(quarterNumber('Q1-2027'))).toBe(true);
  });
});
