import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { describeWithData, readThirdParty } from '../../../../fixtures/third-party-tests';
import { getOrgGraph } from '../graph/org-graph';
import type { Org } from '../schema/org';
import type { ImportResult } from './result';
import { importUkOrganogram } from './uk-organogram';

const asOf = '2013-09-30';
const SENIOR_HEADER =
  ',Post Unique Reference,Name,Grade (or equivalent),Job Title,Unit,Reports to Senior Post,FTE,Actual Pay Floor (£),Actual Pay Ceiling (£),Organisation,Valid?';
const JUNIOR_HEADER =
  ',Unit,Reporting Senior Post,Grade,Payscale Minimum (£),Payscale Maximum (£),Generic Job Title,Number of Posts in FTE';

function ok(result: ImportResult<Org>): { org: Org; warnings: string[] } {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return { org: result.value, warnings: result.warnings.map((w) => w.message) };
}

describe('importUkOrganogram: small files', () => {
  const senior = [
    SENIOR_HEADER,
    '0,P1,Jo Perm,SCS4,Permanent Secretary,Office,XX,1,160000,164999,Dept of Examples,1',
    '1,P2,Vacant,SCS Pay Band 2,Director,Policy Unit,P1,1,0,0,Dept of Examples,1',
    '2,P3,N/D,scs1,Deputy Director,Policy Unit,p1,0.5,N/D,N/D,Dept of Examples,1',
    '3,P4,ELIMINATED,Grade 7 (London),Head,Policy Unit,,1,50000,59999,Dept of Examples,1',
  ].join('\n');
  const junior = [
    JUNIOR_HEADER,
    '0,Policy Unit,P2,Senior Executive Officer,30000,40000,Policy Adviser,2.5',
    '1,Policy Unit,,EO,0,25000,Assistant,1',
    '2,Policy Unit,P9,AfC band 7,20000,30000,Analyst,0.5',
  ].join('\n');

  it('maps senior posts to people with names, statuses, grades, managers, FTE and cost', () => {
    const { org } = ok(importUkOrganogram(senior, undefined, { asOf }));
    expect(org).toMatchObject({ id: 'dept-of-examples', name: 'Dept of Examples', currency: 'GBP' });
    expect(org.ladder.id).toBe('uk-civil-service');
    const [p1, p2, p3, p4] = org.people;
    expect(p1).toMatchObject({ id: 'P1', name: 'Jo Perm', level: 'SCS4', managerId: null, cost: 162499.5 });
    expect(p1.teamId).toBe('office');
    expect(p2).toMatchObject({
      id: 'P2',
      status: 'open',
      level: 'SCS2',
      managerId: 'P1',
      teamId: 'policy-unit',
    });
    expect(p2.name).toBeUndefined();
    expect(p2.cost).toBeUndefined(); // pay 0/0 is not a cost
    expect(p3).toMatchObject({ status: 'active', level: 'SCS1', managerId: 'p1', fte: 0.5 }); // case kept
    expect(p3.name).toBeUndefined();
    expect(p4).toMatchObject({ status: 'leaving', level: 'G7', managerId: null, cost: 54999.5 });
    expect(org.teams.map((t) => [t.id, t.kind])).toEqual([
      ['office', 'group'],
      ['policy-unit', 'group'],
    ]);
  });

  it('maps each junior row to an aggregate record, warning about rows with no senior post', () => {
    const { org, warnings } = ok(
      importUkOrganogram(senior, junior, { asOf, orgId: 'dox', name: 'DoX', juniorFileName: 'j.csv' }),
    );
    expect(org).toMatchObject({ id: 'dox', name: 'DoX' });
    const aggregates = org.people.filter((p) => p.aggregate);
    expect(aggregates.map((a) => [a.id, a.managerId, a.level, a.fte, a.cost])).toEqual([
      ['junior-1', 'P2', 'SEO', 2.5, 87500],
      ['junior-2', null, 'EO', 1, undefined],
      ['junior-3', 'P9', 'AfC band 7', 0.5, 12500],
    ]);
    expect(aggregates[0]).toMatchObject({ title: 'Policy Adviser', teamId: 'policy-unit' });
    expect(warnings).toEqual([
      '1 junior rows have no Reporting Senior Post (rows 3): they import with no manager',
    ]);
  });

  it('warns about unreadable numbers instead of failing, and fails only on a missing id', () => {
    const dirty = `${SENIOR_HEADER}\n0,P1,A,SCS1,T,U,XX,full,1,2,O,1\n`;
    const result = importUkOrganogram(dirty, undefined, { asOf, seniorFileName: 's.csv' });
    expect(result.ok && result.warnings).toEqual([
      { file: 's.csv', row: 2, column: 'FTE', message: '"full" is not a number; ignored' },
    ]);
    expect(result.ok && result.value.people[0].fte).toBe(1);
    const noId = importUkOrganogram(`${SENIOR_HEADER}\n0,,A,SCS1,T,U,XX,1,0,0,O,1\n`, undefined, { asOf });
    expect(noId.ok ? [] : noId.errors).toEqual([
      { row: 2, column: 'Post Unique Reference', message: 'missing Post Unique Reference' },
    ]);
    const notUk = importUkOrganogram('ID,Name\n1,A\n', 'a,b\n1,2\n', { asOf, juniorFileName: 'j.csv' });
    expect(notUk.ok ? [] : notUk.errors.map((e) => [e.file, e.message])).toEqual([
      [undefined, 'not a UK organogram senior file: no "Post Unique Reference" column'],
      [
        'j.csv',
        'not a UK organogram junior file: expected "Reporting Senior Post" and "Number of Posts in FTE" columns',
      ],
    ]);
  });
});

const read = (name: string) => readThirdParty(`uk_organograms/${name}`);

/** Sums a column of a CSV file, read independently of the importer (Papa's header mode). */
function sumColumn(text: string, header: string): number {
  const rows = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
  return rows.reduce((sum, r) => sum + Number(r[header]), 0);
}

function importPair(prefix: string) {
  const senior = read(`${prefix}-senior.csv`);
  const junior = read(`${prefix}-junior.csv`);
  return { senior, junior, ...ok(importUkOrganogram(senior, junior, { asOf })) };
}

describeWithData('importUkOrganogram: real data', () => {
  it('DH: 173 senior people and 976 aggregates, FTE totals equal to the files', () => {
    const { org, senior, junior } = importPair('011013-DH---Organogram');
    const people = org.people.filter((p) => !p.aggregate);
    const aggregates = org.people.filter((p) => p.aggregate);
    expect(people).toHaveLength(173);
    expect(aggregates).toHaveLength(976);
    const fte = (list: typeof people) => list.reduce((s, p) => s + p.fte, 0);
    expect(fte(people)).toBeCloseTo(sumColumn(senior, 'FTE'), 6);
    expect(fte(aggregates)).toBeCloseTo(sumColumn(junior, 'Number of Posts in FTE'), 6);
    expect(sumColumn(senior, 'FTE')).toBeCloseTo(169.26, 6);
    expect(sumColumn(junior, 'Number of Posts in FTE')).toBeCloseTo(1786.41, 6);
    expect(org.people[0]).toMatchObject({ id: 'ERD001', level: 'SCS4', managerId: null });
    expect(people.filter((p) => p.status === 'open')).toHaveLength(6); // "Vacant"
    expect(people.filter((p) => p.status === 'leaving')).toHaveLength(10); // "ELIMINATED"
    const g = getOrgGraph(org);
    expect([g.roots.length, g.dangling.length, g.duplicates.length]).toEqual([1, 0, 0]);
  });

  it('HEE: dirty data imports; 18 posts at the top, 3 duplicate ids, a case-mismatched manager id', () => {
    const { org, warnings } = importPair('Copy-of-HEE-organogram---September-2013-cleaned');
    const g = getOrgGraph(org);
    const people = org.people.filter((p) => !p.aggregate);
    expect(people).toHaveLength(346);
    // 18 senior posts report to "XX" (no manager).
    expect(people.filter((p) => p.managerId === null)).toHaveLength(18);
    // Job shares: 114P, 191P and SLHEE003 are each on two rows.
    expect(g.duplicates.map((d) => [d.id, d.rows.length])).toEqual([
      ['114P', 2],
      ['191P', 2],
      ['SLHEE003', 2],
    ]);
    // "EoE-HEE-001" differs only in case from the post "EOE-HEE-001": 6 senior and 6 junior rows.
    const danglingIds = g.dangling.map((i) => g.records[i]);
    expect(new Set(danglingIds.map((p) => p.managerId))).toEqual(new Set(['EoE-HEE-001']));
    expect(g.indexOf.has('EOE-HEE-001')).toBe(true);
    expect(danglingIds.filter((p) => !p.aggregate)).toHaveLength(6);
    expect(danglingIds.filter((p) => p.aggregate)).toHaveLength(6);
    // 194 junior rows have a blank reporting post: no manager, and one warning.
    const topJunior = org.people.filter((p) => p.aggregate && p.managerId === null);
    expect(topJunior).toHaveLength(194);
    expect(
      warnings.filter((w) => w.startsWith('194 junior rows have no Reporting Senior Post')),
    ).toHaveLength(1);
    // Roots of the graph: 18 + 194 with no manager, and 12 whose manager matches no record.
    expect(g.roots.length).toBe(224);
  });

  it('UK Space Agency: imports, numeric post ids and military-equivalent grades kept', () => {
    const { org, senior, junior } = importPair('UK-space-agency-September-2013-FINAL');
    expect(org.people.filter((p) => !p.aggregate)).toHaveLength(20);
    expect(org.people.filter((p) => p.aggregate)).toHaveLength(21);
    expect(org.people.reduce((s, p) => s + p.fte, 0)).toBeCloseTo(
      sumColumn(senior, 'FTE') + sumColumn(junior, 'Number of Posts in FTE'),
      6,
    );
    expect(org.people.find((p) => p.id === '3')).toMatchObject({ level: 'OF-6', managerId: '1' });
    expect(org.people.find((p) => p.title === 'Knowledge Information Management Manager')?.level).toBe('G7');
  });
});
