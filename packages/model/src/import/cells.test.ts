import { describe, expect, it } from 'vitest';
import { parseAmount, parseBoolean, parseIsoDate, slugify } from './cells';

describe('parseAmount', () => {
  it.each([
    ['45000', 45000, undefined],
    ['£45,000', 45000, 'GBP'],
    ['$1,234.50', 1234.5, 'USD'],
    ['45 000 €', 45000, 'EUR'],
    ['USD 1200', 1200, 'USD'],
    ['1200 GBP', 1200, 'GBP'],
    ["1'000", 1000, undefined],
    ['50%', 0.5, undefined],
    ['.5', 0.5, undefined],
    ['-3', -3, undefined],
    ['1e3', 1000, undefined],
  ])('%s → %d %s', (raw, value, currency) => {
    const parsed = parseAmount(raw);
    expect(parsed).toEqual({ ok: true, value: currency ? { value, currency } : { value } });
  });

  it.each(['one', '1.2.3', '£', '12abc', 'N/D'])('refuses %s', (raw) => {
    expect(parseAmount(raw)).toEqual({ ok: false, message: `"${raw}" is not a number` });
  });
});

describe('parseIsoDate', () => {
  it('accepts ISO dates, slashes and date-times, padding month and day', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseIsoDate('2024/3/5')).toEqual({ ok: true, value: '2024-03-05' });
    expect(parseIsoDate('2024-03-05T10:00:00Z')).toEqual({ ok: true, value: '2024-03-05' });
  });

  it('refuses impossible and ambiguous dates', () => {
    expect(parseIsoDate('2023-02-29')).toEqual({
      ok: false,
      message: '"2023-02-29" is not a real calendar date',
    });
    expect(parseIsoDate('2024-13-01').ok).toBe(false);
    expect(parseIsoDate('03/04/2024')).toEqual({
      ok: false,
      message: '"03/04/2024" is not a date: expected YYYY-MM-DD',
    });
  });
});

describe('parseBoolean', () => {
  it('reads yes/no words in any case and refuses others', () => {
    expect(['Yes', 'TRUE', 'y', '1', 'x'].map((s) => parseBoolean(s))).toEqual(
      Array(5).fill({ ok: true, value: true }),
    );
    expect(['No', 'false', 'N', '0', ''].map((s) => parseBoolean(s))).toEqual(
      Array(5).fill({ ok: true, value: false }),
    );
    expect(parseBoolean('maybe')).toEqual({ ok: false, message: '"maybe" is not yes or no' });
  });
});

describe('slugify', () => {
  it('lower-cases, drops accents and joins words with one dash', () => {
    expect(slugify('R&D / Platform')).toBe('r-d-platform');
    expect(slugify('  Équipe Données ')).toBe('equipe-donnees');
    expect(slugify('Create:Source Code BE Team')).toBe('create-source-code-be-team');
    expect(slugify('£££')).toBe('');
  });
});
