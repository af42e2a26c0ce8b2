import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeWithData, readThirdParty } from '../../../../fixtures/third-party-tests';
import { importUkOrganogram } from '../import/index';
import { createOrg } from '../schema/org';
import type { Person } from '../schema/person';
import { AnalysisReportSchema, SEVERITIES } from '../schema/report';
import { analyzeOrg } from './analyze-org';
import { dirtyPeopleArb, people } from './test-orgs';

const orgOf = (list: Person[]) =>
  createOrg({ id: 'acme', name: 'Acme', asOf: '2026-01-01', currency: 'GBP', people: list });

/** cto → 2 EMs of 6 seniors each, and a dirty corner: a loop, a dangling manager, a duplicate id. */
function dirtyOrg(): Person[] {
  const team = (em: string) =>
    Array.from({ length: 6 }, (_, k): [string, string, { level: string }] => [
      `${em}-${k + 1}`,
      em,
      { level: 'L4' },
    ]);
  return people(
    ['cto', null, { name: 'Cleo', level: 'M7' }],
    ['em1', 'cto', { level: 'M5' }],
    ['em2', 'cto', { level: 'M5' }],
    ...team('em1'),
    ...team('em2'),
    ['x', 'y'],
    ['y', 'x'],
    ['lost', 'Em1'],
    ['em1-1', 'em1', { level: 'L5' }],
  );
}

describe('analyzeOrg', () => {
  it('returns a valid report with the header, managers and summary of the org', () => {
    const report = analyzeOrg(orgOf(dirtyOrg()));
    expect(AnalysisReportSchema.parse(report)).toEqual(report);
    expect(report).toMatchObject({ orgId: 'acme', orgName: 'Acme', asOf: '2026-01-01', currency: 'GBP' });
    expect(report.managers.map((m) => [m.id, m.role, m.countedSpan, m.status])).toEqual([
      ['cto', 'manager-of-managers', 2, 'under'],
      ['em1', 'first-line', 6, 'ok'],
      ['em2', 'first-line', 6, 'ok'],
      ['x', 'executive', 1, 'single'],
      ['y', 'executive', 1, 'single'],
    ]);
    // 'lost' reports to a dangling id: a defect of its own, not a second head of the org.
    expect(report.summary).toMatchObject({ people: 18, managers: 5, ics: 13, roots: 1, maxLayer: 3 });
  });

  it('reports every dirty-data problem and still analyses the rest', () => {
    const codes = analyzeOrg(orgOf(dirtyOrg())).findings.map((f) => f.code);
    for (const code of ['graph.duplicate_id', 'graph.dangling_manager', 'graph.cycle', 'span.under'] as const)
      expect(codes).toContain(code);
    expect(codes).not.toContain('graph.multiple_roots');
  });

  it('sorts findings most severe first, keeping rule order within a severity', () => {
    const { findings } = analyzeOrg(orgOf(dirtyOrg()));
    const ranks = findings.map((f) => SEVERITIES.indexOf(f.severity));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(findings[0].code).toBe('graph.duplicate_id');
  });

  it('counts in the summary every finding of every rule (summarize runs last)', () => {
    fc.assert(
      fc.property(dirtyPeopleArb, (list) => {
        const report = analyzeOrg(orgOf(list));
        for (const s of SEVERITIES)
          expect(report.summary.findings[s]).toBe(report.findings.filter((f) => f.severity === s).length);
        expect(report.managers).toHaveLength(report.summary.managers);
        expect(report.managers.filter((m) => m.status !== 'ok')).toHaveLength(
          report.findings.filter((f) => f.code.startsWith('span.')).length,
        );
      }),
      { numRuns: 100 },
    );
  });

  it('measures tenure to options.asOf when given', () => {
    const list = people(
      ['m', null, { managerSince: '2025-06-01' }],
      ['a', 'm'],
      ['b', 'm'],
      ['c', 'm'],
      ['d', 'm'],
    );
    expect(analyzeOrg(orgOf(list)).managers[0].targetKind).toBe('new-manager');
    expect(analyzeOrg(orgOf(list), { asOf: '2026-06-01' }).managers[0].targetKind).toBe('experienced-junior');
  });
});

/** A UK organogram release (senior + junior CSV) from the shared real data, imported. */
function ukOrganogram(base: string) {
  const read = (kind: string) => readThirdParty(`uk_organograms/${base}-${kind}.csv`);
  const result = importUkOrganogram(read('senior'), read('junior'), { asOf: '2013-09-30' });
  if (!result.ok) throw new Error(JSON.stringify(result.errors.slice(0, 3)));
  return result.value;
}

describeWithData('analyzeOrg on real UK organograms', () => {
  it('reports the dirty HEE release: duplicate ids, a case-only near match, many roots', () => {
    const report = analyzeOrg(ukOrganogram('Copy-of-HEE-organogram---September-2013-cleaned'));
    expect(AnalysisReportSchema.safeParse(report).success).toBe(true);
    const dup = report.findings.find((f) => f.code === 'graph.duplicate_id' && f.subject.id === '114P');
    expect(dup?.message).toContain('row 172 (Medical Educator) and row 173 (Medical Educator)');
    const near = report.findings.find(
      (f) => f.code === 'graph.dangling_manager' && f.subject.id === 'EoE-HEE-002',
    );
    expect(near?.data).toMatchObject({ managerId: 'EoE-HEE-001', nearMatch: 'EOE-HEE-001' });
    const roots = report.findings.filter((f) => f.code === 'graph.multiple_roots');
    expect(roots).toHaveLength(1);
    expect(roots[0].data.count).toBe(report.summary.roots);
    const { summary } = report;
    expect(Object.values(summary.headcountByStatus).reduce((a, b) => a + b, 0)).toBe(summary.people);
  });

  it('reads the DH permanent secretary as an executive of 6 managers and 1 IC (counted by hand from the CSV)', () => {
    const report = analyzeOrg(ukOrganogram('011013-DH---Organogram'));
    expect(report.summary.roots).toBe(1);
    expect(report.managers[0]).toMatchObject({
      id: 'ERD001',
      layer: 1,
      role: 'executive',
      directReports: 7,
      countedSpan: 6,
      directIcs: 1,
      status: 'over',
      target: { min: 3, max: 5 },
    });
  });
});
