import type { LayoutReply, LayoutRequest } from './layout.worker';
import type { VisibleTree } from './visible-tree';

let layoutWorker: Worker | null = null;
let workerSeq = 0;

/** Visible trees up to this many people are laid out on the main thread (about 50 ms for 10k); bigger ones in a worker. */
export const INLINE_LAYOUT_LIMIT = 15_000;

/** The layout worker, started on first use (null where there are no workers: Node tests). */
function getLayoutWorker(): Worker | null {
  if (typeof Worker === 'undefined') return null;
  layoutWorker ??= new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  return layoutWorker;
}

/**
 * Starts the layout worker for an org of `people` when its chart could be big enough to need it,
 * so that loading the worker's script does not delay the first relayout after an edit.
 */
export function prepareLayoutWorker(people: number): void {
  if (people > INLINE_LAYOUT_LIMIT) getLayoutWorker();
}

/** Lays out `tree` in the layout worker, with its spatial grids. */
export function layoutInWorker(tree: VisibleTree): Promise<LayoutReply> {
  const worker = getLayoutWorker();
  if (!worker) return Promise.reject(new Error('Web Workers are not available.'));
  const seq = ++workerSeq;
  return new Promise((resolve) => {
    const onMessage = (e: MessageEvent<LayoutReply>) => {
      if (e.data.seq !== seq) return;
      worker.removeEventListener('message', onMessage);
      resolve(e.data);
    };
    worker.addEventListener('message', onMessage);
    const { parent, childOffsets, childList, isLeaf, container } = tree;
    const request: LayoutRequest = {
      seq,
      tree: { parent, childOffsets, childList, isLeaf, container },
    };
    worker.postMessage(request);
  });
}
