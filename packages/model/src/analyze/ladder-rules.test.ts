import { describe, expect, it } from 'vitest';
import { createLadder, DEFAULT_LADDER, type LadderInput } from '../schema/ladder';
import { createOrg } from '../schema/org';
import { createPolicy, DEFAULT_POLICY } from '../schema/policy';
import { createAnalysisContext } from './context';
import { checkLadder, describeLevel, getLadderFindings } from './ladder-rules';

type LevelSpec = [id: string, rank: number, band?: [number, number]];
const level = ([id, rank, band]: LevelSpec) => ({
  id,
  name: `Level ${id}`,
  rank,
  ...(band ? { band: { min: band[0], max: band[1] } } : {}),
});
const ladderOf = (ic: LevelSpec[], manager: LevelSpec[]) =>
  createLadder({ tracks: { ic: ic.map(level), manager: manager.map(level) } } satisfies LadderInput);
const findingsOf = (ic: LevelSpec[], manager: LevelSpec[], policy = DEFAULT_POLICY) =>
  getLadderFindings(ladderOf(ic, manager), policy);
const summary = (fs: ReturnType<typeof getLadderFindings>) => fs.map((f) => `${f.code}:${f.subject.id}`);

/** Dropbox's engineering framework: IC1..IC7 at ranks 1-7, M3..M7 at ranks 3-7 (data/ladders). */
const DROPBOX_LIKE: LevelSpec[][] = [
  [1, 2, 3, 4, 5, 6, 7].map((r) => [`IC${r}`, r]),
  [3, 4, 5, 6, 7].map((r) => [`M${r}`, r]),
];

describe('getLadderFindings: structure', () => {
  it('finds nothing on the default ladder (IC ranks 3-6, manager 5-7: shared 5-6 both present, fork at 5 = 4 + 1)', () => {
    expect(getLadderFindings(DEFAULT_LADDER, DEFAULT_POLICY)).toEqual([]);
  });

  it('finds nothing on a Dropbox-like ladder (IC1..IC7, M3..M7)', () => {
    expect(findingsOf(DROPBOX_LIKE[0], DROPBOX_LIKE[1])).toEqual([]);
  });

  it('finds nothing on a Dropbox-like ladder with ordered, overlapping, matching bands', () => {
    const band = (r: number): [number, number] => [80_000 + 30_000 * r, 120_000 + 30_000 * r];
    const ic = DROPBOX_LIKE[0].map(([id, r]) => [id, r, band(r)] as LevelSpec);
    const m = DROPBOX_LIKE[1].map(([id, r]) => [id, r, band(r)] as LevelSpec);
    expect(findingsOf(ic, m)).toEqual([]);
  });

  it('flags one missing rung per missing rank, on the level just above the gap', () => {
    const fs = findingsOf(
      [
        ['L3', 3],
        ['L6', 6],
      ],
      [
        ['M3', 3],
        ['M4', 4],
        ['M5', 5],
        ['M6', 6],
      ],
    );
    const rungs = fs.filter((f) => f.code === 'ladder.missing_rung');
    expect(rungs.map((f) => [f.subject, f.data.rank, f.severity])).toEqual([
      [{ kind: 'level', id: 'L6' }, 4, 'warning'],
      [{ kind: 'level', id: 'L6' }, 5, 'warning'],
    ]);
    expect(rungs[0].message).toContain('no level at rank 4');
    expect(rungs[0].message).toContain('Level L3 (L3, rank 3)');
    // M4 and M5 have no IC level of their rank within the shared ranks 3-6.
    expect(summary(fs.filter((f) => f.code === 'ladder.no_lateral'))).toEqual([
      'ladder.no_lateral:M4',
      'ladder.no_lateral:M5',
    ]);
  });

  it('flags no_lateral only within the ranks both tracks cover', () => {
    // IC 3-6, manager 5 and 7: shared ranks 5-6; L6 has no M6 (M7 is outside, L3/L4 are below).
    const fs = findingsOf(
      [
        ['L3', 3],
        ['L4', 4],
        ['L5', 5],
        ['L6', 6],
      ],
      [
        ['M5', 5],
        ['M7', 7],
      ],
    );
    expect(summary(fs)).toEqual(['ladder.missing_rung:M7', 'ladder.no_lateral:L6']);
    const lateral = fs[1];
    expect(lateral.data).toMatchObject({ track: 'ic', rank: 6, sharedRanks: { min: 5, max: 6 } });
    expect(lateral.message).toContain('no manager level of rank 6');
    expect(lateral.fix).toContain('Add a manager level at rank 6');
  });

  it('finds no lateral gaps when the tracks do not overlap at all', () => {
    expect(findingsOf([['L3', 3]], [['M5', 5]])).toEqual([]);
  });

  it('flags a wide fork when the manager track starts more than one rank above the senior rank', () => {
    const ic: LevelSpec[] = [
      ['L3', 3],
      ['L4', 4],
      ['L5', 5],
      ['L6', 6],
    ];
    const m: LevelSpec[] = [
      ['M6', 6],
      ['M7', 7],
    ];
    const fs = findingsOf(ic, m);
    expect(summary(fs)).toEqual(['ladder.wide_fork:M6']);
    expect(fs[0].data).toEqual({ rank: 6, seniorRank: 4, maxFirstManagerRank: 5 });
    expect(fs[0].message).toContain('2 ranks above the senior rank 4');
    // With senior rank 5 in the policy, a manager track starting at 6 is one step away: fine.
    expect(findingsOf(ic, m, createPolicy({ seniorRank: 5 }))).toEqual([]);
  });

  it("measures the fork from the ladder's forkRank when it has one, whatever the policy", () => {
    const ladder = createLadder({
      tracks: {
        ic: [3, 4, 5, 6].map((rank) => ({ id: `I${rank}`, name: `I${rank}`, rank })),
        manager: [8, 9].map((rank) => ({ id: `M${rank}`, name: `M${rank}`, rank })),
      },
    });
    expect(getLadderFindings({ ...ladder, forkRank: 7 }, createPolicy()).map((f) => f.code)).toEqual([]);
    const [wide] = getLadderFindings({ ...ladder, forkRank: 6 }, createPolicy());
    expect(wide.data).toEqual({ rank: 8, seniorRank: 4, forkRank: 6, maxFirstManagerRank: 7 });
    expect(wide.message).toContain("2 ranks above the ladder's fork rank 6");
  });
});

describe('getLadderFindings: bands', () => {
  it('flags a gap between adjacent bands, and not bands that touch', () => {
    const gap = findingsOf(
      [
        ['L3', 3, [100_000, 120_000]],
        ['L4', 4, [150_000, 200_000]],
      ],
      [],
    );
    expect(summary(gap)).toEqual(['ladder.band_gap:L4']);
    expect(gap[0].data).toMatchObject({ lowerLevelId: 'L3', higherLevelId: 'L4', gap: 30_000 });
    expect(gap[0].message).toContain('120,000–150,000');
    const touching = findingsOf(
      [
        ['L3', 3, [100_000, 120_000]],
        ['L4', 4, [120_000, 200_000]],
      ],
      [],
    );
    expect(touching).toEqual([]);
  });

  it('flags an inverted band as an error, naming which end is low', () => {
    const both = findingsOf(
      [
        ['L3', 3, [100, 150]],
        ['L4', 4, [90, 140]],
      ],
      [],
    );
    expect(
      both.map((f) => [f.code, f.severity, f.subject.id, f.data.minInverted, f.data.maxInverted]),
    ).toEqual([['ladder.band_inverted', 'error', 'L4', true, true]]);
    expect(both[0].message).toContain('band min 90 < 100, band max 140 < 150');
    const minOnly = findingsOf(
      [
        ['L3', 3, [100, 150]],
        ['L4', 4, [90, 200]],
      ],
      [],
    );
    expect(minOnly.map((f) => [f.data.minInverted, f.data.maxInverted])).toEqual([[true, false]]);
  });

  it('compares across a rank without a band, and skips levels without bands', () => {
    const fs = findingsOf(
      [
        ['L3', 3, [100, 150]],
        ['L4', 4],
        ['L5', 5, [80, 120]],
      ],
      [],
    );
    expect(fs.map((f) => [f.code, f.data.lowerLevelId, f.data.higherLevelId])).toEqual([
      ['ladder.band_inverted', 'L3', 'L5'],
    ]);
  });

  it('combines the bands of several levels of one rank (lowest min, highest max)', () => {
    const alone: LevelSpec[] = [['L3a', 3, [100, 120]]];
    const higher: LevelSpec[] = [['L4', 4, [130, 180]]];
    expect(summary(findingsOf([...alone, ...higher], []))).toEqual(['ladder.band_gap:L4']);
    // A second rank-3 level reaching 140 closes the gap: rank 3 is 100-140, rank 4 starts at 130.
    expect(findingsOf([...alone, ['L3b', 3, [110, 140]], ...higher], [])).toEqual([]);
    // The level holding the low min is the subject.
    const fs = findingsOf(
      [
        ['L3', 3, [100, 120]],
        ['L4a', 4, [90, 200]],
        ['L4b', 4, [130, 150]],
      ],
      [],
    );
    expect(summary(fs)).toEqual(['ladder.band_inverted:L4a']);
  });

  it('flags equal-rank bands whose midpoints differ by more than the policy share', () => {
    const ic: LevelSpec[] = [['L5', 5, [140, 160]]]; // midpoint 150
    const fs = findingsOf(ic, [['M5', 5, [170, 190]]]); // midpoint 180: 30 / 150 = 20%
    expect(fs.map((f) => [f.code, f.severity, f.subject.id])).toEqual([
      ['ladder.band_mismatch', 'info', 'M5'],
    ]);
    expect(fs[0].data).toMatchObject({ managerMidpoint: 180, icMidpoint: 150, share: 0.2, maxShare: 0.15 });
    expect(fs[0].message).toContain('20% apart (more than 15%)');
    expect(findingsOf(ic, [['M5', 5, [160, 180]]])).toEqual([]); // 20 / 150 = 13.3%
    expect(findingsOf(ic, [['M5', 5, [165, 180]]])).toEqual([]); // exactly 15%: not more
    const lenient = createPolicy({ ladder: { bandMismatchShare: 0.25 } });
    expect(findingsOf(ic, [['M5', 5, [170, 190]]], lenient)).toEqual([]);
  });
});

describe('checkLadder', () => {
  it("appends the org ladder's findings under the analysis policy", () => {
    const org = createOrg({
      id: 'o',
      name: 'O',
      asOf: '2025-06-30',
      ladder: ladderOf(
        [
          ['L3', 3],
          ['L4', 4],
        ],
        [['M6', 6]],
      ),
    });
    const ctx = createAnalysisContext(org);
    checkLadder(ctx);
    expect(summary(ctx.findings)).toEqual(['ladder.wide_fork:M6']);
    const relaxed = createAnalysisContext(org, { policy: createPolicy({ seniorRank: 5 }) });
    checkLadder(relaxed);
    expect(relaxed.findings).toEqual([]);
  });
});

describe('describeLevel', () => {
  it('names a level with its id and rank, without repeating an id used as the name', () => {
    expect(describeLevel({ id: 'L5', name: 'Staff Engineer', rank: 5 })).toBe('Staff Engineer (L5, rank 5)');
    expect(describeLevel({ id: 'G7', name: 'G7', rank: 7 })).toBe('G7 (rank 7)');
  });
});
