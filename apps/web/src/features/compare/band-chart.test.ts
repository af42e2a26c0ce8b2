import type { SimulationResult } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import {
  type BandSeries,
  bandAreaPath,
  getBandPoints,
  getBandScales,
  getLimitPoints,
  isCostHidden,
  limitPath,
  linePath,
  previousQuarter,
  quarterDomain,
  seriesColor,
} from './band-chart';

const band = (p10: number, p50: number, p90: number) => ({ p10, p50, p90, mean: p50 });

/** A two-quarter simulation: 100 people at the start, then 98–100–104 and 95–101–110. */
function result(): SimulationResult {
  const quarter = (q: string, hc: ReturnType<typeof band>, cost: ReturnType<typeof band>) =>
    ({ quarter: q, headcount: hc, cost }) as unknown as SimulationResult['quarters'][number];
  return {
    start: { headcount: 100, cost: 1_000_000, openReqs: 0, plannedHires: 0, firstLineManagers: 10 },
    quarters: [
      quarter('2027-Q1', band(98, 100, 104), band(9e5, 1e6, 1.1e6)),
      quarter('2027-Q2', band(95, 101, 110), band(8e5, 1e6, 1.2e6)),
    ],
  } as unknown as SimulationResult;
}

const frame = { width: 400, height: 200, margin: { top: 10, right: 10, bottom: 30, left: 50 } };

describe('band chart helpers', () => {
  it('steps back one quarter, across a year', () => {
    expect(previousQuarter('2027-Q1')).toBe('2026-Q4');
    expect(previousQuarter('2027-Q3')).toBe('2027-Q2');
    expect(previousQuarter('junk')).toBe('junk');
  });

  it('leads the bands with the starting point, which has no spread', () => {
    expect(getBandPoints(result(), 'headcount')).toEqual([
      { quarter: '2026-Q4', p10: 100, p50: 100, p90: 100 },
      { quarter: '2027-Q1', p10: 98, p50: 100, p90: 104 },
      { quarter: '2027-Q2', p10: 95, p50: 101, p90: 110 },
    ]);
    expect(getBandPoints(result(), 'cost')[0]).toEqual({ quarter: '2026-Q4', p10: 1e6, p50: 1e6, p90: 1e6 });
  });

  it('takes the union of the quarters of every series, in time order', () => {
    const a: BandSeries = {
      id: 'a',
      label: 'A',
      color: '#000',
      points: getBandPoints(result(), 'headcount'),
    };
    const b: BandSeries = {
      ...a,
      id: 'b',
      points: [{ quarter: '2027-Q3', p10: 1, p50: 2, p90: 3 }, ...a.points],
    };
    expect(quarterDomain([b, a])).toEqual(['2026-Q4', '2027-Q1', '2027-Q2', '2027-Q3']);
  });

  it('scales quarters evenly inside the margins and covers p10–p90 with nice ticks', () => {
    const s: BandSeries = {
      id: 'a',
      label: 'A',
      color: '#000',
      points: getBandPoints(result(), 'headcount'),
    };
    const { x, y } = getBandScales([s], frame);
    // 3 points, padding 0.25 each side: step = 340 / (2 + 0.5) = 136, first at 50 + 34.
    expect(x('2026-Q4')).toBeCloseTo(84);
    expect(x('2027-Q2')).toBeCloseTo(356);
    const [lo, hi] = y.domain() as [number, number];
    expect(lo).toBeLessThanOrEqual(95);
    expect(hi).toBeGreaterThanOrEqual(110);
    expect(lo).toBeGreaterThan(80);
    expect(y(lo)).toBe(170);
    expect(y(hi)).toBe(10);
  });

  it('keeps a flat series visible and never goes below zero for non-negative data', () => {
    const flat: BandSeries = {
      id: 'f',
      label: 'F',
      color: '#000',
      points: [{ quarter: '2027-Q1', p10: 0, p50: 0, p90: 0 }],
    };
    const [lo, hi] = getBandScales([flat], frame).y.domain() as [number, number];
    expect(lo).toBe(0);
    expect(hi).toBeGreaterThan(0);
  });

  it('draws the band outline along p90 then back along p10, and the p50 line', () => {
    const points = [
      { quarter: 'a', p10: 1, p50: 2, p90: 3 },
      { quarter: 'b', p10: 2, p50: 4, p90: 6 },
      { quarter: 'gone', p10: 0, p50: 0, p90: 0 },
    ];
    const x = (q: string) => ({ a: 0, b: 10 })[q as 'a' | 'b'];
    const y = (v: number) => 100 - v * 10;
    expect(bandAreaPath(points, x, y)).toBe('M0,70L10,40L10,80L0,90Z');
    expect(linePath(points, x, y)).toBe('M0,80L10,60');
    expect(linePath(points, x, y, 'p90')).toBe('M0,70L10,40');
    expect(bandAreaPath([], x, y)).toBe('');
  });

  it('cycles through its colors', () => {
    expect(seriesColor(0)).toBe('#2f55d4');
    expect(seriesColor(6)).toBe(seriesColor(0));
  });
});

describe('isCostHidden', () => {
  it('reads redacted cost bands and gives them no points', () => {
    const r = result();
    expect(isCostHidden(r)).toBe(false);
    const hidden = result();
    Object.assign(hidden.start, { cost: null, redacted: true });
    for (const q of hidden.quarters) Object.assign(q, { cost: null, redacted: true });
    expect(isCostHidden(hidden)).toBe(true);
    expect(getBandPoints(hidden, 'cost')).toEqual([]);
    expect(getBandPoints(hidden, 'headcount')).toHaveLength(3);
  });
});

describe('budget and target lines', () => {
  it('reads each quarter’s budget and headcount target, and nothing the server hid', () => {
    const r = result();
    Object.assign(r.quarters[0]!, { budget: 1.05e6, headcountTarget: 102 });
    Object.assign(r.quarters[1]!, { budget: null, redacted: true, headcountTarget: 105 });
    expect(getLimitPoints(r, 'cost')).toEqual([{ quarter: '2027-Q1', value: 1.05e6 }]);
    expect(getLimitPoints(r, 'headcount')).toEqual([
      { quarter: '2027-Q1', value: 102 },
      { quarter: '2027-Q2', value: 105 },
    ]);
  });

  it('widens the y scale to hold a limit above every band, and draws it as flat steps', () => {
    const series: BandSeries = {
      id: 'p',
      label: 'P',
      color: '#000',
      points: getBandPoints(result(), 'headcount'),
      limit: [
        { quarter: '2027-Q1', value: 130 },
        { quarter: '2027-Q2', value: 140 },
      ],
    };
    const { x, y } = getBandScales([series], frame);
    expect(y.domain()[1]).toBeGreaterThanOrEqual(140);
    const d = limitPath(series.limit!, x, y);
    const half = x.step() / 2;
    const at = (q: string, v: number) =>
      [x(q)! - half, x(q)! + half].map((px) => `${Math.round(px * 10) / 10},${Math.round(y(v) * 10) / 10}`);
    expect(d).toBe(`M${at('2027-Q1', 130).join('L')}L${at('2027-Q2', 140).join('L')}`);
  });
});
