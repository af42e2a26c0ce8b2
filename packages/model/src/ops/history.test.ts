import { describe, expect, it } from 'vitest';
import type { Org } from '../schema/org';
import { applyOp } from './apply-ops';
import { canRedo, canUndo, createHistory, type History, pushEntry, redo, undo } from './history';
import type { OpInput } from './op-schema';
import { managers, sampleOrg } from './op-test-kit';

function apply(org: Org, op: OpInput) {
  const res = applyOp(org, op);
  if (!res.ok) throw new Error(res.error.message);
  return res;
}

describe('history', () => {
  const base = sampleOrg();

  it('undoes and redoes steps in order', () => {
    let history = createHistory();
    const a = apply(base, { type: 'changeManager', personId: 'p3', managerId: 'p6' });
    history = pushEntry(history, a);
    const b = apply(a.org, { type: 'assignTeam', personId: 'p4', teamId: 't3' });
    history = pushEntry(history, b);
    expect(canUndo(history)).toBe(true);
    expect(canRedo(history)).toBe(false);

    const u1 = undo(history, b.org);
    expect(u1.org).toStrictEqual(a.org);
    const u2 = undo(u1.history, u1.org);
    expect(u2.org).toStrictEqual(base);
    expect(canUndo(u2.history)).toBe(false);
    const r1 = redo(u2.history, u2.org);
    expect(r1.org).toStrictEqual(a.org);
    const r2 = redo(r1.history, r1.org);
    expect(r2.org).toStrictEqual(b.org);
    expect(canRedo(r2.history)).toBe(false);
  });

  it('undoes a drag made of several ops as one step', () => {
    let history = createHistory();
    const first = apply(base, { type: 'changeManager', personId: 'p8', managerId: 'p3' });
    history = pushEntry(history, first);
    const drag1 = apply(first.org, { type: 'changeManager', personId: 'p6', managerId: 'p1' });
    history = pushEntry(history, drag1);
    const drag2 = apply(drag1.org, { type: 'changeManager', personId: 'p6', managerId: 'p3' });
    history = pushEntry(history, drag2, { mergeWithPrevious: true });
    const drag3 = apply(drag2.org, { type: 'assignTeam', personId: 'p6', teamId: 't1' });
    history = pushEntry(history, drag3, { mergeWithPrevious: true });
    expect(history.undoStack).toHaveLength(2);

    const undone = undo(history, drag3.org);
    expect(undone.org).toStrictEqual(first.org);
    expect(managers(undone.org).p6).toBe('p2');
    const redone = redo(undone.history, undone.org);
    expect(redone.org).toStrictEqual(drag3.org);
    const all = undo(undo(history, drag3.org).history, undone.org);
    expect(all.org).toStrictEqual(base);
  });

  it('clears redo on a new change, skips changes without patches, and never mutates a history', () => {
    const a = apply(base, { type: 'changeManager', personId: 'p3', managerId: 'p6' });
    const h1 = pushEntry(createHistory(), a);
    const frozen = structuredClone(h1);
    const u = undo(h1, a.org);
    expect(h1).toStrictEqual(frozen);
    const b = apply(u.org, { type: 'assignTeam', personId: 'p4', teamId: 't3' });
    const h2 = pushEntry(u.history, b);
    expect(canRedo(h2)).toBe(false);
    const noop = apply(b.org, { type: 'assignTeam', personId: 'p4', teamId: 't3' });
    expect(pushEntry(h2, noop)).toBe(h2);
  });

  it('returns history and org unchanged when there is nothing to undo or redo', () => {
    const h: History = createHistory();
    expect(undo(h, base)).toEqual({ history: h, org: base });
    expect(redo(h, base)).toEqual({ history: h, org: base });
  });

  it('keeps at most `limit` steps', () => {
    let history = createHistory({ limit: 2 });
    let org = base;
    for (const teamId of ['t1', 't2', 't3']) {
      const res = apply(org, { type: 'assignTeam', personId: 'p8', teamId });
      history = pushEntry(history, res);
      org = res.org;
    }
    expect(history.undoStack).toHaveLength(2);
    const back = undo(undo(history, org).history, undo(history, org).org);
    expect(back.org.people[7].teamId).toBe('t1');
    expect(canUndo(back.history)).toBe(false);
  });
});
