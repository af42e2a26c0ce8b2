import { analyzeOrg, createOrg } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { createTestOrg } from '../../test/orgs';
import { csvCell, orgToCsv } from './org-csv';

describe('csvCell', () => {
  it('neutralises formulas and quotes what needs quoting', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tx')).toBe("'\tx");
    expect(csvCell('Reyes, Dana')).toBe('"Reyes, Dana"');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(undefined)).toBe('');
  });
});

describe('orgToCsv', () => {
  it('writes one row per person with manager and team names and span columns', () => {
    const org = createTestOrg();
    const csv = orgToCsv(org, analyzeOrg(org));
    const lines = csv.trimEnd().split('\r\n');
    expect(lines).toHaveLength(org.people.length + 1);
    expect(lines[0].startsWith('Employee ID,Name,Title,Email,Level,Manager ID,Manager Name')).toBe(true);
    expect(lines[4]).toBe(
      'em1,Name em1,Title em1,em1@example.com,M5,vp1,Name vp1,t1,Checkout,stream-aligned,active,1,,,,,3,under,1.5',
    );
  });

  it('escapes a name that is a formula', () => {
    const org = createOrg({
      id: 'o',
      name: 'O',
      asOf: '2026-01-01',
      people: [{ id: 'x', name: '=cmd|calc' }],
    });
    expect(orgToCsv(org).split('\r\n')[1].startsWith("x,'=cmd|calc,")).toBe(true);
  });
});

describe('orgToCsv with compensation hidden', () => {
  it('writes "hidden" for a cost the caller may not see, the number for one they may', () => {
    const org = createOrg({
      id: 'o',
      name: 'O',
      asOf: '2026-01-01',
      people: [
        { id: 'a', name: 'A', cost: 100 },
        { id: 'b', name: 'B', managerId: 'a' },
      ],
    });
    const cost = (csv: string, k: number) => csv.split('\r\n')[k]!.split(',')[15];
    const hidden = orgToCsv(org, null, { seesAllCompensation: false });
    expect(cost(hidden, 1)).toBe('100');
    expect(cost(hidden, 2)).toBe('hidden');
    expect(cost(orgToCsv(org), 2)).toBe('');
  });
});
