import type { VisibleTree } from '../../lib/layout/visible-tree';

/** Keys that move the selection on the chart. */
export type NavKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End';

/**
 * The person the selection moves to from position `i` of the visible tree: up to the manager,
 * down to the first visible report, left/right to the previous/next peer, Home to the top, End to
 * the last peer. Returns `i` itself when there is nowhere to go.
 */
export function navigate(tree: VisibleTree, i: number, key: NavKey): number {
  const parent = tree.parent[i];
  const siblings = (p: number) =>
    p >= 0
      ? Array.from(tree.childList.subarray(tree.childOffsets[p], tree.childOffsets[p + 1]))
      : rootsOf(tree);
  switch (key) {
    case 'ArrowUp':
      return parent >= 0 ? parent : i;
    case 'ArrowDown':
      return tree.childOffsets[i + 1] > tree.childOffsets[i] ? tree.childList[tree.childOffsets[i]] : i;
    case 'ArrowLeft':
    case 'ArrowRight': {
      const peers = siblings(parent);
      const k = peers.indexOf(i) + (key === 'ArrowLeft' ? -1 : 1);
      return k >= 0 && k < peers.length ? peers[k] : i;
    }
    case 'Home':
      return rootsOf(tree)[0] ?? i;
    case 'End': {
      const peers = siblings(parent);
      return peers[peers.length - 1] ?? i;
    }
  }
}

function rootsOf(tree: VisibleTree): number[] {
  const out: number[] = [];
  for (let i = 0; i < tree.ids.length; i++) if (tree.parent[i] === -1) out.push(i);
  return out;
}
