import { describe, expect, it } from 'vitest';
import { bandsToCsv, compareTableToCsv, csvCell, toCsv } from './compare-csv';
import type { CompareTable } from './compare-rows';

describe('csv cells', () => {
  it('writes numbers as they are, and nothing for null or non-finite numbers', () => {
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
    expect(csvCell(Number.NaN)).toBe('');
  });

  it('defuses text a spreadsheet would run as a formula', () => {
    expect(csvCell('=SUM(A1:A9)')).toBe("'=SUM(A1:A9)");
    expect(csvCell('+1 555')).toBe("'+1 555");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@cmd')).toBe("'@cmd");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('quotes commas, quotes, line breaks and edge spaces (RFC 4180)', () => {
    expect(csvCell('Payments, Risk')).toBe('"Payments, Risk"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    // A leading space is defused (a spreadsheet may trim it and read what follows as a formula).
    expect(csvCell(' pad')).toBe("' pad");
    expect(csvCell('pad ')).toBe('"pad "');
    expect(csvCell('=1,2')).toBe('"\'=1,2"');
  });

  it('joins rows with CRLF', () => {
    expect(
      toCsv([
        ['a', 1],
        [null, '=x'],
      ]),
    ).toBe("a,1\r\n,'=x\r\n");
  });
});

describe('compareTableToCsv', () => {
  const table: CompareTable = {
    currency: 'USD',
    columns: [
      { id: 'org', name: 'Baseline', kind: 'baseline' },
      { id: 's1', name: '=HYPERLINK("x")', kind: 'scenario' },
    ],
    groups: [
      {
        title: 'Headcount and cost',
        rows: [
          {
            key: 'people',
            label: 'Headcount',
            format: 'count',
            better: null,
            values: [10, 12],
            deltas: [null, 2],
          },
          {
            key: 'cost',
            label: 'Annual cost',
            format: 'money',
            better: null,
            values: [1000, 900],
            deltas: [null, -100],
          },
        ],
      },
      {
        title: 'Disruption against the baseline',
        rows: [
          {
            key: 'share',
            label: 'Share of the org affected',
            format: 'share',
            better: null,
            values: [null, 0.25],
            deltas: [null, null],
          },
        ],
      },
    ],
    spans: {
      buckets: ['1', '2-3', '4-5', '6-8', '9-12', '13+'],
      byColumn: [
        [1, 0, 2, 0, 0, 0],
        [0, 1, 2, 0, 0, 0],
      ],
    },
    layers: {
      byColumn: [
        [
          { layer: 1, people: 1, managers: 1 },
          { layer: 2, people: 9, managers: 2 },
        ],
        [{ layer: 1, people: 1, managers: 1 }],
      ],
      maxLayer: 2,
    },
  };

  it('writes one row per metric with raw numbers and deltas, then spans and layers; names are defused', () => {
    expect(compareTableToCsv(table).split('\r\n')).toEqual([
      `Group,Metric,Baseline,"'=HYPERLINK(""x"")","Δ =HYPERLINK(""x"")"`,
      'Headcount and cost,Headcount,10,12,2',
      'Headcount and cost,Annual cost (USD),1000,900,-100',
      'Disruption against the baseline,Share of the org affected,,0.25,',
      'Span distribution,Managers with 1 direct report,1,0,-1',
      'Span distribution,Managers with 2-3 direct reports,0,1,1',
      'Span distribution,Managers with 4-5 direct reports,2,2,0',
      'Span distribution,Managers with 6-8 direct reports,0,0,0',
      'Span distribution,Managers with 9-12 direct reports,0,0,0',
      'Span distribution,Managers with 13+ direct reports,0,0,0',
      'Layers,People in layer 1,1,1,0',
      'Layers,People in layer 2,9,0,-9',
      '',
    ]);
  });
});

describe('bandsToCsv', () => {
  it('writes one row per plan, metric and quarter', () => {
    const bands = {
      id: 'p',
      label: 'Freeze',
      color: '#000',
      points: [{ quarter: '2027-Q1', p10: 1, p50: 2, p90: 3 }],
    };
    expect(bandsToCsv([{ label: 'Freeze', on: 'Baseline', metric: 'Headcount', bands }])).toBe(
      'Plan,Simulated on,Metric,Quarter,p10,p50,p90\r\nFreeze,Baseline,Headcount,2027-Q1,1,2,3\r\n',
    );
  });
});

describe('bandsToCsv with hidden cost', () => {
  it('writes one "hidden" row for a redacted series', () => {
    const csv = bandsToCsv([
      {
        label: 'P',
        on: 'Base',
        metric: 'Annual cost (USD)',
        bands: { id: 'p', label: 'P', color: '#000', points: [] },
        hidden: true,
      },
    ]);
    expect(csv.split('\r\n')[1]).toBe('P,Base,Annual cost (USD),,hidden,hidden,hidden');
  });
});
