import { readFile } from 'node:fs/promises';
import { createOrg, diffOrgs, loadOrg, type Org, type OrgDiff, OrgDiffSchema } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { itWithData } from '../../../../fixtures/third-party-tests';
import { runApply } from './apply';
import { sharedData } from './test-io';

/** In-memory files (falling back to the disk for shared data), captured output and writes. */
function fakeIo(files: Record<string, string>) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  const io = {
    stdout: (s: string) => void out.push(s),
    stderr: (s: string) => void err.push(s),
    readFile: async (path: string) => files[path] ?? readFile(path, 'utf8'),
    writeFile: async (path: string, text: string) => void written.set(path, text),
  };
  return { io, written, stdout: () => out.join(''), stderr: () => err.join('') };
}

const ORG = createOrg({
  id: 'acme',
  name: 'Acme',
  asOf: '2026-01-01',
  currency: 'GBP',
  people: [
    { id: 'cto', name: 'Cleo Park' },
    { id: 'ann', name: 'Ann Lee', managerId: 'cto', teamId: 'pay', level: 'M5', cost: 150_000 },
    { id: 'al', name: 'Al Diaz', managerId: 'ann', teamId: 'pay', level: 'L3', cost: 90_000 },
    { id: 'bob', name: 'Bob Ray', managerId: 'cto', teamId: 'search', level: 'M5', cost: 150_000 },
    { id: 'bea', name: 'Bea Kim', managerId: 'bob', teamId: 'search', level: 'L4', cost: 110_000 },
  ],
  teams: [
    { id: 'pay', name: 'Payments', managerId: 'ann' },
    { id: 'search', name: 'Search', managerId: 'bob' },
  ],
});
const OPS = [
  { type: 'changeManager', personId: 'bea', managerId: 'ann' },
  { type: 'mergeTeams', teamIds: ['pay', 'search'], into: 'pay' },
  { type: 'updatePerson', personId: 'al', changes: { level: 'L4', cost: 100_000 } },
];
const FILES = { 'org.json': JSON.stringify(ORG), 'ops.json': JSON.stringify(OPS) };

function writtenOrg(written: Map<string, string>, path: string): Org {
  const loaded = loadOrg(JSON.parse(written.get(path)!));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  return loaded.org;
}

describe('reorg apply', () => {
  it('writes the new org and prints the diff as a table a director reads', async () => {
    const t = fakeIo(FILES);
    expect(await runApply(['org.json', 'ops.json', '--out', 'new.json'], t.io)).toBe(0);
    const next = writtenOrg(t.written, 'new.json');
    expect(next.people.find((p) => p.id === 'bea')).toMatchObject({ managerId: 'ann', teamId: 'pay' });
    expect(next.teams.map((x) => x.id)).toEqual(['pay']);
    const table = t.stdout();
    expect(table).toContain('People affected   2 of 5 (40%) change manager or team');
    expect(table).toContain('Teams             0 created, 1 removed, 1 merged away, 0 split');
    expect(table).toMatch(/Bea Kim \(bea\)\s+Bob Ray → Ann Lee/);
    expect(table).toMatch(/Bob Ray \(bob\)\s+Search → Payments/);
    expect(table).toContain('Search → into Payments');
    expect(table).toMatch(/Al Diaz \(al\)\s+L3 → L4/);
    expect(table).toMatch(/Al Diaz \(al\)\s+90,000 → 100,000 \(\+10,000\)/);
    expect(table).toContain('Annual cost       500,000 → 510,000 GBP (+10,000)');
    expect(table).toContain('Ann Lee (ann): gains Bea Kim');
    expect(t.stderr()).toBe('');
  });

  it('prints the OrgDiff as JSON with --format json', async () => {
    const t = fakeIo(FILES);
    expect(await runApply(['org.json', 'ops.json', '--out', 'new.json', '--format', 'json'], t.io)).toBe(0);
    const diff = OrgDiffSchema.parse(JSON.parse(t.stdout())) as OrgDiff;
    expect(diff).toEqual(JSON.parse(JSON.stringify(diffOrgs(ORG, writtenOrg(t.written, 'new.json')))));
    expect(diff.disruption).toMatchObject({ managerChanged: 1, teamChanged: 2, affected: 2, teamsMerged: 1 });
    expect(diff.people.costChanged).toEqual([
      { id: 'al', name: 'Al Diaz', from: 90_000, to: 100_000, delta: 10_000 },
    ]);
  });

  it('accepts a scenario file with an "ops" array', async () => {
    const t = fakeIo({
      ...FILES,
      'scenario.json': JSON.stringify({ id: 's', name: 'Merge', ops: OPS.slice(0, 1) }),
    });
    expect(await runApply(['org.json', 'scenario.json', '--out', 'new.json', '--format', 'json'], t.io)).toBe(
      0,
    );
    expect(JSON.parse(t.stdout()).people.managerChanged).toHaveLength(1);
  });

  it('refuses an op by index, type and reason, exits 1 and writes nothing', async () => {
    const ops = [...OPS, { type: 'changeManager', personId: 'cto', managerId: 'al' }];
    const t = fakeIo({ ...FILES, 'ops.json': JSON.stringify(ops) });
    expect(await runApply(['org.json', 'ops.json', '--out', 'new.json'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/^op 3 \(changeManager\): .*Al Diaz.* \[cycle\]\nNothing was written\.\n$/);
    expect(t.written.size).toBe(0);
    expect(t.stdout()).toBe('');
  });

  it('names a malformed op by index', async () => {
    const t = fakeIo({
      ...FILES,
      'ops.json': JSON.stringify([OPS[0], { type: 'assignTeam', personId: 'al' }]),
    });
    expect(await runApply(['org.json', 'ops.json', '--out', 'new.json'], t.io)).toBe(1);
    expect(t.stderr()).toMatch(/^op 1 \(assignTeam\): .*teamId.*\[invalid_op\]/);
    expect(t.written.size).toBe(0);
  });

  it('exits 2 on usage errors: no --out, one file, a bad --format', async () => {
    for (const args of [
      ['org.json', 'ops.json'],
      ['org.json', '--out', 'new.json'],
      ['org.json', 'ops.json', '--out', 'new.json', '--format', 'yaml'],
      ['org.json', 'ops.json', '--out', 'new.json', '--colour'],
    ]) {
      const t = fakeIo(FILES);
      expect(await runApply(args, t.io)).toBe(2);
      expect(t.stderr()).toMatch(/^reorg apply: .*\n\nUsage: reorg apply FILE/);
      expect(t.written.size).toBe(0);
    }
    const t = fakeIo(FILES);
    await runApply(['org.json', 'ops.json'], t.io);
    expect(t.stderr()).toContain('--out NEW.json is required');
  });

  it('exits 1 on an invalid org, ops that are not JSON or not a list, and a missing file', async () => {
    const cases: Array<[Record<string, string>, string[], RegExp]> = [
      [{ 'ops.json': '[' }, ['org.json', 'ops.json'], /ops\.json: not valid JSON/],
      [{ 'ops.json': '{"type":"changeManager"}' }, ['org.json', 'ops.json'], /expected a JSON array of ops/],
      [
        { 'org.json': JSON.stringify({ ...ORG, people: [{ id: 'x', fte: -1 }] }) },
        ['org.json', 'ops.json'],
        /people\.0\.fte/,
      ],
      [{}, ['missing.json', 'ops.json'], /cannot access missing\.json: ENOENT/],
    ];
    for (const [files, args, message] of cases) {
      const t = fakeIo({ ...FILES, ...files });
      expect(await runApply([...args, '--out', 'new.json'], t.io)).toBe(1);
      expect(t.stderr()).toMatch(message);
      expect(t.written.size).toBe(0);
    }
  });

  it('applies ops to an HRIS CSV export', async () => {
    const csv = [
      'Employee ID,Full Name,Manager ID,Team,Level,Salary',
      '1,Dana Reyes,,,,',
      '2,Eli Stone,1,Core,M5,140000',
      '3,Fay Wong,2,Core,L3,85000',
      '4,Gus Hale,1,Edge,M5,140000',
    ].join('\n');
    const ops = [{ type: 'changeManager', personId: '3', managerId: '4' }];
    const t = fakeIo({ 'hris.csv': csv, 'ops.json': JSON.stringify(ops) });
    const code = await runApply(['hris.csv', 'ops.json', '--out', 'new.json', '--as-of', '2026-03-01'], t.io);
    expect(t.stderr()).toBe('');
    expect(code).toBe(0);
    expect(t.stdout()).toMatch(/Fay Wong \(3\)\s+Eli Stone → Gus Hale/);
    expect(writtenOrg(t.written, 'new.json').asOf).toBe('2026-03-01');
  });

  itWithData('applies ops to the UK Department of Health organogram (senior and junior CSV)', async () => {
    const dh = ['011013-DH---Organogram-senior.csv', '011013-DH---Organogram-junior.csv'].map((f) =>
      sharedData(`uk_organograms/${f}`),
    );
    // RDD-009 (Director of Research & Development) reports to CMO-002; move the post under ERD001.
    const ops = [{ type: 'changeManager', personId: 'RDD-009', managerId: 'ERD001' }];
    const t = fakeIo({ 'ops.json': JSON.stringify(ops) });
    const code = await runApply(
      [...dh, 'ops.json', '--out', 'dh.json', '--format', 'json', '--as-of', '2013-10-01'],
      t.io,
    );
    expect(code).toBe(0);
    const diff = JSON.parse(t.stdout()) as OrgDiff;
    expect(diff.people.managerChanged).toEqual([
      expect.objectContaining({
        id: 'RDD-009',
        name: 'Russell Hamilton',
        from: 'CMO-002',
        to: 'ERD001',
        toName: "Una O'Brien",
      }),
    ]);
    expect(diff.disruption.affected).toBe(1);
    expect(diff.totals.recordsBefore).toBe(173 + 976);
    expect(writtenOrg(t.written, 'dh.json').people).toHaveLength(173 + 976);
  });
});
