import type { Org } from '../schema/org';
import type { Person } from '../schema/person';
import type { Team } from '../schema/team';

/** How far ahead the in-order walk looks for a record before giving up on the current position. */
const WINDOW = 8;

/** Teams of one org by id. */
export function indexTeams(org: Org): Map<string, Team> {
  const teams = new Map<string, Team>();
  for (const t of org.teams) teams.set(t.id, t);
  return teams;
}

/**
 * How the people of two orgs pair up by id. A record that repeats an id (dirty imports) pairs
 * with one record of that id: the nearest in the list, else the first one left over.
 * `matchOf[i]` is the position in `after` of `before`'s record `i` (-1 when it has no partner:
 * removed), `matched[j]` is 1 when `after`'s record `j` has one.
 *
 * The fast path builds no id map at all: both lists are walked in step (an op edits records in
 * place, appends hires, removes leavers), looking a few records ahead on either side; records
 * left over are paired through a map of the leftovers only. When the lists are far out of step
 * (e.g. two exports sorted differently) it falls back to a full id map of `after`.
 */
export class PeopleMatch {
  readonly before: readonly Person[];
  readonly after: readonly Person[];
  readonly matchOf: Int32Array;
  readonly matched: Uint8Array;

  constructor(before: Org, after: Org) {
    this.before = before.people;
    this.after = after.people;
    this.matchOf = new Int32Array(this.before.length).fill(-1);
    this.matched = new Uint8Array(this.after.length);
    const pending = this.matchInOrder();
    if (pending) this.matchLeftovers(pending);
    else this.matchById();
  }

  private set(i: number, j: number): void {
    this.matchOf[i] = j;
    this.matched[j] = 1;
  }

  /** True when `id` is among the `WINDOW` records of `list` from `from`. */
  private static near(list: readonly Person[], from: number, id: string): number {
    const end = Math.min(list.length, from + WINDOW);
    for (let k = from; k < end; k++) if (list[k].id === id) return k;
    return -1;
  }

  /** Walks both lists in step; returns the unpaired `before` positions, or null when too far out of step. */
  private matchInOrder(): number[] | null {
    const B = this.before;
    const A = this.after;
    const pending: number[] = [];
    const limit = 1000 + (B.length >> 3);
    let j = 0;
    for (let i = 0; i < B.length; i++) {
      const id = B[i].id;
      const start = j;
      while (j < A.length && A[j].id !== id) {
        const ahead = PeopleMatch.near(A, j + 1, id);
        if (ahead >= 0) {
          j = ahead; // A[j..ahead) are new or moved: paired later
          break;
        }
        // A[j] is a later record of B: B[i] is gone or moved. Else A[j] is new or moved.
        if (PeopleMatch.near(B, i + 1, A[j].id) >= 0 || ++j - start > WINDOW) {
          j = start;
          break;
        }
      }
      if (j < A.length && A[j].id === id) this.set(i, j++);
      else if (pending.push(i) > limit) return null;
    }
    return pending;
  }

  /** Pairs the leftover records of both sides by id (repeated ids: in order of appearance). */
  private matchLeftovers(pending: readonly number[]): void {
    if (pending.length === 0) return;
    const free = new Map<string, number[]>();
    for (let j = this.after.length - 1; j >= 0; j--) {
      if (this.matched[j] === 1) continue;
      const id = this.after[j].id;
      const list = free.get(id);
      if (list) list.push(j);
      else free.set(id, [j]);
    }
    for (const i of pending) {
      const j = free.get(this.before[i].id)?.pop();
      if (j !== undefined) this.set(i, j);
    }
  }

  /** Pairs every record by id through a map of `after` (records that repeat an id: in order). */
  private matchById(): void {
    this.matchOf.fill(-1);
    this.matched.fill(0);
    const A = this.after;
    const B = this.before;
    const last = new Map<string, number>();
    for (let j = 0; j < A.length; j++) last.set(A[j].id, j);
    if (last.size < A.length) {
      this.matchRepeatedIds();
      return;
    }
    for (let i = 0; i < B.length; i++) {
      const j = last.get(B[i].id);
      if (j !== undefined && this.matched[j] === 0) this.set(i, j);
    }
  }

  /** {@link matchById} when `after` repeats ids: the k-th record of an id pairs with the k-th. */
  private matchRepeatedIds(): void {
    const A = this.after;
    const first = new Map<string, number>();
    const next = new Int32Array(A.length);
    for (let j = A.length - 1; j >= 0; j--) {
      next[j] = first.get(A[j].id) ?? -1;
      first.set(A[j].id, j);
    }
    for (let i = 0; i < this.before.length; i++) {
      const id = this.before[i].id;
      const j = first.get(id);
      if (j === undefined || j < 0) continue;
      this.set(i, j);
      first.set(id, next[j]);
    }
  }

  /**
   * The records named by `ids`, in one pass over each side: `after`'s record when there is one
   * (the later of two with one id), else `before`'s. Ids that are nobody are left out.
   */
  findPeople(ids: ReadonlySet<string>): Map<string, Person> {
    const found = new Map<string, Person>();
    if (ids.size === 0) return found;
    for (const p of this.after) if (ids.has(p.id)) found.set(p.id, p);
    if (found.size === ids.size) return found;
    const onlyBefore = new Map<string, Person>();
    for (const p of this.before) if (ids.has(p.id) && !found.has(p.id)) onlyBefore.set(p.id, p);
    for (const [id, p] of onlyBefore) found.set(id, p);
    return found;
  }
}
