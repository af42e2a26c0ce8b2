import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IsoDateSchema, isCalendarDate } from './common';

describe('calendar dates (one type for the model and the API)', () => {
  it('refuses days a month does not have, and 29 February outside leap years', () => {
    expect(
      ['2026-02-28', '2024-02-29', '2000-02-29', '2026-12-31', '2026-04-30'].map(isCalendarDate),
    ).toEqual([true, true, true, true, true]);
    expect(
      [
        '2026-02-30',
        '2026-02-31',
        '2025-02-29',
        '1900-02-29',
        '2026-04-31',
        '2026-13-01',
        '2026-00-10',
        '2026-1-1',
      ].map(isCalendarDate),
    ).toEqual([false, false, false, false, false, false, false, false]);
    expect(IsoDateSchema.safeParse('2026-02-30').success).toBe(false);
  });

  it('accepts exactly the dates that round-trip through Date (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1900-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }),
        (d) => isCalendarDate(d.toISOString().slice(0, 10)),
      ),
    );
  });
});
