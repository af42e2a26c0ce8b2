import type { Patch } from 'immer';

/**
 * A copy-on-write view of one array of records (`org.people` or `org.teams`) while a batch of ops
 * runs. Rows keep their positions for the whole batch: a removed row is only marked (a tombstone)
 * and dropped when the batch is written back, so lookups by row stay valid and O(1).
 *
 * Reads return the base object until a row is edited; {@link RecordTable.edit} clones it once
 * (shallow: ops replace nested arrays, they never mutate them). The input array and its records
 * are never mutated.
 */
export class RecordTable<T extends { id: string }> {
  private rows: T[] | null = null;
  private readonly copied = new Set<number>();
  private readonly removed = new Set<number>();
  /** Id → row overrides on top of `baseLookup`; -1 marks a removed id. */
  private readonly overlay = new Map<string, number>();

  /**
   * @param base the array at the start of the batch
   * @param baseLookup id → row in `base` of the kept record (the last one with that id), or -1
   * @param baseRowsWithId every row of `base` holding an id (more than one for a duplicated id)
   */
  constructor(
    readonly base: readonly T[],
    private readonly baseLookup: (id: string) => number,
    private readonly baseRowsWithId: (id: string) => number[],
  ) {}

  /** Number of rows, tombstones included. */
  get length(): number {
    return this.rows ? this.rows.length : this.base.length;
  }

  /** Row of the kept record with this id, or -1 when there is none (or it was removed). */
  rowOf(id: string): number {
    const o = this.overlay.get(id);
    return o !== undefined ? o : this.baseLookup(id);
  }

  /** Every live row holding this id (several for a duplicated id of the base). */
  rowsWithId(id: string): number[] {
    const o = this.overlay.get(id);
    if (o === -1) return [];
    if (o !== undefined && o >= this.base.length) return [o];
    return this.baseRowsWithId(id).filter((r) => !this.removed.has(r));
  }

  /** The current record at `row` (read only). */
  at(row: number): T {
    return this.rows ? this.rows[row] : this.base[row];
  }

  /** True when a row was removed in this batch (the array is then rewritten, rows shift). */
  get hasRemovals(): boolean {
    return this.removed.size > 0;
  }

  /** True when `row` was removed in this batch. */
  isRemoved(row: number): boolean {
    return this.removed.has(row);
  }

  /** The record at `row`, cloned on first edit in this batch; mutate its fields, replace its arrays. */
  edit(row: number): T {
    const rows = this.ensureRows();
    if (row >= this.base.length || this.copied.has(row)) return rows[row];
    this.copied.add(row);
    rows[row] = { ...rows[row] };
    return rows[row];
  }

  /** Appends a record (already validated) and returns its row. */
  push(item: T): number {
    const rows = this.ensureRows();
    rows.push(item);
    this.overlay.set(item.id, rows.length - 1);
    return rows.length - 1;
  }

  /** Removes every live row holding `id`; returns the rows removed. */
  remove(id: string): number[] {
    const gone = this.rowsWithId(id);
    for (const r of gone) this.removed.add(r);
    this.overlay.set(id, -1);
    return gone;
  }

  /** Calls `fn` for every live row, in order. */
  forEach(fn: (item: T, row: number) => void): void {
    const n = this.length;
    for (let row = 0; row < n; row++) if (!this.removed.has(row)) fn(this.at(row), row);
  }

  /**
   * The array after the batch with patches at `path` that lead to it (`patches`) and back
   * (`inversePatches`), in immer's patch format; `null` when nothing changed (rows edited back to
   * their base values keep the base object). Edited rows are one `replace` per row and added rows
   * one `add` each, undone by a `length` replace: O(edited + added) patches and an O(n) array copy.
   * When a row was removed, one whole-array `replace` (O(n)).
   */
  commit(path: string): { next: T[]; patches: Patch[]; inversePatches: Patch[] } | null {
    const base = this.base;
    const rows = this.rows ?? (base as T[]);
    for (const row of this.copied) if (shallowEqual(rows[row], base[row])) rows[row] = base[row];
    if (this.removed.size > 0) {
      const next = rows.filter((_, row) => !this.removed.has(row));
      return {
        next,
        patches: [{ op: 'replace', path: [path], value: next }],
        inversePatches: [{ op: 'replace', path: [path], value: base }],
      };
    }
    const edited = [...this.copied].filter((row) => rows[row] !== base[row]).sort((a, b) => a - b);
    if (edited.length === 0 && rows.length === base.length) return null;
    // `rows` is this batch's own copy here: a row was edited or added, and both copy first.
    const patches: Patch[] = [];
    const inversePatches: Patch[] = [];
    for (const row of edited) {
      patches.push({ op: 'replace', path: [path, row], value: rows[row] });
      inversePatches.push({ op: 'replace', path: [path, row], value: base[row] });
    }
    for (let row = base.length; row < rows.length; row++)
      patches.push({ op: 'add', path: [path, row], value: rows[row] });
    if (rows.length > base.length)
      inversePatches.push({ op: 'replace', path: [path, 'length'], value: base.length });
    return { next: rows, patches, inversePatches };
  }

  private ensureRows(): T[] {
    if (!this.rows) this.rows = this.base.slice();
    return this.rows;
  }
}

/** Shallow equality of two records; array fields are compared element by element. */
function shallowEqual(a: object, b: object): boolean {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const x = (a as Record<string, unknown>)[k];
    const y = (b as Record<string, unknown>)[k];
    if (x === y && Object.hasOwn(b, k)) continue;
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    if (x.some((v, i) => v !== y[i])) return false;
  }
  return true;
}
