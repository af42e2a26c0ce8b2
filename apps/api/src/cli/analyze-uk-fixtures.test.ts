import type { AnalysisReport } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { main } from './main';
import { createTestIo } from './test-io';

/** Our own small organograms (fixtures/uk) with the shapes and quirks of real departments' files. */
const uk = (name: string) =>
  ['senior', 'junior'].map(
    (part) => new URL(`../../../../fixtures/uk/${name}-${part}.csv`, import.meta.url).pathname,
  );

async function analyze(name: string, format: 'json' | 'table' = 'json') {
  const t = createTestIo();
  const code = await main(['analyze', ...uk(name), '--as-of', '2011-09-30', '--format', format], t.io);
  expect(code).toBe(0);
  return {
    text: t.stdout(),
    report: format === 'json' ? (JSON.parse(t.stdout()) as AnalysisReport) : undefined,
  };
}

const codes = (r: AnalysisReport) => r.findings.map((f) => f.code);

describe('reorg analyze on MHRA-like junior rows with a blank reporting post', () => {
  it('gives one finding for the four blank rows, listing them', async () => {
    const { report } = await analyze('mhra-like');
    const dangling = report!.findings.filter((f) => f.code === 'graph.dangling_manager');
    expect(dangling).toHaveLength(1);
    // Junior rows 1, 3, 5 and 7 (0-based, as the file's index column) have no Reporting Senior
    // Post: ids junior-2, -4, -6, -8; 5 + 3 + 2.5 + 1 FTE; rows 7, 9, 11, 13 of the org's records
    // (after the 5 senior posts).
    expect(dangling[0]).toMatchObject({
      severity: 'error',
      subject: { kind: 'org', id: 'medicines-regulator-example' },
      data: {
        count: 4,
        fte: 11.5,
        ids: ['junior-2', 'junior-4', 'junior-6', 'junior-8'],
        rows: [7, 9, 11, 13],
        managerId: null,
      },
    });
    expect(report!.summary).toMatchObject({ roots: 1, findings: { error: 1, warning: 0, info: 2 } });
  });

  it('shows n/a for the 1:1 hours of the directors whose posts are counted by FTE', async () => {
    const { report } = await analyze('mhra-like');
    const hours = Object.fromEntries(report!.managers.map((m) => [m.id, m.weeklyOneOnOneHours]));
    // The chief executive meets 4 directors (4 × 30 min) and, monthly, their 8 + 6 + 5 + 7 = 26
    // posts (ceil of 8, 6, 5, 7 FTE; 26 × 30 min / 4.33): 2 + 3.0023 = 5.00 h.
    expect(hours).toEqual({ CE1: 5, 'DIR-1': null, 'DIR-2': null, 'DIR-3': null, 'DIR-4': null });
    const dir = report!.managers.find((m) => m.id === 'DIR-1');
    expect(dir?.weeklyOneOnOneHoursNote).toBe('n/a, posts counted by FTE');
    const { text } = await analyze('mhra-like', 'table');
    expect(text).toMatch(/Sasha Grant \(DIR-1\) .* over\* +n\/a\n/);
    expect(text).toContain('4 records whose manager is missing from the data');
  });
});

describe('reorg analyze on DCLG-like eliminated posts at the top', () => {
  it('does not count the eliminated posts as people at the top, and lists them once', async () => {
    const { report } = await analyze('dclg-like');
    expect(report!.summary.roots).toBe(1);
    expect(codes(report!)).not.toContain('graph.multiple_roots');
    const leaving = report!.findings.filter((f) => f.code === 'graph.leaving_at_top');
    expect(leaving.map((f) => [f.severity, f.data])).toEqual([
      ['info', { count: 3, ids: ['OLD-1', 'OLD-2', 'OLD-3'] }],
    ]);
    // Our own UK ladder does not trip our own ladder rules.
    expect(
      codes(report!).filter((c) => c.startsWith('ladder.') && c !== 'ladder.manager_without_reports'),
    ).toEqual([]);
  });
});

describe('reorg analyze on an HMRC-like summary', () => {
  it('counts ICs and ICs per manager over the same records, and the posts apart', async () => {
    const { report } = await analyze('hmrc-like');
    // Managers PS1, DG1, DA1, DB1, DB1-01; ICs the 7 deputy directors under DA1; junior posts
    // 12 + 20 + 4 + 2 + 1 + 1 = 40 (each FTE a whole number here).
    expect(report!.summary).toMatchObject({
      managers: 5,
      ics: 7,
      icsPerManager: 1.4,
      aggregatePosts: 40,
      icsAndPostsPerManager: 9.4,
      skippedChecks: [],
    });
    expect(codes(report!)).not.toContain('ladder.wide_fork');
    const { text: table } = await analyze('hmrc-like', 'table');
    expect(table).toContain(
      'Managers     5, ICs 7, 1.4 ICs per manager (people only, aggregates not included)\n' +
        'ICs + posts  47 (7 ICs and 40 posts counted by FTE, rounded up), 9.4 per manager (aggregates included)\n',
    );
    // DA1 meets 7 deputy directors: 7 × 30 min = 3.5 h; DB1-01 has 39 posts below: n/a.
    const da1 = report!.managers.find((m) => m.id === 'DA1');
    expect([da1?.weeklyOneOnOneHours, da1?.target, da1?.status]).toEqual([3.5, { min: 6, max: 8 }, 'ok']);
    expect(report!.managers.find((m) => m.id === 'DB1-01')?.weeklyOneOnOneHours).toBeNull();
  });
});

describe('reorg analyze on HMRC-like grades and Home-Office-like ids', () => {
  it('reads SCS1A as SCS1: no unknown-grade finding names it, and DA1 leads a senior team (6–8, ok)', async () => {
    const { report } = await analyze('hmrc-like');
    const unknown = report!.findings.filter((f) => f.code === 'ladder.level_unknown');
    expect(unknown.map((f) => f.message).join(' ')).not.toContain('SCS1A');
    const da1 = report!.managers.find((m) => m.id === 'DA1');
    expect([da1?.target, da1?.status]).toEqual([{ min: 6, max: 8 }, 'ok']);
  });

  it('with --normalize-ids, resolves "00005654" to post 5654: no dangling manager, the Permanent Secretary a manager of managers', async () => {
    const run = async (...flags: string[]) => {
      const t = createTestIo();
      const code = await main(
        ['analyze', ...uk('home-office-like'), '--as-of', '2013-09-30', '--format', 'json', ...flags],
        t.io,
      );
      expect(code).toBe(0);
      return JSON.parse(t.stdout()) as AnalysisReport;
    };
    const before = await run();
    expect(codes(before).filter((c) => c === 'graph.dangling_manager').length).toBeGreaterThan(0);
    const after = await run('--normalize-ids');
    expect(codes(after)).not.toContain('graph.dangling_manager');
    expect(codes(after)).toContain('graph.ids_normalized');
    const ps = after.managers.find((m) => m.id === '5654');
    expect(ps?.role).toBe('manager-of-managers');
    expect(after.summary.roots).toBe(1);
  });
});
