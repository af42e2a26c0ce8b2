import { type Ladder, LadderSchema, type Level, type Track } from '../schema/ladder';
import { parseAmount } from './cells';
import { type CsvRow, type CsvTable, findColumn, normalizeHeader, parseCsv } from './csv';
import { type ImportResult, IssueCollector, type IssueSink } from './result';

/** Options of {@link importLadderCsv}. */
export interface LadderCsvOptions {
  /** The ladder's id; default `ladder`. */
  id?: string;
  /** The ladder's name; default the file name, else `Imported ladder`. */
  name?: string;
  fileName?: string;
  /**
   * The job family whose titles name the levels when several families share level codes
   * (Dropbox's `track` column: SWE, SRE, DE…; GitLab's `grade_table`). Default `SWE` when the file
   * has it, else the family of the first row.
   */
  family?: string;
}

const TRACK_WORDS: Record<string, Track> = {
  ic: 'ic',
  individualcontributor: 'ic',
  individual: 'ic',
  m: 'manager',
  manager: 'manager',
  management: 'manager',
  mgr: 'manager',
};
const trackOf = (raw: string): Track | undefined => TRACK_WORDS[normalizeHeader(raw).replace(/track$/, '')];

const KIND_HEADERS = ['ladder', 'track', 'tracktype', 'path', 'type'];
const FAMILY_HEADERS = ['track', 'family', 'jobfamily', 'gradetable', 'table', 'discipline'];

interface LadderColumns {
  kind: number;
  family: number;
  code: number;
  rank: number;
  name: number;
  bandMin: number;
  bandMax: number;
}

/**
 * Column indices. The track column is the `ladder`/`track`/… column whose cells most often name a
 * track (IC or M), if more than half of them do: Dropbox's `track` holds job families instead.
 */
function ladderColumns(table: CsvTable): LadderColumns {
  const normalized = table.headers.map(normalizeHeader);
  let kind = -1;
  let best = 0.5;
  normalized.forEach((h, i) => {
    if (!KIND_HEADERS.includes(h)) return;
    const cells = table.rows.map((r) => r.cells[i]).filter((v) => v !== '');
    const share = cells.filter((v) => trackOf(v) !== undefined).length / Math.max(cells.length, 1);
    if (share > best) [kind, best] = [i, share];
  });
  const taken = new Set([kind]);
  const pick = (synonyms: string[]) => {
    const i = findColumn(table.headers, synonyms, taken);
    if (i >= 0) taken.add(i);
    return i;
  };
  return {
    kind,
    family: pick(FAMILY_HEADERS),
    rank: pick(['levelnum', 'rank', 'levelnumber', 'grade', 'number']),
    code: pick(['levelcode', 'code', 'levelid', 'level', 'id']),
    name: pick(['title', 'levelname', 'name']),
    bandMin: pick(['bandmin', 'paymin', 'salarymin', 'min']),
    bandMax: pick(['bandmax', 'paymax', 'salarymax', 'max']),
  };
}

interface LevelRow {
  row: number;
  track: Track;
  family: string;
  level: Level;
}

/**
 * Imports a career ladder from CSV: one row per level, or per level × job family when several
 * families share level codes (Dropbox's framework: `track` SWE/SRE/DE…, `ladder` IC|M,
 * `level_code`, `level_num`, `title`; GitLab's job grades: `grade_table`, `grade`, `track`
 * management|individual_contributor, `level_name`).
 *
 * One level per track and code: rank = the level number (an integer), name = the title of the
 * preferred family's row (see {@link LadderCsvOptions.family}) with a leading level code dropped
 * ("IC5 Staff Software Engineer" → "Staff Software Engineer"), else of the first row. Without a
 * code column a level's id is `IC<rank>` or `M<rank>`. Optional `band_min`/`band_max` give a pay band.
 *
 * Errors (with row and column): no track or rank column, an unknown track word, a rank that is not
 * an integer, one code with two ranks, one code on both tracks, a bad band.
 */
export function importLadderCsv(text: string, options: LadderCsvOptions = {}): ImportResult<Ladder> {
  const issues = new IssueCollector(options.fileName);
  const table = parseCsv(text, issues);
  if (!table) return issues.fail();
  const c = ladderColumns(table);
  if (c.kind < 0) issues.error({ message: 'no track column: expected "ladder" or "track" holding IC or M' });
  if (c.rank < 0)
    issues.error({ message: 'no level number column: expected "level_num", "rank" or "grade"' });
  if (issues.failed) return issues.fail();
  const rows = table.rows
    .map((r) => readLevelRow(r, c, table.headers, issues))
    .filter((r) => r !== undefined);
  const families = rows.map((r) => r.family);
  const preferred = options.family ?? (families.includes('SWE') ? 'SWE' : (families[0] ?? ''));
  const tracks = mergeLevels(rows, preferred, issues);
  if (issues.failed) return issues.fail();
  const parsed = LadderSchema.safeParse({
    id: options.id ?? 'ladder',
    name: options.name ?? options.fileName ?? 'Imported ladder',
    tracks,
  });
  if (!parsed.success) {
    for (const i of parsed.error.issues) issues.error({ message: `${i.path.join('.')}: ${i.message}` });
    return issues.fail();
  }
  return issues.finish(parsed.data);
}

function readLevelRow(
  r: CsvRow,
  c: LadderColumns,
  headers: string[],
  issues: IssueSink,
): LevelRow | undefined {
  const cell = (i: number) => (i < 0 ? '' : r.cells[i]);
  const track = trackOf(cell(c.kind));
  if (!track) {
    issues.error({
      row: r.row,
      column: headers[c.kind],
      message: `"${cell(c.kind)}" is not a track: expected IC or M`,
    });
  }
  const rank = Number(cell(c.rank));
  if (cell(c.rank) === '' || !Number.isInteger(rank)) {
    issues.error({
      row: r.row,
      column: headers[c.rank],
      message: `"${cell(c.rank)}" is not a whole level number`,
    });
  }
  const band = readBand(r, c, headers, issues);
  if (!track || !Number.isInteger(rank) || cell(c.rank) === '' || band === null) return undefined;
  const id = cell(c.code) || `${track === 'ic' ? 'IC' : 'M'}${rank}`;
  const title = cell(c.name);
  const name = title.startsWith(`${id} `) ? title.slice(id.length + 1).trim() : title || id;
  return { row: r.row, track, family: cell(c.family), level: { id, name, rank, ...(band ? { band } : {}) } };
}

/** The row's pay band, `undefined` when it has none, `null` after an error. */
function readBand(r: CsvRow, c: LadderColumns, headers: string[], issues: IssueSink) {
  const [minRaw, maxRaw] = [c.bandMin < 0 ? '' : r.cells[c.bandMin], c.bandMax < 0 ? '' : r.cells[c.bandMax]];
  if (minRaw === '' && maxRaw === '') return undefined;
  const min = parseAmount(minRaw);
  const max = parseAmount(maxRaw);
  if (!min.ok || !max.ok || min.value.value > max.value.value || min.value.value < 0) {
    const column = headers[!min.ok || minRaw === '' ? c.bandMin : c.bandMax];
    issues.error({
      row: r.row,
      column,
      message: `bad pay band "${minRaw}"–"${maxRaw}": expected 0 ≤ min ≤ max`,
    });
    return null;
  }
  return { min: min.value.value, max: max.value.value };
}

/** One level per track and code, named from the preferred family, sorted by rank. */
function mergeLevels(rows: LevelRow[], preferred: string, issues: IssueSink): Record<Track, Level[]> {
  const levels = new Map<string, LevelRow>();
  const trackOfCode = new Map<string, LevelRow>();
  for (const r of rows) {
    const other = trackOfCode.get(r.level.id);
    if (other && other.track !== r.track) {
      issues.error({ row: r.row, message: `level ${r.level.id} is on both tracks (see row ${other.row})` });
      continue;
    }
    trackOfCode.set(r.level.id, r);
    const seen = levels.get(r.level.id);
    if (!seen) levels.set(r.level.id, r);
    else if (seen.level.rank !== r.level.rank) {
      issues.error({
        row: r.row,
        message: `level ${r.level.id} has rank ${r.level.rank} here but ${seen.level.rank} on row ${seen.row}`,
      });
    } else if (r.family === preferred && seen.family !== preferred) levels.set(r.level.id, r);
  }
  const out: Record<Track, Level[]> = { ic: [], manager: [] };
  for (const r of levels.values()) out[r.track].push(r.level);
  for (const t of ['ic', 'manager'] as const) out[t].sort((a, b) => a.rank - b.rank);
  return out;
}
