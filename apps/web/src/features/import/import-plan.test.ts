import { describe, expect, it } from 'vitest';
import { baseName, formatBytes, type InspectedFile, localToday, orgIdFor, planImport } from './import-plan';

const file = (name: string, kind: InspectedFile['kind'], reason?: string): InspectedFile => ({
  name,
  size: 10,
  kind,
  ...(reason ? { reason } : {}),
  headers: [],
  preview: [],
  rows: 0,
});

describe('what chosen files import as', () => {
  it('takes one HRIS CSV, a UK pair in either order, a senior file alone, or an org JSON', () => {
    expect(planImport([file('people.csv', 'hris-csv')])).toMatchObject({
      kind: 'hris',
      file: { name: 'people.csv' },
    });
    const pair = planImport([file('j.csv', 'uk-junior'), file('s.csv', 'uk-senior')]);
    expect(pair).toMatchObject({
      kind: 'uk-organogram',
      senior: { name: 's.csv' },
      junior: { name: 'j.csv' },
    });
    expect(planImport([file('s.csv', 'uk-senior')])).toEqual({
      kind: 'uk-organogram',
      senior: file('s.csv', 'uk-senior'),
      junior: undefined,
    });
    expect(planImport([file('org.json', 'org-json')]).kind).toBe('org-json');
  });

  it('says what is wrong with anything else', () => {
    const msg = (files: InspectedFile[]) => {
      const p = planImport(files);
      return p.kind === 'invalid' ? p.message : `not invalid: ${p.kind}`;
    };
    expect(msg([])).toMatch(/Choose one HRIS export \(CSV or JSON\)/);
    expect(msg([file('x.csv', 'unknown', 'x.csv: CSV headers not recognised')])).toBe(
      'x.csv: CSV headers not recognised',
    );
    expect(msg([file('j.csv', 'uk-junior')])).toMatch(/junior half .* add its senior file/);
    expect(msg([file('a.csv', 'hris-csv'), file('b.csv', 'hris-csv')])).toMatch(
      /hold 2 orgs \(a.csv, b.csv\)/,
    );
    expect(msg([file('a.csv', 'hris-csv'), file('j.csv', 'uk-junior')])).toMatch(/junior half/);
    expect(msg([file('s.csv', 'uk-senior'), file('j1.csv', 'uk-junior'), file('j2.csv', 'uk-junior')])).toBe(
      'Choose one junior file for the senior file.',
    );
    expect(msg([file('a.csv', 'hris-csv'), file('l.csv', 'ladder-csv')])).toMatch(/l.csv is a career ladder/);
    expect(msg([file('a.csv', 'hris-csv'), file('b.json', 'hris-json'), file('t.yaml', 'teams')])).toMatch(
      /hold 2 orgs \(a.csv, b.json\)/,
    );
  });

  it('reads HR records as JSON, a Backstage catalog and Team API files together (importAny)', () => {
    const catalog = file('org.yaml', 'backstage');
    const hr = file('people.csv', 'hris-csv');
    const teams = [file('a.md', 'teams'), file('b.yaml', 'teams')];
    expect(planImport([catalog, hr])).toMatchObject({
      kind: 'auto',
      mapped: hr,
      title: 'HRIS export + Backstage catalog',
    });
    expect(planImport(teams)).toMatchObject({ kind: 'auto', title: 'Team API (2 files)' });
    expect(planImport([file('w.json', 'hris-json')])).toMatchObject({ kind: 'auto', title: 'HR records' });
  });
});

describe('import helpers', () => {
  it('makes a free org id from a name', () => {
    expect(orgIdFor('GitLab team (Nov 2022)', new Set())).toBe('gitlab-team-nov-2022');
    expect(orgIdFor('Café Überall', new Set())).toBe('cafe-uberall');
    expect(orgIdFor('***', new Set())).toBe('org');
    expect(orgIdFor('Acme', new Set(['acme', 'acme-2']))).toBe('acme-3');
    expect(orgIdFor('x'.repeat(80), new Set())).toHaveLength(60);
  });

  it('formats sizes, names and dates', () => {
    expect([formatBytes(812), formatBytes(14_540), formatBytes(3_565_158)]).toEqual([
      '812 B',
      '14.2 KB',
      '3.4 MB',
    ]);
    expect(baseName('gitlab_team_members_2022-11.csv')).toBe('gitlab_team_members_2022-11');
    expect(baseName('people.export.csv')).toBe('people.export');
    expect(baseName('.csv')).toBe('.csv');
    expect(localToday(new Date(2013, 9, 1, 23, 30))).toBe('2013-10-01');
  });
});
