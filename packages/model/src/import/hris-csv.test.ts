import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { describeWithData, readThirdParty } from '../../../../fixtures/third-party-tests';
import { getOrgGraph } from '../graph/org-graph';
import type { Org } from '../schema/org';
import { importHrisCsv } from './hris-csv';
import type { ImportResult } from './result';

const asOf = '2024-01-31';

function ok(result: ImportResult<Org>): { org: Org; warnings: string[] } {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return { org: result.value, warnings: result.warnings.map((w) => w.message) };
}

const byId = (org: Org, id: string) => org.people.find((p) => p.id === id)!;

describe('importHrisCsv: columns and cells', () => {
  const csv = [
    'Employee #,First Name,Last Name,Work Email,Job Title,Supervisor ID,Grade,Team,Dept,Salary (£),FTE,Status,Start Date,Is Assistant,Dotted Line Manager IDs',
    'e1,Ada,Lovelace,ada@x.org,CTO,,M7,,Engineering,"£150,000",1,Active,2019-03-01,no,',
    'e2,Grace,Hopper,grace@x.org,EM,e1,M5,Core,Engineering,"£95,500.50",1,employed,2020-05-04,,',
    'e3,Alan,Turing,alan@x.org,Engineer,e2,L4,Core,Engineering,£70000,50%,Active,2021-06-01,,e1; e2',
    'e4,Pat,Assistant,pat@x.org,EA,e1,,,Engineering,,0.8,active,,yes,',
    'req-1,,,,Engineer,e2,L3,Core,Engineering,,1,Open req,,,',
  ].join('\n');

  it('reads every field of a typical export, with hand-checked values', () => {
    const { org, warnings } = ok(importHrisCsv(csv, { orgId: 'acme', name: 'Acme', asOf }));
    expect(warnings).toEqual([]);
    expect(org).toMatchObject({ id: 'acme', name: 'Acme', asOf, currency: 'GBP' });
    expect(org.people.map((p) => p.id)).toEqual(['e1', 'e2', 'e3', 'e4', 'req-1']);
    expect(byId(org, 'e1')).toMatchObject({
      name: 'Ada Lovelace',
      email: 'ada@x.org',
      title: 'CTO',
      managerId: null,
      level: 'M7',
      cost: 150000,
      startDate: '2019-03-01',
      teamId: 'engineering',
      isAssistant: false,
    });
    expect(byId(org, 'e2')).toMatchObject({ managerId: 'e1', cost: 95500.5, teamId: 'core' });
    expect(byId(org, 'e3')).toMatchObject({ fte: 0.5, dottedManagerIds: ['e1', 'e2'] });
    expect(byId(org, 'e4')).toMatchObject({ isAssistant: true, fte: 0.8, teamId: 'engineering' });
    expect(byId(org, 'req-1')).toMatchObject({ status: 'open', managerId: 'e2' });
    expect(byId(org, 'req-1').name).toBeUndefined();
    expect(org.teams).toEqual([
      expect.objectContaining({ id: 'core', name: 'Core', kind: 'team', parentId: 'engineering' }),
      expect.objectContaining({ id: 'engineering', name: 'Engineering', kind: 'group', parentId: null }),
    ]);
  });

  it('uses the given currency and ladder, and the mapping over auto-matching', () => {
    const text = 'ID,Boss,Reports To\na,,\nb,a,x\n';
    const { org } = ok(importHrisCsv(text, { asOf, currency: 'EUR', mapping: { manager: 'Boss' } }));
    expect(org.currency).toBe('EUR');
    expect(byId(org, 'b').managerId).toBe('a');
  });
});

describe('importHrisCsv: manager resolution', () => {
  const csv = [
    'ID,Name,Email,Manager',
    '1,Dana Boss,dana@x.org,',
    '2,Sam Lee,sam@x.org,DANA@X.ORG',
    '3,Sam Lee,sam2@x.org,dana  boss',
    '4,Kim,kim@x.org,Sam Lee',
    '5,Lou,lou@x.org,1',
    '6,Max,max@x.org,nobody-99',
  ].join('\n');

  it('resolves by id, then email (any case), then a unique name; others stay as written', () => {
    const { org, warnings } = ok(importHrisCsv(csv, { asOf, fileName: 'people.csv' }));
    expect(org.people.map((p) => p.managerId)).toEqual([null, '1', '1', 'Sam Lee', '1', 'nobody-99']);
    expect(warnings).toEqual(['manager "Sam Lee" matches 2 people by name (2, 3); left unresolved']);
    // Unresolved and ambiguous values become dangling managers in the graph.
    expect(getOrgGraph(org).dangling.map((i) => getOrgGraph(org).records[i].id)).toEqual(['4', '6']);
  });

  it('prefers an id over an email or name that happen to equal it', () => {
    const text = 'ID,Name,Manager ID\nAda,Bob,\nBob,Ada,Ada\n';
    const { org } = ok(importHrisCsv(text, { asOf }));
    expect(byId(org, 'Bob').managerId).toBe('Ada');
  });

  it('falls back to the manager email column when the manager id is blank', () => {
    const text = 'ID,Email,Manager ID,Manager Email\na,a@x.org,,\nb,b@x.org,,A@x.org\n';
    const { org } = ok(importHrisCsv(text, { asOf }));
    expect(byId(org, 'b').managerId).toBe('a');
  });
});

describe('importHrisCsv: errors', () => {
  it('lists every bad cell with its spreadsheet row and column, and imports nothing (dates are never errors)', () => {
    const csv = [
      'Person ID,Manager ID,FTE,Annual Cost,Start Date,Status',
      'a,,1,100,2020-01-01,active',
      ',a,1,100,2020-01-01,active',
      'c,a,one,100,2020-02-30,gone',
      'd,a,1,-5,01/02/2020,active',
    ].join('\n');
    const result = importHrisCsv(csv, { asOf, fileName: 'hr.csv' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      { file: 'hr.csv', row: 3, column: 'Person ID', message: 'missing employee id' },
      { file: 'hr.csv', row: 4, column: 'FTE', message: '"one" is not a number' },
      {
        file: 'hr.csv',
        row: 4,
        column: 'Status',
        message:
          'unknown status "gone": expected one of active, employed, open, vacancy, vacant, req, planned, future, offer, leaving, notice, terminated (left out)',
      },
      {
        file: 'hr.csv',
        row: 5,
        column: 'Annual Cost',
        message: 'annual cost must not be negative (got "-5")',
      },
    ]);
  });

  it('counts rows as a spreadsheet does: blank lines and multi-line cells', () => {
    const csv = 'ID,Title,FTE\na,"two\nlines",1\n\nb,x,bad\n';
    const result = importHrisCsv(csv, { asOf });
    expect(result.ok ? [] : result.errors).toEqual([
      { row: 4, column: 'FTE', message: '"bad" is not a number' },
    ]);
  });

  it('refuses a file without an id column, a mapping to a missing column, and a bad asOf', () => {
    const noId = importHrisCsv('Name,Manager\nA,\n', { asOf });
    expect(noId.ok ? '' : noId.errors[0].message).toMatch(/^no employee id column/);
    const badMap = importHrisCsv('ID\na\n', { asOf, mapping: { manager: 'Boss' } });
    expect(badMap.ok ? '' : badMap.errors[0].message).toBe(
      'the mapping names column "Boss" for manager, but the file has no such column',
    );
    const badDate = importHrisCsv('ID\na\n', { asOf: '31/01/2024' });
    expect(badDate.ok ? '' : badDate.errors[0].message).toBe('asOf "31/01/2024" is not a date as YYYY-MM-DD');
  });

  it('refuses costs in another currency than the org', () => {
    const csv = 'ID,Salary,Currency\na,100,GBP\nb,200,EUR\n';
    const result = importHrisCsv(csv, { asOf, currency: 'GBP' });
    expect(result.ok ? [] : result.errors).toEqual([
      {
        row: 3,
        column: 'Currency',
        message: "cost is in EUR but the org's currency is GBP: costs are not converted",
      },
    ]);
  });

  it('caps the error list at 200 and says how many more there were', () => {
    const rows = Array.from({ length: 250 }, (_, i) => `p${i},x`);
    const result = importHrisCsv(['ID,FTE', ...rows].join('\n'), { asOf });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(201);
    expect(result.errors[200].message).toBe('…and 50 more errors (250 in all)');
  });
});

describe('importHrisCsv: nothing half-imported (property)', () => {
  const row = fc.record({
    id: fc.constantFrom('', 'a', 'b', 'c', 'd'),
    manager: fc.constantFrom('', 'a', 'b', 'zz'),
    fte: fc.constantFrom('', '1', '0.5', 'bad'),
  });

  it('fails exactly when some cell is bad, and otherwise keeps every row in order', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 8 }), (all) => {
        const text = ['ID,Manager ID,FTE', ...all.map((r) => `${r.id},${r.manager},${r.fte}`)].join('\n');
        const result = importHrisCsv(text, { asOf });
        const rows = all.filter((r) => r.id || r.manager || r.fte); // blank rows are skipped
        const bad = rows.filter((r) => r.id === '').length + rows.filter((r) => r.fte === 'bad').length;
        if (bad > 0) return !result.ok && result.errors.length === bad;
        return (
          result.ok &&
          result.value.people.map((p) => p.id).join() === rows.map((r) => r.id).join() &&
          result.value.people.every((p, i) => p.managerId === (rows[i].manager || null))
        );
      }),
    );
  });
});

describeWithData('importHrisCsv: GitLab team page (real data)', () => {
  let org: Org;
  let warnings: string[];
  beforeAll(() => {
    const text = readThirdParty('gitlab/gitlab_team_members_2022-11.csv');
    ({ org, warnings } = ok(importHrisCsv(text, { orgId: 'gitlab', name: 'GitLab', asOf: '2022-11-11' })));
  });

  it('imports 1,336 people and 32 vacancies (open)', () => {
    expect(org.people).toHaveLength(1368);
    expect(org.people.filter((p) => p.status === 'open')).toHaveLength(32);
    expect(org.people[0]).toMatchObject({ id: '3mm4', managerId: 'hailey-p', teamId: 'smb' });
  });

  it('leaves 450 managers unresolved: the 453 `unresolved` rows minus 3 reporting to a vacancy', () => {
    // The file's `resolution` column marks 451 people and 2 vacancies `unresolved` because it only
    // resolves against person files; 3 people report to the vacancy
    // `backend-engineering-manager-sec-dynamic-analysis`, which this import resolves.
    const g = getOrgGraph(org);
    expect(g.dangling).toHaveLength(450);
    expect(
      org.people.filter((p) => p.managerId === 'backend-engineering-manager-sec-dynamic-analysis'),
    ).toHaveLength(3);
    expect(g.duplicates).toEqual([]);
  });

  it('makes teams from the last `departments` segment under groups from the first', () => {
    const geo = org.people.find((p) => p.id === 'aakriti.gupta')!;
    expect(geo.teamId).toBe('geo-be-team');
    const team = org.teams.find((t) => t.id === 'geo-be-team')!;
    // "Engineering Function" is also a team in two rows (e.g. lilymai's `departments` is just that),
    // so the group's id takes the `-group` suffix.
    expect(team).toMatchObject({ kind: 'team', parentId: 'engineering-function-group' });
    expect(org.teams.find((t) => t.id === 'engineering-function-group')).toMatchObject({ kind: 'group' });
    expect(org.teams.find((t) => t.id === 'engineering-function')).toMatchObject({ kind: 'team' });
    expect(warnings.every((w) => w.startsWith('team "'))).toBe(true);
  });
});
