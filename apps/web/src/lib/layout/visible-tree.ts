/**
 * The part of the reporting forest that is on the chart: every root, and the reports of every
 * expanded manager. It is the input of the layout ({@link computeTreeLayout}) as plain arrays,
 * so it can be posted to a worker as it is.
 */
export interface VisibleTree {
  /** Ids in pre-order (each root followed by its visible subtree). */
  ids: string[];
  /** Position of the visible manager in `ids`, or -1 for a root. */
  parent: Int32Array;
  /** Visible reports of `i` are `childList[childOffsets[i] .. childOffsets[i+1])`, in record order. */
  childOffsets: Int32Array;
  childList: Int32Array;
  /** 1 when the person has no reports at all (an IC): such reports stack under their manager. */
  isLeaf: Uint8Array;
  /** 1 when the person has reports that are hidden (collapsed). */
  isCollapsed: Uint8Array;
  /** Team to draw as a container around this manager and their stacked reports (or their collapsed card), or null. */
  container: (string | null)[];
  /** Layer on the chart, the roots at 1. */
  depth: Int32Array;
}

/** How to read the forest. */
export interface TreeSource {
  roots: readonly string[];
  reports(id: string): readonly string[];
  /** Whether the reports of `id` (at chart layer `depth`, roots = 1) are shown. */
  isExpanded(id: string, depth: number): boolean;
  /** The team this manager leads (drawn as a container when all their reports are ICs), or null. */
  teamLedBy?(id: string): string | null;
}

/** Collects the visible tree in O(visible), with one stack and no per-person arrays. */
export function collectVisibleTree(source: TreeSource): VisibleTree {
  const ids: string[] = [];
  const parentList: number[] = [];
  const depthList: number[] = [];
  const leaf: number[] = [];
  const collapsed: number[] = [];
  // The stack holds (id, parent position, depth) triples flat; reports go on in reverse, so they come off in record order.
  const stackIds: string[] = [];
  const stackNums: number[] = [];
  for (let r = source.roots.length - 1; r >= 0; r--) {
    stackIds.push(source.roots[r]);
    stackNums.push(-1, 1);
  }
  while (stackIds.length > 0) {
    const id = stackIds.pop()!;
    const depth = stackNums.pop()!;
    const parent = stackNums.pop()!;
    const i = ids.length;
    ids.push(id);
    parentList.push(parent);
    depthList.push(depth);
    const reports = source.reports(id);
    leaf.push(reports.length === 0 ? 1 : 0);
    const open = reports.length > 0 && source.isExpanded(id, depth);
    collapsed.push(reports.length > 0 && !open ? 1 : 0);
    if (open)
      for (let k = reports.length - 1; k >= 0; k--) {
        stackIds.push(reports[k]);
        stackNums.push(i, depth + 1);
      }
  }
  const n = ids.length;
  const parent = Int32Array.from(parentList);
  // Children in pre-order: counting per parent, then filling in position order keeps record order.
  const childOffsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (parent[i] >= 0) childOffsets[parent[i] + 1]++;
  for (let i = 0; i < n; i++) childOffsets[i + 1] += childOffsets[i];
  const childList = new Int32Array(childOffsets[n]);
  const cursor = childOffsets.slice(0, n);
  for (let i = 0; i < n; i++) if (parent[i] >= 0) childList[cursor[parent[i]]++] = i;
  // A team lead whose shown reports are all ICs (or who is collapsed) is drawn in the team's container.
  const container: (string | null)[] = new Array(n).fill(null);
  if (source.teamLedBy)
    for (let i = 0; i < n; i++) {
      if (leaf[i] === 1) continue;
      let allLeaves = true;
      for (let k = childOffsets[i]; k < childOffsets[i + 1] && allLeaves; k++)
        allLeaves = leaf[childList[k]] === 1;
      if (allLeaves) container[i] = source.teamLedBy(ids[i]);
    }
  return {
    ids,
    parent,
    childOffsets,
    childList,
    isLeaf: Uint8Array.from(leaf),
    isCollapsed: Uint8Array.from(collapsed),
    container,
    depth: Int32Array.from(depthList),
  };
}

/**
 * Expand/collapse state: people explicitly opened or closed, over a default that shows the top
 * `defaultDepth` layers' reports. Kept by id, so it survives edits of the org.
 */
export interface CollapseState {
  defaultDepth: number;
  overrides: ReadonlyMap<string, boolean>;
}

/** Whether `id` at chart layer `depth` shows its reports. */
export function isExpandedIn(state: CollapseState, id: string, depth: number): boolean {
  return state.overrides.get(id) ?? depth <= state.defaultDepth;
}

/**
 * The deepest default depth that shows at most `budget` people: layers are opened one by one
 * while the chart stays small enough to read. `layerSizes[k]` is the number of people at layer k+1.
 * At least 1 (the top and their reports).
 */
export function pickDefaultDepth(layerSizes: readonly number[], budget = 160): number {
  let shown = (layerSizes[0] ?? 0) + (layerSizes[1] ?? 0);
  let depth = 1;
  while (depth + 1 < layerSizes.length && shown + layerSizes[depth + 1] <= budget) {
    shown += layerSizes[depth + 1];
    depth++;
  }
  return depth;
}
