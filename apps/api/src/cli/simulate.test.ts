import { type SimulationResult, SimulationResultSchema } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { UsageError } from './io';
import { runSimulate } from './simulate';
import { createTestIo } from './test-io';

const fixture = (path: string) => new URL(`../../../../fixtures/${path}`, import.meta.url).pathname;
const SCALEUP = fixture('orgs/scaleup.json');
const STARTUP = fixture('orgs/startup.json');
const FREEZE = fixture('plans/scaleup-hiring-freeze.json');
const STEADY = fixture('plans/startup-steady-growth.json');

/** A test IO that also serves `files` (path → text) without touching the disk. */
function ioWith(files: Record<string, string> = {}) {
  const t = createTestIo();
  const read = t.io.readFile;
  t.io.readFile = async (path) => files[path] ?? read(path);
  return t;
}

async function simulateJson(
  args: string[],
): Promise<{ code: number; result: SimulationResult; stdout: string }> {
  const t = ioWith();
  const code = await runSimulate([...args, '--format', 'json'], t.io);
  return { code, result: JSON.parse(t.stdout()), stdout: t.stdout() };
}

describe('reorg simulate --format json', () => {
  it('prints the SimulationResult: one entry per quarter of the plan, bands of every number', async () => {
    const { code, result } = await simulateJson([SCALEUP, '--plan', FREEZE, '--runs', '300', '--seed', '11']);
    expect(code).toBe(0);
    expect(SimulationResultSchema.parse(result)).toEqual(result);
    expect(result.runs).toBe(300);
    expect(result.seed).toBe(11);
    expect(result.currency).toBe('USD');
    expect(result.quarters.map((q) => q.quarter)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4']);
    // A freeze: no backfill, so headcount falls from the 389 in post (plus the 9 open reqs filled
    // in 2027-Q1) by about 15% over the year.
    expect(result.start.headcount).toBe(389);
    const last = result.quarters[3].headcount;
    expect(last.p10).toBeLessThanOrEqual(last.p50);
    expect(last.p50).toBeLessThanOrEqual(last.p90);
    expect(Math.abs(last.mean - 398 * 0.85)).toBeLessThan(8);
  });

  it('gives the same bytes for the same seed and other numbers for another seed', async () => {
    const a = await simulateJson([STARTUP, '--plan', STEADY, '--runs', '200', '--seed', '5']);
    const b = await simulateJson([STARTUP, '--plan', STEADY, '--runs', '200', '--seed', '5']);
    const c = await simulateJson([STARTUP, '--plan', STEADY, '--runs', '200', '--seed', '6']);
    expect(a.stdout).toBe(b.stdout);
    expect(c.stdout).not.toBe(a.stdout);
  });

  it('defaults to 1,000 runs and seed 1', async () => {
    const { result } = await simulateJson([STARTUP, '--plan', STEADY]);
    expect(result.runs).toBe(1000);
    expect(result.seed).toBe(1);
  });
});

describe('reorg simulate (table)', () => {
  it('prints the assumptions, then a row per quarter with p10–p50–p90 bands in the org currency', async () => {
    const t = ioWith();
    expect(await runSimulate([STARTUP, '--plan', STEADY, '--runs', '100'], t.io)).toBe(0);
    const text = t.stdout();
    expect(text).toContain('Headcount plan "Steady growth"');
    expect(text).toContain('Attrition: 12.0% a year');
    expect(text).toContain('Replacement cost: 9 months');
    expect(text).toMatch(/Quarter\s+Headcount\s+Cost \(USD\/yr\)\s+Attrition cost \(USD\)\s+Managers needed/);
    const rows = text.split('\n').filter((l) => /^20\d\d-Q\d /.test(l));
    expect(rows.map((r) => r.slice(0, 7))).toEqual([
      '2027-Q1',
      '2027-Q2',
      '2027-Q3',
      '2027-Q4',
      '2028-Q1',
      '2028-Q2',
      '2028-Q3',
      '2028-Q4',
    ]);
    // Each row: quarter, then bands like 45–46–47 (p10 may be interpolated: 53.9) and 12.34M–12.50M–12.70M.
    for (const row of rows)
      expect(row).toMatch(/^\d{4}-Q\d\s+[\d.]+–[\d.]+–[\d.]+\s+[\d.]+M–[\d.]+M–[\d.]+M/);
    expect(t.stderr()).toBe('');
  });
});

describe('reorg simulate: bad input', () => {
  it('exits 1 naming the plan file and the path of each bad field', async () => {
    const plan = JSON.stringify({
      attrition: { annualRate: 2 },
      hires: [{ teamId: 'payments', level: 'L4', count: 1, quarter: '2027Q1' }],
    });
    const t = ioWith({ '/virtual/bad-plan.json': plan });
    expect(await runSimulate([STARTUP, '--plan', '/virtual/bad-plan.json'], t.io)).toBe(1);
    expect(t.stderr()).toContain('bad-plan.json, attrition.annualRate:');
    expect(t.stderr()).toContain('bad-plan.json, hires.0.quarter: expected a quarter such as 2027-Q1');
    expect(t.stdout()).toBe('');
  });

  it('exits 1 on a plan that is not JSON', async () => {
    const t = ioWith({ '/virtual/plan.json': '{ "attrition": ' });
    expect(await runSimulate([STARTUP, '--plan', '/virtual/plan.json'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/^plan\.json: not valid JSON/);
  });

  it('simulates a plan with an unknown team and says so on stderr', async () => {
    const plan = JSON.stringify({
      attrition: { annualRate: 0.1 },
      hires: [{ teamId: 'ghosts', level: 'L4', count: 2, quarter: '2027-Q1' }],
    });
    const t = ioWith({ '/virtual/plan.json': plan });
    expect(await runSimulate([STARTUP, '--plan', '/virtual/plan.json', '--runs', '10'], t.io)).toBe(0);
    expect(t.stderr()).toBe('warning: plan.json, hires.0.teamId: no team ghosts in the org\n');
  });

  it('throws a usage error for a missing plan, a bad run count, seed or format', async () => {
    const t = ioWith();
    await expect(runSimulate([STARTUP], t.io)).rejects.toThrow(/--plan PLAN.json is required/);
    await expect(runSimulate([STARTUP, '--plan', STEADY, '--runs', '0'], t.io)).rejects.toThrow(UsageError);
    await expect(runSimulate([STARTUP, '--plan', STEADY, '--runs', '1e3'], t.io)).rejects.toThrow(/--runs/);
    await expect(runSimulate([STARTUP, '--plan', STEADY, '--seed', '1.5'], t.io)).rejects.toThrow(/--seed/);
    await expect(runSimulate([STARTUP, '--plan', STEADY, '--format', 'xml'], t.io)).rejects.toThrow(
      /--format/,
    );
    await expect(runSimulate([], t.io)).rejects.toThrow(UsageError);
    await expect(runSimulate([STARTUP, '--plan', STEADY, '--bogus'], t.io)).rejects.toThrow(UsageError);
  });
});
