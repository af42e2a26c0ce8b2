import type { Org, Person, Team } from '@reorg/model';

/**
 * The web app's index of an org: people by id, reports by manager (in record order) and the
 * tops of the reporting forest. Unlike the model's graph index it can be updated in O(changed)
 * from the patches of an `applyOps` result, which keeps a drop on a 100k-person org cheap.
 *
 * Dirty data is shown, not hidden: a dangling or self manager makes a root; people in a reporting
 * loop become roots (the first of each loop in record order), so everyone is on the chart once.
 */
export interface OrgIndex {
  /** Kept record per id (the later record of a duplicated id, as in the model). */
  readonly byId: Map<string, Person>;
  /** Position of the kept record in `org.people`. */
  readonly rowById: Map<string, number>;
  /** Report ids by manager id, in record order. */
  readonly children: Map<string, string[]>;
  /** Ids at the top, in record order (loop breakers last). */
  readonly roots: string[];
  /** Roots that have a valid manager: where a reporting loop was cut for display. */
  readonly loopRoots: ReadonlySet<string>;
  readonly teamsById: Map<string, Team>;
  /** Bumped on every change; use it in memo dependencies. */
  readonly version: number;
}

const NO_CHILDREN: readonly string[] = [];

/** Report ids of `id` (empty when none). */
export function getReports(index: OrgIndex, id: string): readonly string[] {
  return index.children.get(id) ?? NO_CHILDREN;
}

/** The effective manager of `id` on the chart: null at a root, a dangling or a self manager. */
export function getManagerId(index: OrgIndex, id: string): string | null {
  const p = index.byId.get(id);
  if (!p || p.managerId === null || p.managerId === id || !index.byId.has(p.managerId)) return null;
  return index.loopRoots.has(id) ? null : p.managerId;
}

/** Builds the index of an org in O(n). */
export function buildOrgIndex(org: Org, version = 0): OrgIndex {
  const byId = new Map<string, Person>();
  const rowById = new Map<string, number>();
  org.people.forEach((p, row) => {
    byId.set(p.id, p);
    rowById.set(p.id, row);
  });
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  const duplicates = byId.size !== org.people.length;
  org.people.forEach((p, row) => {
    if (duplicates && rowById.get(p.id) !== row) return; // an earlier duplicate
    const m = p.managerId;
    if (m === null || m === p.id || !byId.has(m)) roots.push(p.id);
    else {
      const list = children.get(m);
      if (list) list.push(p.id);
      else children.set(m, [p.id]);
    }
  });
  const loopRoots = breakLoops(byId, rowById, children, roots);
  const teamsById = new Map(org.teams.map((t) => [t.id, t]));
  return { byId, rowById, children, roots, loopRoots, teamsById, version };
}

/** Adds a root for each reporting loop (people not reachable from a root) and cuts the loop there. */
function breakLoops(
  byId: Map<string, Person>,
  rowById: Map<string, number>,
  children: Map<string, string[]>,
  roots: string[],
): Set<string> {
  const loopRoots = new Set<string>();
  // Each person sits in at most one list, so a walk from the roots counts everyone it reaches once:
  // when that is everyone (the usual case), there is no loop and no set of 100k ids to build.
  let count = 0;
  const countStack = [...roots];
  while (countStack.length > 0) {
    const id = countStack.pop()!;
    count++;
    const kids = children.get(id);
    if (kids) for (const c of kids) countStack.push(c);
  }
  if (count === byId.size) return loopRoots;
  const reached = new Set<string>();
  const visit = (start: string) => {
    const stack = [start];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (reached.has(id)) continue;
      reached.add(id);
      for (const c of children.get(id) ?? NO_CHILDREN) stack.push(c);
    }
  };
  for (const r of roots) visit(r);
  const ordered = [...byId.keys()].sort((a, b) => rowById.get(a)! - rowById.get(b)!);
  for (const id of ordered) {
    if (reached.has(id)) continue;
    // Cut the edge from this person's manager so the loop hangs from here.
    const m = byId.get(id)!.managerId!;
    const list = children.get(m);
    if (list)
      children.set(
        m,
        list.filter((c) => c !== id),
      );
    roots.push(id);
    loopRoots.add(id);
    visit(id);
  }
  return loopRoots;
}

type PatchLike = { op: string; path: (string | number)[]; value?: unknown };

/**
 * Updates `index` for `next`, the org after an `applyOps` whose `patches` led from the org the
 * index was built for. O(changed records) when the patches only replace fields of existing people
 * or append people; otherwise (a removal rewrites the people array) a full rebuild.
 */
export function updateOrgIndex(index: OrgIndex, next: Org, patches: readonly PatchLike[]): OrgIndex {
  const changedRows = new Set<number>();
  let teamsChanged = false;
  for (const p of patches) {
    if (p.path[0] === 'people') {
      if (p.path.length < 2 || typeof p.path[1] !== 'number') return buildOrgIndex(next, index.version + 1);
      if (p.op === 'remove') return buildOrgIndex(next, index.version + 1);
      changedRows.add(p.path[1]);
    } else if (p.path[0] === 'teams') teamsChanged = true;
  }
  if (index.loopRoots.size > 0) return buildOrgIndex(next, index.version + 1);
  const { byId, rowById, children, roots, loopRoots } = index;
  const sizes = subtreeSizes.get(children);
  const rows = [...changedRows].sort((a, b) => a - b);
  const changes: { person: Person; before: Person | undefined }[] = [];
  for (const row of rows) {
    const person = next.people[row];
    if (!person) return buildOrgIndex(next, index.version + 1);
    const before = byId.get(person.id);
    if (before && rowById.get(person.id) !== row) return buildOrgIndex(next, index.version + 1);
    changes.push({ person, before });
  }
  // Subtree sizes that may change: the changed people and everyone above them, before and after.
  const stale: string[] = [];
  if (sizes)
    for (const { person, before } of changes)
      if (before) stale.push(person.id, ...getChain(index, person.id));
  // First every record, so that a report can attach to a person added in the same batch.
  changes.forEach(({ person }, k) => {
    byId.set(person.id, person);
    rowById.set(person.id, rows[k]);
  });
  for (const { person, before } of changes) {
    const oldParent = before ? effectiveParent(before, byId) : undefined;
    const newParent = effectiveParent(person, byId);
    if (before && oldParent === newParent) continue;
    if (before) detach(children, roots, person.id, oldParent ?? null);
    attach(children, roots, rowById, person.id, newParent);
  }
  // A person added under an id that dangling records already named adopts them.
  const added = new Set(changes.filter((c) => !c.before).map((c) => c.person.id));
  if (added.size > 0) {
    for (const r of [...roots]) {
      const m = byId.get(r)!.managerId;
      if (m !== null && m !== r && added.has(m)) {
        detach(children, roots, r, null);
        attach(children, roots, rowById, r, m);
      }
    }
  }
  const teamsById = teamsChanged ? new Map(next.teams.map((t) => [t.id, t])) : index.teamsById;
  const updated = { byId, rowById, children, roots, loopRoots, teamsById, version: index.version + 1 };
  if (sizes) {
    for (const { person } of changes) stale.push(person.id, ...getChain(updated, person.id));
    for (const id of stale) sizes.delete(id);
  }
  return updated;
}

function effectiveParent(p: Person, byId: Map<string, Person>): string | null {
  const m = p.managerId;
  return m === null || m === p.id || !byId.has(m) ? null : m;
}

function detach(children: Map<string, string[]>, roots: string[], id: string, parent: string | null): void {
  if (parent === null) {
    const k = roots.indexOf(id);
    if (k >= 0) roots.splice(k, 1);
    return;
  }
  const list = children.get(parent);
  if (!list) return;
  const next = list.filter((c) => c !== id);
  if (next.length > 0) children.set(parent, next);
  else children.delete(parent);
}

function attach(
  children: Map<string, string[]>,
  roots: string[],
  rowById: Map<string, number>,
  id: string,
  parent: string | null,
): void {
  const list = parent === null ? roots : [...(children.get(parent) ?? [])];
  const row = rowById.get(id)!;
  let at = list.length;
  while (at > 0 && rowById.get(list[at - 1])! > row) at--;
  list.splice(at, 0, id);
  if (parent !== null) children.set(parent, list);
}

/** Managers of `id` from the direct manager to the top. */
export function getChain(index: OrgIndex, id: string): string[] {
  const out: string[] = [];
  const seen = new Set([id]);
  let m = getManagerId(index, id);
  while (m !== null && !seen.has(m)) {
    out.push(m);
    seen.add(m);
    m = getManagerId(index, m);
  }
  return out;
}

/** Number of people below `id` (not counting `id`). O(subtree). */
export function countSubtree(index: OrgIndex, id: string): number {
  let count = 0;
  const stack = [...getReports(index, id)];
  while (stack.length > 0) {
    const c = stack.pop()!;
    count++;
    for (const r of getReports(index, c)) stack.push(r);
  }
  return count;
}

/** Cached subtree sizes per index (keyed by its `children` map, which updates keep). */
const subtreeSizes = new WeakMap<Map<string, string[]>, Map<string, number>>();

/**
 * Number of people below `id`, cached per index: O(subtree) the first time, O(1) after.
 * {@link updateOrgIndex} drops only the sizes a change can touch (the changed people and their
 * managers up to the top, before and after), so a drop on a 100k-person org recounts a handful.
 */
export function getSubtreeSize(index: OrgIndex, id: string): number {
  let sizes = subtreeSizes.get(index.children);
  if (!sizes) {
    sizes = new Map();
    subtreeSizes.set(index.children, sizes);
  }
  let n = sizes.get(id);
  if (n === undefined) {
    n = countSubtree(index, id);
    sizes.set(id, n);
  }
  return n;
}

/** True when `id` is `ancestor` or sits below them. O(depth). */
export function isUnder(index: OrgIndex, id: string, ancestor: string): boolean {
  if (id === ancestor) return true;
  return getChain(index, id).includes(ancestor);
}

/** Layer of each person (top = 1), by a walk from the roots. O(n). */
export function getLayers(index: OrgIndex): Map<string, number> {
  const layers = new Map<string, number>();
  const stack: [string, number][] = index.roots.map((r) => [r, 1]);
  while (stack.length > 0) {
    const [id, l] = stack.pop()!;
    layers.set(id, l);
    for (const c of getReports(index, id)) stack.push([c, l + 1]);
  }
  return layers;
}

/** Number of people per layer (index 0 = the top), by a walk from the roots. O(n), no per-person map. */
export function getLayerSizes(index: OrgIndex): number[] {
  const sizes: number[] = [];
  const stack: [string, number][] = index.roots.map((r) => [r, 0]);
  while (stack.length > 0) {
    const [id, l] = stack.pop()!;
    sizes[l] = (sizes[l] ?? 0) + 1;
    for (const c of getReports(index, id)) stack.push([c, l + 1]);
  }
  return sizes;
}
