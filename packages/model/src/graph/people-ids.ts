import type { Person } from '../schema/person';
import { peekOrgGraph } from './org-graph';

/**
 * Where each person id sits in an org's `people` array: the reorg ops' lookup by id. Lighter than
 * the full {@link OrgGraph} (one map, no reporting structure), and carried from an org to the org
 * an op batch makes of it when the batch only edits or appends records, so a run of drops on a
 * 100k-person org never re-reads the whole array.
 */
export interface PeopleIds {
  /** Row of the kept record with this id (the later one of a duplicated id), or -1. */
  rowOf(id: string): number;
  /** Every row holding `id`, in row order (several for a duplicated id; empty when none). */
  rowsOf(id: string): number[];
}

interface Layer {
  /** Kept row by id, or -1. */
  row(id: string): number;
  /** All rows of the ids that appear more than once. */
  duplicates: Map<string, number[]>;
}

function layerIds(
  base: Layer,
  extra: ReadonlyMap<string, number> | null,
): PeopleIds & { base: Layer; extra: ReadonlyMap<string, number> | null } {
  return {
    base,
    extra,
    rowOf(id) {
      const r = extra?.get(id);
      if (r !== undefined) return r;
      return base.row(id);
    },
    rowsOf(id) {
      const r = extra?.get(id);
      if (r !== undefined) return [r];
      const dup = base.duplicates.get(id);
      if (dup) return [...dup];
      const k = base.row(id);
      return k < 0 ? [] : [k];
    },
  };
}

type Carried = ReturnType<typeof layerIds>;
const cache = new WeakMap<readonly Person[], Carried>();

/** Builds the id lookup of `people` in O(n), or reads it off a cached graph index. */
function buildPeopleIds(people: readonly Person[]): Carried {
  const g = peekOrgGraph(people);
  if (g) {
    const row = (id: string) => {
      const i = g.indexOf.get(id);
      return i === undefined ? -1 : g.rowOf[i];
    };
    return layerIds({ row, duplicates: new Map(g.duplicates.map((d) => [d.id, d.rows])) }, null);
  }
  const rows = new Map<string, number>();
  const duplicates = new Map<string, number[]>();
  for (let row = 0; row < people.length; row++) {
    const id = people[row].id;
    const before = rows.get(id);
    if (before !== undefined) {
      const list = duplicates.get(id);
      if (list) list.push(row);
      else duplicates.set(id, [before, row]);
    }
    rows.set(id, row);
  }
  return layerIds({ row: (id) => rows.get(id) ?? -1, duplicates }, null);
}

/**
 * The id lookup of a `people` array: cached per array; O(n) the first time unless it was carried
 * over by {@link carryPeopleIds}.
 */
export function getPeopleIds(people: readonly Person[]): PeopleIds {
  let ids = cache.get(people);
  if (!ids) {
    ids = buildPeopleIds(people);
    cache.set(people, ids);
  }
  return ids;
}

/**
 * Records that `next` holds the records of `prev` at the same rows, with the same ids (edited or
 * not), followed by `next.length - prev.length` appended records whose ids are new: `next` then
 * shares `prev`'s lookup, with the appended ids on top. O(appended + ids appended before). Does
 * nothing when `prev` has no lookup yet.
 */
export function carryPeopleIds(prev: readonly Person[], next: readonly Person[]): void {
  const from = cache.get(prev);
  if (!from || next === prev) return;
  if (next.length === prev.length) {
    cache.set(next, from);
    return;
  }
  const extra = new Map(from.extra ?? []);
  for (let row = prev.length; row < next.length; row++) extra.set(next[row].id, row);
  cache.set(next, layerIds(from.base, extra));
}
