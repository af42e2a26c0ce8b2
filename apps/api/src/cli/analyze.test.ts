import { readFileSync } from 'node:fs';
import type { AnalysisReport } from '@reorg/model';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { itWithData } from '../../../../fixtures/third-party-tests';
import { main } from './main';
import { createTestIo, sharedData } from './test-io';

const DH = ['011013-DH---Organogram-senior.csv', '011013-DH---Organogram-junior.csv'].map((f) =>
  sharedData(`uk_organograms/${f}`),
);
const HEE = [
  'Copy-of-HEE-organogram---September-2013-cleaned-senior.csv',
  'Copy-of-HEE-organogram---September-2013-cleaned-junior.csv',
].map((f) => sharedData(`uk_organograms/${f}`));

/** Reads a CSV independently of the importer (header row → objects). */
function readRows(path: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
    header: true,
    skipEmptyLines: true,
  }).data;
}

async function analyzeJson(
  args: string[],
): Promise<{ code: number; report: AnalysisReport; stderr: string }> {
  const t = createTestIo();
  const code = await main(['analyze', ...args, '--format', 'json'], t.io);
  return {
    code,
    report: code === 0 || code === 3 ? JSON.parse(t.stdout()) : undefined,
    stderr: t.stderr(),
  } as never;
}

const count = (r: AnalysisReport, code: string) => r.findings.filter((f) => f.code === code).length;

describe('reorg analyze on the UK Department of Health organogram', () => {
  itWithData(
    'reports 173 senior posts, 976 junior aggregates, the FTE of both files, the max layer and every span',
    async () => {
      const { code, report } = await analyzeJson([...DH, '--as-of', '2013-10-01']);
      expect(code).toBe(0);
      const senior = readRows(DH[0]);
      const junior = readRows(DH[1]);
      expect(senior).toHaveLength(173);
      expect(junior).toHaveLength(976);
      expect(report.summary.people).toBe(173);
      expect(report.summary.aggregates).toBe(976);
      const fte =
        senior.reduce((s, r) => s + Number(r.FTE), 0) +
        junior.reduce((s, r) => s + Number(r['Number of Posts in FTE']), 0);
      expect(report.summary.fte).toBeCloseTo(fte, 2);
      // Every senior post that someone (senior or junior) reports to is a manager with a span row.
      const managerIds = new Set([
        ...senior.map((r) => r['Reports to Senior Post']),
        ...junior.map((r) => r['Reporting Senior Post']),
      ]);
      const expected = senior
        .filter((r) => managerIds.has(r['Post Unique Reference']))
        .map((r) => r['Post Unique Reference']);
      expect(report.managers.map((m) => m.id).sort()).toEqual([...new Set(expected)].sort());
      expect(report.summary.maxLayer).toBe(5);
      expect(report.summary.roots).toBe(1);
      const top = report.managers.find((m) => m.id === 'ERD001');
      expect(top?.role).toBe('executive');
    },
  );

  itWithData('prints a table a director reads: summary, spans, findings by severity with fixes', async () => {
    const t = createTestIo();
    expect(await main(['analyze', ...DH, '--as-of', '2013-10-01'], t.io)).toBe(0);
    const text = t.stdout();
    expect(text).toContain('People       173 (157 active, 6 open, 0 planned, 10 leaving)');
    expect(text).toContain('Aggregates   976');
    expect(text).toMatch(/Span of control \(133 managers/);
    expect(text).toMatch(/Errors \(\d+\)[\s\S]*Warnings \(\d+\)[\s\S]*Info \(\d+\)/);
    expect(text).toContain('fix: ');
  });
});

describe('reorg analyze on dirty data', () => {
  itWithData('reports every defect of the HEE pair and still analyses the rest', async () => {
    const { code, report } = await analyzeJson([...HEE, '--as-of', '2013-09-30']);
    expect(code).toBe(0);
    const senior = readRows(HEE[0]);
    const junior = readRows(HEE[1]);
    const tops = senior.filter((r) => r['Reports to Senior Post'] === 'XX').length;
    expect(tops).toBe(18);
    expect(report.summary.roots).toBe(18);
    const roots = report.findings.find((f) => f.code === 'graph.multiple_roots');
    expect(roots?.data.count).toBe(18);
    // Duplicate ids: '114P', '191P' and 'SLHEE003' are each used twice.
    expect(
      report.findings
        .filter((f) => f.code === 'graph.duplicate_id')
        .map((f) => f.subject.id)
        .sort(),
    ).toEqual(['114P', '191P', 'SLHEE003']);
    // 'EoE-HEE-001' differs only in case from the post 'EOE-HEE-001': named in the finding.
    const caseMismatch = report.findings.filter(
      (f) => f.code === 'graph.dangling_manager' && f.message.includes('EOE-HEE-001'),
    );
    expect(caseMismatch).toHaveLength(12); // 6 senior posts and 6 junior rows report to 'EoE-HEE-001'
    // 194 junior rows name no reporting senior post at all.
    const blank = junior.filter((r) => r['Reporting Senior Post'].trim() === '').length;
    expect(blank).toBe(194);
    const orphans = report.findings.filter(
      (f) => f.code === 'graph.dangling_manager' && f.data.managerId === null,
    );
    // One cause, one finding: it lists all 194 rows.
    expect(orphans).toHaveLength(1);
    expect(orphans[0].data.ids).toHaveLength(194);
    expect(report.managers.length).toBeGreaterThan(100);
  });

  itWithData('analyses the partial GitLab graph with its dangling managers', async () => {
    const path = sharedData('gitlab/gitlab_team_members_2022-11.csv');
    const { code, report } = await analyzeJson([path, '--as-of', '2022-11-11']);
    expect(code).toBe(0);
    expect(report.summary.people).toBe(1368);
    expect(report.summary.headcountByStatus.open).toBe(32);
    // 453 rows' reports_to names no person file (451 people, 2 vacancies); 3 of them name a
    // vacancy's slug, which is a record here (an open req), so 450 managers are missing.
    expect(count(report, 'graph.dangling_manager')).toBe(450);
  });
});

describe('reorg analyze on a ladder', () => {
  itWithData('loads the Dropbox career framework as a ladder and runs the ladder checks', async () => {
    const t = createTestIo();
    const path = sharedData('ladders/dropbox_engineering_career_framework_levels.csv');
    expect(await main(['analyze', path, '--format', 'json'], t.io)).toBe(0);
    const report = JSON.parse(t.stdout()) as AnalysisReport;
    expect(report.findings.filter((f) => !f.code.startsWith('ladder.'))).toEqual([]);
    expect(report.summary.people).toBe(0);
  });

  itWithData('applies a ladder file to an org and reports ladder findings against it', async () => {
    const t = createTestIo();
    const org = new URL('../../../../fixtures/orgs/startup.json', import.meta.url).pathname;
    const ladder = sharedData('ladders/dropbox_engineering_career_framework_levels.csv');
    expect(await main(['analyze', org, '--ladder', ladder, '--format', 'json'], t.io)).toBe(0);
    const report = JSON.parse(t.stdout()) as AnalysisReport;
    // The start-up uses L3–L6 and M5–M7, none of which the Dropbox ladder has.
    expect(count(report, 'ladder.level_unknown')).toBeGreaterThan(0);
  });
});

describe('reorg analyze exit codes', () => {
  it('exits 2 on usage errors', async () => {
    for (const args of [
      [],
      ['x.csv', '--format', 'xml'],
      ['x.csv', '--as-of', 'yesterday'],
      ['x.csv', '--date-format', 'YYYY-DD-MM'],
      ['x.csv', '--teams-direction', 'sideways'],
    ]) {
      const t = createTestIo();
      expect(await main(['analyze', ...args], t.io)).toBe(2);
      expect(t.stderr()).toContain('Usage');
    }
  });

  it('exits 1 naming the file, row and column of invalid input, and 1 for a missing file', async () => {
    const t = createTestIo();
    const dir = new URL('./__testdata__/', import.meta.url).pathname;
    expect(await main(['analyze', `${dir}bad-hris.csv`, '--as-of', '2026-01-01'], t.io)).toBe(1);
    expect(t.stderr()).toContain('bad-hris.csv, row 3, column "FTE"');
    const missing = createTestIo();
    expect(await main(['analyze', `${dir}nope.csv`], missing.io)).toBe(1);
    expect(missing.stderr()).toContain('cannot read');
  });

  it('exits 3 when --fail-on is met, 0 when not', async () => {
    const org = new URL('../../../../fixtures/orgs/startup.json', import.meta.url).pathname;
    expect(await main(['analyze', org, '--fail-on', 'error'], createTestIo().io)).toBe(0);
    expect(await main(['analyze', org, '--fail-on', 'warning'], createTestIo().io)).toBe(3);
  });
});
