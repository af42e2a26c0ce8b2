import { applyOps } from '../ops/apply-ops';
import type { Op } from '../ops/op-schema';
import type { Org } from '../schema/org';

/** One op of a scenario that no longer applies on a new baseline, with the model's reason. */
export interface RebaseOpConflict {
  /** The op's position in the scenario's effective op list (0-based). */
  opIndex: number;
  op: Op;
  code: string;
  message: string;
}

/** What {@link rebaseOps} gives: the ops that still apply, in order, their state, and the conflicts. */
export interface RebaseOpsResult {
  kept: Op[];
  org: Org;
  conflicts: RebaseOpConflict[];
}

/**
 * Replays a scenario's ops on a new baseline (after another scenario was adopted), one at a time:
 * an op that the model refuses there (its person was removed, it would now make a loop, …) is a
 * conflict, listed with its index and reason, and left out; the ones after it still get their
 * chance. `kept` applied to `baseline` gives `org`. Pure; O(ops) calls of `applyOps`.
 */
export function rebaseOps(baseline: Org, ops: readonly Op[]): RebaseOpsResult {
  let org = baseline;
  const kept: Op[] = [];
  const conflicts: RebaseOpConflict[] = [];
  ops.forEach((op, opIndex) => {
    const applied = applyOps(org, [op]);
    if (applied.ok) {
      org = applied.org;
      kept.push(op);
    } else {
      conflicts.push({ opIndex, op, code: applied.error.code, message: applied.error.message });
    }
  });
  return { kept, org, conflicts };
}
