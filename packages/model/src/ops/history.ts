import type { Patch } from 'immer';
import type { Org } from '../schema/org';
import { opsImmer } from './immer';

/** One undoable step: the patches that redo it and the inverse patches that undo it. */
export interface HistoryStep {
  readonly patches: readonly Patch[];
  readonly inversePatches: readonly Patch[];
}

/**
 * An undo/redo history of patches, as an immutable value: every function returns a new history
 * and never changes its argument. `undoStack` is oldest first (its last step is undone first);
 * `redoStack` holds undone steps (its last step is redone first).
 */
export interface History {
  readonly undoStack: readonly HistoryStep[];
  readonly redoStack: readonly HistoryStep[];
  /** Most steps kept; older ones are dropped. */
  readonly limit: number;
}

/** Options of {@link createHistory}. */
export interface HistoryOptions {
  /** Most undo steps kept (default: unlimited). */
  limit?: number;
}

/** An empty history. */
export function createHistory(options: HistoryOptions = {}): History {
  return { undoStack: [], redoStack: [], limit: options.limit ?? Number.POSITIVE_INFINITY };
}

/** Options of {@link pushEntry}. */
export interface PushEntryOptions {
  /**
   * Merge into the previous step instead of starting a new one: pass `true` for every change of a
   * gesture after its first (a drag applying several ops is then undone as one step).
   */
  mergeWithPrevious?: boolean;
}

/**
 * Records a change (the `patches`/`inversePatches` of an `applyOp`/`applyOps` result). A change
 * without patches (an op that changed nothing) is not recorded. A recorded change clears the redo stack.
 */
export function pushEntry(history: History, change: HistoryStep, options: PushEntryOptions = {}): History {
  if (change.patches.length === 0 && change.inversePatches.length === 0) return history;
  const last = history.undoStack.at(-1);
  const step: HistoryStep =
    options.mergeWithPrevious && last
      ? {
          patches: [...last.patches, ...change.patches],
          inversePatches: [...change.inversePatches, ...last.inversePatches],
        }
      : { patches: [...change.patches], inversePatches: [...change.inversePatches] };
  const kept = options.mergeWithPrevious && last ? history.undoStack.slice(0, -1) : history.undoStack;
  const undoStack = [...kept, step];
  return {
    ...history,
    undoStack:
      undoStack.length > history.limit ? undoStack.slice(undoStack.length - history.limit) : undoStack,
    redoStack: [],
  };
}

/** True when there is a step to undo. */
export function canUndo(history: History): boolean {
  return history.undoStack.length > 0;
}

/** True when there is a step to redo. */
export function canRedo(history: History): boolean {
  return history.redoStack.length > 0;
}

/**
 * Undoes the last step: applies its inverse patches to `org` (which must be the state the history
 * ends at). Returns the history and org unchanged when there is nothing to undo.
 */
export function undo(history: History, org: Org): { history: History; org: Org } {
  const step = history.undoStack.at(-1);
  if (!step) return { history, org };
  return {
    history: {
      ...history,
      undoStack: history.undoStack.slice(0, -1),
      redoStack: [...history.redoStack, step],
    },
    org: opsImmer.applyPatches(org, step.inversePatches as Patch[]),
  };
}

/** Redoes the last undone step. Returns the history and org unchanged when there is nothing to redo. */
export function redo(history: History, org: Org): { history: History; org: Org } {
  const step = history.redoStack.at(-1);
  if (!step) return { history, org };
  return {
    history: {
      ...history,
      undoStack: [...history.undoStack, step],
      redoStack: history.redoStack.slice(0, -1),
    },
    org: opsImmer.applyPatches(org, step.patches as Patch[]),
  };
}
