import type { Person } from '../schema/person';

/**
 * The reporting graph of an org over integer indices: the fast path every analysis uses.
 *
 * Index `i` is a *kept* record: when two records share an id, the later one is kept (the earlier
 * is listed in `duplicates` and left out of the graph). Arrays are indexed by `i`; `-1` means none.
 * Built once per org by {@link getOrgGraph} and never mutated.
 */
export interface OrgGraph {
  /** Number of kept records. */
  readonly n: number;
  /** Kept records; `records[i]` is the person at index `i`. */
  readonly records: readonly Person[];
  /** Position of `records[i]` in `org.people` (for row numbers in messages). */
  readonly rowOf: Int32Array;
  /** Index of a record id. */
  readonly indexOf: ReadonlyMap<string, number>;
  /** Index of the manager, or -1 at the top (no manager, a dangling manager id, or a self-report). */
  readonly parent: Int32Array;
  /** Children of `i` are `childList[childOffsets[i] .. childOffsets[i+1])`, in record order. */
  readonly childOffsets: Int32Array;
  readonly childList: Int32Array;
  /** Depth in the reporting tree, the top person at 1; 0 for records in or below a cycle. */
  readonly layer: Int32Array;
  /** Records in the subtree of `i`, itself included (0 for records in or below a cycle). */
  readonly subtreeSize: Int32Array;
  /** Headcount of the subtree of `i`, itself included: an aggregate counts as ceil(fte). */
  readonly subtreeHeadcount: Float64Array;
  /** Pre-order position of `i` (-1 if unreachable from a root); `j` is in the subtree of `i` iff tin[i] ≤ tin[j] < tout[i]. */
  readonly tin: Int32Array;
  readonly tout: Int32Array;
  /** Reachable indices in pre-order (each root followed by its subtree). */
  readonly order: Int32Array;
  /** Indices at the top, in record order. */
  readonly roots: Int32Array;
  /** Deepest layer (0 for an empty org). */
  readonly maxLayer: number;
  /** Ids held by more than one record, with the rows (positions in `org.people`) of each. */
  readonly duplicates: ReadonlyArray<{ id: string; rows: number[] }>;
  /** Indices whose managerId is their own id. */
  readonly selfReports: readonly number[];
  /** Indices whose managerId matches no record. */
  readonly dangling: readonly number[];
  /** Reporting loops, each as the indices in it, in manager order. */
  readonly cycles: ReadonlyArray<readonly number[]>;
}

/** Weight of a record in headcounts: an aggregate counts as its FTE rounded up, anyone else as 1. */
export function headcountWeight(p: Pick<Person, 'aggregate' | 'fte'>): number {
  return p.aggregate ? Math.ceil(p.fte) : 1;
}

/**
 * Builds the graph index of a list of people in O(n). Never throws: duplicate ids, self-reports,
 * dangling managers and cycles are recorded for the `graph.*` findings, and the rest is indexed.
 */
export function buildOrgGraph(people: readonly Person[]): OrgGraph {
  const indexOf = new Map<string, number>();
  const firstRows = new Map<string, number[]>();
  const keptRow: number[] = [];
  for (let row = 0; row < people.length; row++) {
    const id = people[row].id;
    const existing = indexOf.get(id);
    if (existing === undefined) {
      indexOf.set(id, keptRow.length);
      keptRow.push(row);
    } else {
      const rows = firstRows.get(id);
      if (rows) rows.push(row);
      else firstRows.set(id, [keptRow[existing], row]);
      keptRow[existing] = row; // the later row is kept
    }
  }
  const n = keptRow.length;
  const rowOf = Int32Array.from(keptRow);
  const records = keptRow.map((row) => people[row]);
  const duplicates = [...firstRows].map(([id, rows]) => ({ id, rows }));

  const parent = new Int32Array(n).fill(-1);
  const selfReports: number[] = [];
  const dangling: number[] = [];
  const childCount = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const m = records[i].managerId;
    if (m === null || m === undefined) continue;
    const j = indexOf.get(m);
    if (j === undefined) dangling.push(i);
    else if (j === i) selfReports.push(i);
    else {
      parent[i] = j;
      childCount[j]++;
    }
  }
  const childOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) childOffsets[i + 1] = childOffsets[i] + childCount[i];
  const fill = childOffsets.slice(0, n);
  const childList = new Int32Array(childOffsets[n]);
  for (let i = 0; i < n; i++) if (parent[i] >= 0) childList[fill[parent[i]]++] = i;

  const rootList: number[] = [];
  for (let i = 0; i < n; i++) if (parent[i] < 0) rootList.push(i);
  const roots = Int32Array.from(rootList);

  // Iterative pre-order DFS from the roots: layers, tin/tout, order.
  const layer = new Int32Array(n);
  const tin = new Int32Array(n).fill(-1);
  const tout = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  const stack = new Int32Array(n);
  let t = 0;
  let maxLayer = 0;
  for (let r = 0; r < roots.length; r++) {
    let sp = 0;
    stack[sp++] = roots[r];
    layer[roots[r]] = 1;
    while (sp > 0) {
      const i = stack[--sp];
      tin[i] = t;
      order[t++] = i;
      if (layer[i] > maxLayer) maxLayer = layer[i];
      // Push children in reverse so they are visited in record order.
      for (let k = childOffsets[i + 1] - 1; k >= childOffsets[i]; k--) {
        const c = childList[k];
        layer[c] = layer[i] + 1;
        stack[sp++] = c;
      }
    }
  }
  const reached = t;
  // Subtree sizes by reverse pre-order; tout from sizes.
  const subtreeSize = new Int32Array(n);
  const subtreeHeadcount = new Float64Array(n);
  for (let k = reached - 1; k >= 0; k--) {
    const i = order[k];
    subtreeSize[i] += 1;
    subtreeHeadcount[i] += headcountWeight(records[i]);
    const p = parent[i];
    if (p >= 0) {
      subtreeSize[p] += subtreeSize[i];
      subtreeHeadcount[p] += subtreeHeadcount[i];
    }
  }
  for (let k = 0; k < reached; k++) {
    const i = order[k];
    tout[i] = tin[i] + subtreeSize[i];
  }

  const cycles = reached < n ? findCycles(n, parent, tin) : [];
  return {
    n,
    records,
    rowOf,
    indexOf,
    parent,
    childOffsets,
    childList,
    layer,
    subtreeSize,
    subtreeHeadcount,
    tin,
    tout,
    order: order.subarray(0, reached),
    roots,
    maxLayer,
    duplicates,
    selfReports,
    dangling,
    cycles,
  };
}

/** Cycles among the records not reached from a root: follow managers until a loop closes. */
function findCycles(n: number, parent: Int32Array, tin: Int32Array): number[][] {
  const state = new Uint8Array(n); // 0 new, 1 on the current walk, 2 done
  const cycles: number[][] = [];
  for (let s = 0; s < n; s++) {
    if (tin[s] >= 0 || state[s] !== 0) continue;
    const walk: number[] = [];
    let i = s;
    while (i >= 0 && state[i] === 0) {
      state[i] = 1;
      walk.push(i);
      i = parent[i];
    }
    if (i >= 0 && state[i] === 1) cycles.push(walk.slice(walk.indexOf(i)));
    for (const w of walk) state[w] = 2;
  }
  return cycles;
}

/** Children of `i` as a fresh array of indices. */
export function getChildren(g: OrgGraph, i: number): number[] {
  return Array.from(g.childList.subarray(g.childOffsets[i], g.childOffsets[i + 1]));
}

/** Number of direct reports (records) of `i`. */
export function getChildCount(g: OrgGraph, i: number): number {
  return g.childOffsets[i + 1] - g.childOffsets[i];
}

/** Managers of `i` from the direct manager up to the top (stops at a cycle). */
export function getAncestors(g: OrgGraph, i: number): number[] {
  const out: number[] = [];
  const seen = new Set<number>([i]);
  for (let p = g.parent[i]; p >= 0 && !seen.has(p); p = g.parent[p]) {
    out.push(p);
    seen.add(p);
  }
  return out;
}

/** True when `j` is in the subtree of `i` (or is `i`); false when either is in or below a cycle. */
export function isInSubtree(g: OrgGraph, i: number, j: number): boolean {
  return g.tin[i] >= 0 && g.tin[j] >= 0 && g.tin[i] <= g.tin[j] && g.tin[j] < g.tout[i];
}

const cache = new WeakMap<readonly Person[], OrgGraph>();

/** The graph index of `people` when it is already built, else undefined (never builds it). */
export function peekOrgGraph(people: readonly Person[]): OrgGraph | undefined {
  return cache.get(people);
}

/**
 * The graph index of an org's people, built once per `people` array and cached (orgs are
 * immutable: an op produces a new array, hence a new index).
 */
export function getOrgGraph(org: { people: readonly Person[] }): OrgGraph {
  let g = cache.get(org.people);
  if (!g) {
    g = buildOrgGraph(org.people);
    cache.set(org.people, g);
  }
  return g;
}
