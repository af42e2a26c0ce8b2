import type { AnalysisReport } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { main } from './main';
import { createTestIo } from './test-io';

const fixture = (p: string) => new URL(`../../../../fixtures/${p}`, import.meta.url).pathname;
const testdata = (p: string) => new URL(`./__testdata__/${p}`, import.meta.url).pathname;

async function run(args: string[]) {
  const t = createTestIo('2026-11-21');
  const code = await main(args, t.io);
  return { code, stdout: t.stdout(), stderr: t.stderr() };
}

describe('reorg --help', () => {
  it.each(['analyze', 'apply', 'simulate', 'serve', 'users', 'tokens'])(
    'reorg %s --help prints its usage and exits 0',
    async (command) => {
      const { code, stdout, stderr } = await run([command, '--help']);
      expect(code).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toContain(`reorg ${command}`);
      expect(stdout).toContain('Exit codes');
    },
  );

  it('reorg analyze --help lists every format it reads', async () => {
    const { stdout } = await run(['analyze', '-h']);
    for (const format of [
      'org JSON',
      'HRIS export CSV',
      'HR records JSON',
      'UK organogram',
      'Backstage catalog',
      'Team API',
      'career ladder',
    ]) {
      expect(stdout).toContain(format);
    }
    expect(stdout).toContain('--date-format');
    expect(stdout).toContain('--teams-direction');
  });
});

describe('reorg analyze on the files organisations keep', () => {
  it('reads a Team API folder alone: teams only, the people rules skipped and said so', async () => {
    const { code, stdout } = await run(['analyze', fixture('imports/team-api/'), '--format', 'json']);
    expect(code).toBe(0);
    const report: AnalysisReport = JSON.parse(stdout);
    expect(report.teams.map((t) => t.id)).toEqual([
      'checkout',
      'fraud-models',
      'payments-platform',
      'search',
    ]);
    expect(report.summary.skippedChecks).toEqual([
      { rule: 'people', reason: 'only teams files were given, with no people' },
    ]);
    expect(report.asOf).toBe('2026-11-21');
  });

  it("keeps an org JSON's asOf as the analysis date when teams files are added", async () => {
    const { code, stdout } = await run([
      'analyze',
      fixture('orgs/startup.json'),
      fixture('imports/team-api'),
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as AnalysisReport).asOf).toBe('2026-10-01');
    const given = await run([
      'analyze',
      fixture('orgs/startup.json'),
      fixture('imports/team-api'),
      '--as-of',
      '2026-12-01',
      '--format',
      'json',
    ]);
    expect((JSON.parse(given.stdout) as AnalysisReport).asOf).toBe('2026-12-01');
  });

  it('reads a Backstage catalog beside its HRIS file', async () => {
    const { code, stdout } = await run([
      'analyze',
      fixture('imports/backstage/org.yaml'),
      fixture('imports/backstage/people.csv'),
      '--format',
      'json',
    ]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as AnalysisReport).summary).toMatchObject({
      people: 4,
      managers: 1,
      roots: 1,
    });
  });

  it('--date-format decides ambiguous dates', async () => {
    const text = fixture('imports/d3-org-chart-like.csv');
    expect((await run(['analyze', text, '--date-format', 'dd/mm/yyyy'])).code).toBe(0);
  });
});

describe('reorg analyze on bad files', () => {
  it('prints a few lines per bad file, naming the file once, with "and N more"', async () => {
    const { code, stderr } = await run(['analyze', testdata('many-bad.csv'), '--as-of', '2026-01-01']);
    expect(code).toBe(1);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      'many-bad.csv: 12 errors',
      '  row 2, column "FTE": "bad1" is not a number',
      '  row 3, column "FTE": "bad2" is not a number',
      '  row 4, column "FTE": "bad3" is not a number',
      '  row 5, column "FTE": "bad4" is not a number',
      '  row 6, column "FTE": "bad5" is not a number',
      '  … and 7 more',
    ]);
  });

  it('one broken YAML file is one line', async () => {
    const { code, stderr } = await run([
      'analyze',
      fixture('orgs/startup.json'),
      testdata('broken-teams.yaml'),
    ]);
    expect(code).toBe(1);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(/^broken-teams\.yaml: /);
  });
});
