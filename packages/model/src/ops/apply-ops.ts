import type { Patch } from 'immer';
import type { Org } from '../schema/org';
import type { OpBatchError } from './op-error';
import { applyParsedOp, type OpInput, parseOp } from './op-schema';
import { OpWorkspace } from './workspace';

/**
 * Result of {@link applyOp} and {@link applyOps}: the new org with immer patches that turn the
 * input into it (`patches`) and back (`inversePatches`), or the first refused op. Patches are
 * JSON-serialisable; apply them with immer's `applyPatches` (see `history.ts`).
 */
export type ApplyOpsResult =
  | { ok: true; org: Org; patches: Patch[]; inversePatches: Patch[] }
  | { ok: false; error: OpBatchError };

/**
 * Applies one op (validated first: it may be any JSON). Pure: the input org is never changed; the
 * result shares every untouched person, team and setting with it (so a UI can memoise), and is the
 * input itself when the op changes nothing. Never throws for bad input; the error's `opIndex` is 0.
 * Error codes: see `OP_ERROR_CODES`.
 */
export function applyOp(org: Org, op: OpInput): ApplyOpsResult {
  return applyOps(org, [op]);
}

/**
 * Applies a batch of ops in order, atomically: when one is refused, nothing of the batch applies
 * and the error names its `opIndex` (0-based). Patches cover the whole batch, net of changes that
 * cancel out.
 *
 * Complexity, for an org of n people: O(1)–O(depth) per `changeManager`, `moveTeam`,
 * `assignTeam`, `addPerson`, `updatePerson` (depth: layers of the reporting tree); O(reports,
 * members, teams, interactions touched) for the others; plus, at most once per batch, O(n) to
 * index reports, team members or dotted lines when an op first needs them (O(reports) instead
 * while the input's graph index is built and no line has changed), O(n) to look people up by id
 * the first time an org is changed (the lookup is then carried to each result that only edits or
 * appends people: see `getPeopleIds`), one O(n) copy of the people array, and O(n) to rewrite it
 * when a person was removed. A batch of 10k `changeManager` ops is O(n + 10k × depth).
 */
export function applyOps(org: Org, ops: readonly OpInput[]): ApplyOpsResult {
  if (!Array.isArray(ops)) {
    return { ok: false, error: { opIndex: 0, code: 'invalid_op', message: 'Expected a list of ops.' } };
  }
  const ws = new OpWorkspace(org);
  for (let opIndex = 0; opIndex < ops.length; opIndex++) {
    const parsed = parseOp(ops[opIndex]);
    if (!parsed.ok) return { ok: false, error: { opIndex, ...parsed.error } };
    const error = applyParsedOp(ws, parsed.op);
    if (error) return { ok: false, error: { opIndex, ...error } };
  }
  return { ok: true, ...ws.commit() };
}
