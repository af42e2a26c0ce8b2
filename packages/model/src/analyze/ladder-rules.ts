import { type Ladder, type Level, TRACKS, type Track } from '../schema/ladder';
import type { Policy } from '../schema/policy';
import type { Finding, FindingSubject } from '../schema/report';
import { RULES, type RuleCode } from '../schema/rules';
import type { AnalysisContext } from './context';

const TRACK_NAMES: Record<Track, string> = { ic: 'IC', manager: 'manager' };

/** How a level is named in messages: `Staff Engineer (L5, rank 5)`, or `L5 (rank 5)` when the name is the id. */
export function describeLevel(level: Level): string {
  return level.name === level.id
    ? `${level.id} (rank ${level.rank})`
    : `${level.name} (${level.id}, rank ${level.rank})`;
}

/** An amount for a message: rounded to a whole number, with thousands separators (`120,000`). */
export function formatAmount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** A share for a message: `0.153` → `15.3%`. */
export function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** The combined pay band of one rank: lowest min and highest max over its banded levels. */
interface RungBand {
  min: number;
  max: number;
  /** The level holding the lowest min, and the one holding the highest max. */
  minLevel: Level;
  maxLevel: Level;
}

/** The levels of one rank on one track (a track may hold several levels of one rank). */
interface Rung {
  rank: number;
  levels: Level[];
  band?: RungBand;
}

/** The rungs of a track, lowest rank first; levels of one rank stay in ladder order. */
function getRungs(levels: readonly Level[]): Rung[] {
  const byRank = new Map<number, Rung>();
  for (const level of levels) {
    let rung = byRank.get(level.rank);
    if (!rung) byRank.set(level.rank, (rung = { rank: level.rank, levels: [] }));
    rung.levels.push(level);
    const b = level.band;
    if (!b) continue;
    if (!rung.band) rung.band = { min: b.min, max: b.max, minLevel: level, maxLevel: level };
    else {
      if (b.min < rung.band.min) Object.assign(rung.band, { min: b.min, minLevel: level });
      if (b.max > rung.band.max) Object.assign(rung.band, { max: b.max, maxLevel: level });
    }
  }
  return [...byRank.values()].sort((a, b) => a.rank - b.rank);
}

function createFinding(
  code: RuleCode,
  subject: FindingSubject,
  message: string,
  fix: string,
  data: Record<string, unknown>,
): Finding {
  const rule = RULES[code];
  return { code, severity: rule.severity, subject, message, fix, data, source: rule.source };
}

const levelSubject = (level: Level): FindingSubject => ({ kind: 'level', id: level.id });

/** `ladder.missing_rung`: one finding per rank strictly inside a track's range that has no level. */
function findMissingRungs(track: Track, rungs: Rung[], out: Finding[]): void {
  const name = TRACK_NAMES[track];
  for (let k = 1; k < rungs.length; k++) {
    const below = rungs[k - 1].levels[0];
    const above = rungs[k].levels[0];
    for (let rank = below.rank + 1; rank < above.rank; rank++) {
      out.push(
        createFinding(
          'ladder.missing_rung',
          levelSubject(above),
          `The ${name} track has no level at rank ${rank}: it jumps from ${describeLevel(below)} to ${describeLevel(above)}.`,
          `Add a ${name} level at rank ${rank}, or renumber the ranks so they have no gap (ranks are shared with the other track, so renumber both).`,
          { track, rank, belowLevelId: below.id, aboveLevelId: above.id },
        ),
      );
    }
  }
}

/** `ladder.no_lateral`: within the ranks both tracks cover, a level with no level of its rank on the other track. */
function findNoLateral(rungs: Record<Track, Rung[]>, out: Finding[]): void {
  const { ic, manager } = rungs;
  if (ic.length === 0 || manager.length === 0) return;
  const lo = Math.max(ic[0].rank, manager[0].rank);
  const hi = Math.min(ic[ic.length - 1].rank, manager[manager.length - 1].rank);
  for (const track of TRACKS) {
    const other: Track = track === 'ic' ? 'manager' : 'ic';
    const otherRanks = new Set(rungs[other].map((r) => r.rank));
    for (const rung of rungs[track]) {
      if (rung.rank < lo || rung.rank > hi || otherRanks.has(rung.rank)) continue;
      for (const level of rung.levels) {
        out.push(
          createFinding(
            'ladder.no_lateral',
            levelSubject(level),
            `${describeLevel(level)} on the ${TRACK_NAMES[track]} track has no ${TRACK_NAMES[other]} level of rank ${level.rank}, so a move between tracks at this level is diagonal, not lateral.`,
            `Add a ${TRACK_NAMES[other]} level at rank ${level.rank}, or re-rank ${level.id} to match an existing ${TRACK_NAMES[other]} level.`,
            { track, rank: level.rank, otherTrack: other, sharedRanks: { min: lo, max: hi } },
          ),
        );
      }
    }
  }
}

/**
 * `ladder.wide_fork`: the manager track starts more than one rank above the fork: the ladder's
 * `forkRank` when it has one (e.g. the UK civil service grades, entered at SCS1 from G6), else the
 * policy's senior rank.
 */
function findWideFork(manager: Rung[], ladder: Ladder, policy: Policy, out: Finding[]): void {
  if (manager.length === 0) return;
  const first = manager[0].levels[0];
  const fork = ladder.forkRank ?? policy.seniorRank;
  const widest = fork + 1;
  if (first.rank <= widest) return;
  const from = ladder.forkRank === undefined ? `the senior rank ${fork}` : `the ladder's fork rank ${fork}`;
  out.push(
    createFinding(
      'ladder.wide_fork',
      levelSubject(first),
      `The manager track starts at ${describeLevel(first)}, ${first.rank - fork} ranks above ${from}: the step from senior engineer to first manager is too wide.`,
      `Add a first-line manager level at rank ${widest} or below (lateral to the IC level of that rank), or set the policy's senior rank (or the ladder's forkRank) if rank ${fork} is not the level people step into management from.`,
      {
        rank: first.rank,
        seniorRank: policy.seniorRank,
        ...(ladder.forkRank === undefined ? {} : { forkRank: ladder.forkRank }),
        maxFirstManagerRank: widest,
      },
    ),
  );
}

const bandText = (b: { min: number; max: number }) => `${formatAmount(b.min)}–${formatAmount(b.max)}`;

/**
 * `ladder.band_gap` and `ladder.band_inverted` on one track: each pair of adjacent banded ranks
 * (ranks with no banded level are skipped, so a higher level paying less is caught across them).
 */
function findBandOrder(track: Track, rungs: Rung[], out: Finding[]): void {
  const banded = rungs.filter((r) => r.band);
  for (let k = 1; k < banded.length; k++) {
    const lo = banded[k - 1].band!;
    const hi = banded[k].band!;
    const data = { track, lowerBand: { min: lo.min, max: lo.max }, higherBand: { min: hi.min, max: hi.max } };
    if (hi.min > lo.max) {
      const [below, above] = [lo.maxLevel, hi.minLevel];
      out.push(
        createFinding(
          'ladder.band_gap',
          levelSubject(above),
          `No ${TRACK_NAMES[track]} pay band covers ${bandText({ min: lo.max, max: hi.min })}: ${describeLevel(below)} tops out at ${formatAmount(lo.max)} and ${describeLevel(above)} starts at ${formatAmount(hi.min)}.`,
          `Lower the band min of ${above.id} to ${formatAmount(lo.max)} or raise the band max of ${below.id} to ${formatAmount(hi.min)}, so adjacent bands meet or overlap.`,
          { ...data, lowerLevelId: below.id, higherLevelId: above.id, gap: hi.min - lo.max },
        ),
      );
      continue;
    }
    const minLow = hi.min < lo.min;
    const maxLow = hi.max < lo.max;
    if (!minLow && !maxLow) continue;
    const above = minLow ? hi.minLevel : hi.maxLevel;
    const below = minLow ? lo.minLevel : lo.maxLevel;
    const parts = [
      minLow ? `band min ${formatAmount(hi.min)} < ${formatAmount(lo.min)}` : '',
      maxLow ? `band max ${formatAmount(hi.max)} < ${formatAmount(lo.max)}` : '',
    ].filter(Boolean);
    out.push(
      createFinding(
        'ladder.band_inverted',
        levelSubject(above),
        `${describeLevel(above)} pays less than the level below it, ${describeLevel(below)}: ${parts.join(', ')}.`,
        `Raise the band of ${above.id} to at least ${bandText({ min: Math.max(hi.min, lo.min), max: Math.max(hi.max, lo.max) })}, or swap the ranks if the levels are in the wrong order.`,
        {
          ...data,
          lowerLevelId: below.id,
          higherLevelId: above.id,
          minInverted: minLow,
          maxInverted: maxLow,
        },
      ),
    );
  }
}

/** `ladder.band_mismatch`: equal ranks whose combined band midpoints differ by more than the policy's share. */
function findBandMismatch(rungs: Record<Track, Rung[]>, policy: Policy, out: Finding[]): void {
  const limit = policy.ladder.bandMismatchShare;
  const icByRank = new Map(rungs.ic.map((r) => [r.rank, r]));
  for (const m of rungs.manager) {
    const ic = icByRank.get(m.rank);
    if (!m.band || !ic?.band) continue;
    const mMid = (m.band.min + m.band.max) / 2;
    const icMid = (ic.band.min + ic.band.max) / 2;
    const smaller = Math.min(mMid, icMid);
    const diff = Math.abs(mMid - icMid);
    const share = smaller > 0 ? diff / smaller : diff > 0 ? Number.POSITIVE_INFINITY : 0;
    if (share <= limit) continue;
    const mLevel = m.levels.find((l) => l.band)!;
    const icLevel = ic.levels.find((l) => l.band)!;
    const apart = Number.isFinite(share) ? `${formatShare(share)} apart` : 'one of them at 0';
    out.push(
      createFinding(
        'ladder.band_mismatch',
        levelSubject(mLevel),
        `Rank ${m.rank} pays differently on the two tracks: ${describeLevel(mLevel)} has a band midpoint of ${formatAmount(mMid)} and ${describeLevel(icLevel)} of ${formatAmount(icMid)}, ${apart} (more than ${formatShare(limit)}).`,
        `Bring the bands of rank ${m.rank} within ${formatShare(limit)} of each other, or give ${mLevel.id} and ${icLevel.id} different ranks if they are not the same level.`,
        {
          rank: m.rank,
          managerLevelId: mLevel.id,
          icLevelId: icLevel.id,
          managerMidpoint: mMid,
          icMidpoint: icMid,
          share: Number.isFinite(share) ? share : null,
          maxShare: limit,
        },
      ),
    );
  }
}

/**
 * Checks a ladder on its own (DOMAIN.md "Checks of the ladder itself"), in this order:
 * - `ladder.missing_rung` (warning): per track, one finding per rank strictly between the track's
 *   lowest and highest rank that has no level; the subject is the level just above the gap.
 * - `ladder.no_lateral` (warning): within the ranks both tracks cover (the higher of the two lowest
 *   ranks to the lower of the two highest), each level with no level of its rank on the other track.
 * - `ladder.wide_fork` (warning): the manager track's lowest rank is above the fork + 1: the
 *   ladder's `forkRank` when set, else `policy.seniorRank`.
 * - `ladder.band_gap` (warning) / `ladder.band_inverted` (error): adjacent banded ranks of one track
 *   whose bands leave a gap (higher min > lower max) or run backwards (higher min or max below the
 *   lower's). Levels without a band are skipped.
 * - `ladder.band_mismatch` (info): equal ranks of the two tracks whose band midpoints differ by more
 *   than `policy.ladder.bandMismatchShare` (default 0.15, project's own) of the smaller midpoint.
 *
 * Several levels may share a rank on one track: they form one rung whose band runs from the lowest
 * min to the highest max of its banded levels, and the band checks compare those combined bands.
 * Subjects are `{ kind: 'level', id }`. Amounts are annual pay in the org's currency. Pure; never throws.
 */
export function getLadderFindings(ladder: Ladder, policy: Policy): Finding[] {
  const rungs = { ic: getRungs(ladder.tracks.ic), manager: getRungs(ladder.tracks.manager) };
  const out: Finding[] = [];
  for (const track of TRACKS) findMissingRungs(track, rungs[track], out);
  findNoLateral(rungs, out);
  findWideFork(rungs.manager, ladder, policy, out);
  for (const track of TRACKS) findBandOrder(track, rungs[track], out);
  findBandMismatch(rungs, policy, out);
  return out;
}

/** Appends {@link getLadderFindings} of the org's ladder, under the analysis policy, to `ctx.findings`. */
export function checkLadder(ctx: AnalysisContext): void {
  ctx.findings.push(...getLadderFindings(ctx.org.ladder, ctx.policy));
}
