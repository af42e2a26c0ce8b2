import { describe, expect, it } from 'vitest';
import {
  parseRateCardCsv,
  type RateRow,
  rateCardToRows,
  rowsToRateCard,
  validateRateRows,
} from './rate-card-model';

let n = 0;
const key = () => `k${++n}`;
const LEVELS = ['L3', 'L4', 'M5'];
const row = (level: string, location: string, cost: string): RateRow => ({
  key: key(),
  level,
  location,
  cost,
});

describe('rate card rows', () => {
  it('turns rows into a card: levels as the ladder spells them, costs parsed, blank rows dropped', () => {
    const rows = [row('l4', '', '120,000'), row('L4', 'Berlin', '95k'), row('', '', '')];
    expect(rowsToRateCard(rows, LEVELS, ' Finance 2027 ')).toEqual({
      source: 'Finance 2027',
      rates: [
        { level: 'L4', annualCost: 120000 },
        { level: 'L4', location: 'Berlin', annualCost: 95000 },
      ],
    });
    expect(
      rateCardToRows(rowsToRateCard(rows, LEVELS, ''), key).map((r) => [r.level, r.location, r.cost]),
    ).toEqual([
      ['L4', '', '120000'],
      ['L4', 'Berlin', '95000'],
    ]);
  });

  it('names unknown levels, bad costs and a second rate for one level and location', () => {
    const rows = [row('L9', '', 'lots'), row('L4', 'Berlin', '1'), row('l4', ' berlin', '2')];
    const errors = validateRateRows(rows, LEVELS);
    expect(errors.get(rows[0]!.key)).toEqual({
      level: 'unknown level "L9"',
      cost: '"lots" is not an annual cost',
    });
    expect(errors.get(rows[2]!.key)).toEqual({ location: 'a second rate for L4 at berlin (first on row 2)' });
    expect(rowsToRateCard(rows, LEVELS, '')).toBeUndefined();
  });
});

describe('rate card CSV', () => {
  it('reads level, location and annualCost by header name, in any order', () => {
    const parsed = parseRateCardCsv(
      '\uFEFFannualCost,Level,Location\r\n120000,L4,\r\n95000,L4,Berlin\r\n',
      key,
    );
    expect(parsed.ok).toBe(true);
    if (parsed.ok)
      expect(parsed.rows.map((r) => [r.level, r.location, r.cost])).toEqual([
        ['L4', '', '120000'],
        ['L4', 'Berlin', '95000'],
      ]);
  });

  it('says which column the header lacks, on row 1', () => {
    expect(parseRateCardCsv('level,location\nL4,Berlin\n', key)).toEqual({
      ok: false,
      problems: [
        { row: 1, column: 'annualCost', message: 'no "annualCost" (or "cost") column in the header' },
      ],
    });
    expect(parseRateCardCsv('', key)).toEqual({
      ok: false,
      problems: [{ row: 1, message: 'the file is empty' }],
    });
  });
});
