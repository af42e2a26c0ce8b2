import type { AnalysisContext, LevelInfo } from './context';
import { describeLevel } from './ladder-rules';
import { getRecordColumns } from './span-facts';

/** Track codes of {@link LevelFacts.track}: 0 is no level, or a level id the ladder lacks. */
export const TRACK_NONE = 0;
/** The level is on the IC track. */
export const TRACK_IC = 1;
/** The level is on the manager track. */
export const TRACK_MANAGER = 2;

/**
 * The ladder facts of each distinct level id of an org, indexed like `RecordColumns.levelIds`
 * (index 0: no level), so that a record's level is `levelIndex[i]` and every rule reads typed
 * arrays instead of looking level ids up record by record. Built once per analysis: a few
 * entries, since an org has a few distinct level ids however many people it has.
 */
export interface LevelFacts {
  /** The level and its track, or undefined for no level (index 0 or an empty id) and unknown ids. */
  readonly info: ReadonlyArray<LevelInfo | undefined>;
  /** {@link TRACK_NONE}, {@link TRACK_IC} or {@link TRACK_MANAGER}. */
  readonly track: Uint8Array;
  /** The level's rank (0 where `track` is {@link TRACK_NONE}). */
  readonly rank: Float64Array;
  /** How a level is named in messages ({@link describeLevel}), or '' where there is no level. */
  readonly text: readonly string[];
}

const cache = new WeakMap<AnalysisContext, LevelFacts>();

/** The {@link LevelFacts} of an analysis, computed once per context. */
export function getLevelFacts(ctx: AnalysisContext): LevelFacts {
  let facts = cache.get(ctx);
  if (!facts) {
    const { levelIds } = getRecordColumns(ctx.graph);
    const size = levelIds.length;
    const info: Array<LevelInfo | undefined> = new Array(size).fill(undefined);
    const track = new Uint8Array(size);
    const rank = new Float64Array(size);
    const text: string[] = new Array(size).fill('');
    for (let k = 1; k < size; k++) {
      const found = levelIds[k] ? ctx.levels.get(levelIds[k]) : undefined;
      if (found === undefined) continue;
      info[k] = found;
      track[k] = found.track === 'ic' ? TRACK_IC : TRACK_MANAGER;
      rank[k] = found.level.rank;
      text[k] = describeLevel(found.level);
    }
    facts = { info, track, rank, text };
    cache.set(ctx, facts);
  }
  return facts;
}
