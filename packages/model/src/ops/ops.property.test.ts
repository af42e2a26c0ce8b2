import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOp, applyOps } from './apply-ops';
import { createHistory, pushEntry, redo, undo } from './history';
import { opsImmer } from './immer';
import { opsFor, orgArb } from './op-arbitraries';
import { type OpInput, OpSchema, parseOp } from './op-schema';
import { invariantViolations } from './op-test-kit';

/** A random org with a random sequence of ops for it. */
const orgWithOps = (maxLength: number) =>
  orgArb.chain((org) => fc.tuple(fc.constant(org), opsFor(org, maxLength)));

describe('ops: properties', () => {
  it('random op sequences never break an invariant, and undoing everything returns the baseline', () => {
    fc.assert(
      fc.property(orgWithOps(25), ([baseline, ops]) => {
        const snapshot = structuredClone(baseline);
        let org = baseline;
        const inverses = [];
        for (const op of ops) {
          const res = applyOp(org, op as OpInput);
          if (!res.ok) continue;
          expect(invariantViolations(org, res.org)).toEqual([]);
          inverses.push(res.inversePatches);
          org = res.org;
        }
        for (const patches of inverses.reverse()) org = opsImmer.applyPatches(org, patches);
        expect(org).toStrictEqual(baseline);
        expect(baseline).toStrictEqual(snapshot);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('a batch equals the ops applied one by one, or fails at the first refused op with the same error', () => {
    fc.assert(
      fc.property(orgWithOps(15), ([baseline, ops]) => {
        const batch = applyOps(baseline, ops as OpInput[]);
        let org = baseline;
        for (let i = 0; i < ops.length; i++) {
          const res = applyOp(org, ops[i] as OpInput);
          if (!res.ok) {
            expect(batch).toEqual({ ok: false, error: { ...res.error, opIndex: i } });
            return;
          }
          org = res.org;
        }
        if (!batch.ok) throw new Error(`batch refused: ${batch.error.message}`);
        expect(batch.org).toStrictEqual(org);
        expect(opsImmer.applyPatches(batch.org, batch.inversePatches)).toStrictEqual(baseline);
        expect(invariantViolations(baseline, batch.org)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it('every valid op survives a JSON round trip', () => {
    fc.assert(
      fc.property(orgWithOps(10), ([, inputs]) => {
        for (const input of inputs) {
          const parsed = parseOp(input);
          if (parsed.ok)
            expect(OpSchema.parse(JSON.parse(JSON.stringify(parsed.op)))).toStrictEqual(parsed.op);
        }
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('undo all then redo all through the history, with random stopping points', () => {
    fc.assert(
      fc.property(
        orgWithOps(20),
        fc.array(fc.boolean(), { minLength: 20, maxLength: 20 }),
        ([baseline, ops], merges) => {
          let history = createHistory();
          let org = baseline;
          for (const [k, op] of ops.entries()) {
            const res = applyOp(org, op as OpInput);
            if (!res.ok) continue;
            history = pushEntry(history, res, { mergeWithPrevious: merges[k] });
            org = res.org;
          }
          const final = org;
          let state = { history, org };
          while (state.history.undoStack.length > 0) state = undo(state.history, state.org);
          expect(state.org).toStrictEqual(baseline);
          while (state.history.redoStack.length > 0) state = redo(state.history, state.org);
          expect(state.org).toStrictEqual(final);
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
