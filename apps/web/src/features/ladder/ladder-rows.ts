import type { Finding, Ladder, Level, Person } from '@reorg/model';

/** One rank of the ladder: the levels of each track at it, and what is missing. */
export interface LadderRow {
  rank: number;
  ic: Level[];
  manager: Level[];
  /** A rank inside a track's range with no level on that track (ladder.missing_rung). */
  icMissing: boolean;
  managerMissing: boolean;
  /** Both tracks have a level here: moving between them is lateral. */
  lateral: boolean;
}

/** The ladder as rows by rank (highest first), from the lowest to the highest rank of either track. */
export function getLadderRows(ladder: Ladder): LadderRow[] {
  const { ic, manager } = ladder.tracks;
  const all = [...ic, ...manager];
  if (all.length === 0) return [];
  const ranks = all.map((l) => l.rank);
  const lo = Math.min(...ranks);
  const hi = Math.max(...ranks);
  const range = (levels: Level[]) =>
    levels.length ? [Math.min(...levels.map((l) => l.rank)), Math.max(...levels.map((l) => l.rank))] : null;
  const icRange = range(ic);
  const mRange = range(manager);
  const rows: LadderRow[] = [];
  for (let rank = hi; rank >= lo; rank--) {
    const icAt = ic.filter((l) => l.rank === rank);
    const mAt = manager.filter((l) => l.rank === rank);
    rows.push({
      rank,
      ic: icAt,
      manager: mAt,
      icMissing: icAt.length === 0 && icRange !== null && rank > icRange[0] && rank < icRange[1],
      managerMissing: mAt.length === 0 && mRange !== null && rank > mRange[0] && rank < mRange[1],
      lateral: icAt.length > 0 && mAt.length > 0,
    });
  }
  return rows;
}

/** People per level id (aggregates by FTE rounded up), and those whose level is not on the ladder. */
export function countByLevel(
  people: Iterable<Person>,
  ladder: Ladder,
): { counts: Map<string, number>; unknown: Map<string, number> } {
  const known = new Set([...ladder.tracks.ic, ...ladder.tracks.manager].map((l) => l.id));
  const counts = new Map<string, number>();
  const unknown = new Map<string, number>();
  for (const p of people) {
    if (!p.level) continue;
    const n = p.aggregate ? Math.ceil(p.fte) : 1;
    const target = known.has(p.level) ? counts : unknown;
    target.set(p.level, (target.get(p.level) ?? 0) + n);
  }
  return { counts, unknown };
}

/** `ladder.*` findings about the ladder itself, by level id (`null` key: about the whole ladder). */
export function ladderFindingsByLevel(findings: readonly Finding[]): Map<string | null, Finding[]> {
  const out = new Map<string | null, Finding[]>();
  for (const f of findings) {
    if (!f.code.startsWith('ladder.') || f.subject.kind === 'person' || f.subject.kind === 'team') continue;
    const key = f.subject.kind === 'level' ? f.subject.id : null;
    const list = out.get(key);
    if (list) list.push(f);
    else out.set(key, [f]);
  }
  return out;
}

/** The lowest band min and highest band max on the ladder (null when no level has a band). */
export function bandDomain(ladder: Ladder): [number, number] | null {
  const bands = [...ladder.tracks.ic, ...ladder.tracks.manager].flatMap((l) => (l.band ? [l.band] : []));
  if (bands.length === 0) return null;
  return [Math.min(...bands.map((b) => b.min)), Math.max(...bands.map((b) => b.max))];
}
