import { describe, expect, it } from 'vitest';
import { applyOp, applyOps } from './apply-ops';
import { opsImmer } from './immer';
import { invariantViolations, managers, sampleOrg } from './op-test-kit';

describe('applyOps', () => {
  const org = sampleOrg();

  it('applies ops in order, each seeing the ones before', () => {
    const res = applyOps(org, [
      { type: 'addPerson', person: { id: 'p9', name: 'Noor Ali', managerId: 'p2' } },
      { type: 'changeManager', personId: 'p6', managerId: 'p9' },
      { type: 'removePerson', personId: 'p3' },
      { type: 'changeManager', personId: 'p4', managerId: 'p6' },
      { type: 'updatePerson', personId: 'p9', changes: { title: 'Director' } },
    ]);
    if (!res.ok) throw new Error(res.error.message);
    expect(managers(res.org)).toEqual({
      p1: null,
      p2: 'p1',
      p4: 'p6',
      p5: 'p2',
      p6: 'p9',
      p7: 'p6',
      p8: 'p6',
      p9: 'p2',
    });
    expect(res.org.people.at(-1)).toMatchObject({ id: 'p9', title: 'Director' });
    expect(opsImmer.applyPatches(res.org, res.inversePatches)).toStrictEqual(org);
    expect(opsImmer.applyPatches(org, res.patches)).toStrictEqual(res.org);
    expect(invariantViolations(org, res.org)).toEqual([]);
  });

  it('sees reporting lines changed earlier in the batch when checking for loops', () => {
    const res = applyOps(org, [
      { type: 'changeManager', personId: 'p6', managerId: 'p4' },
      { type: 'changeManager', personId: 'p3', managerId: 'p7' },
    ]);
    expect(res).toEqual({
      ok: false,
      error: {
        opIndex: 1,
        code: 'cycle',
        message:
          'Cannot move Sam Lee (p3) under Ola Berg (p7): Ola reports indirectly to Sam, so this would create a reporting loop.',
      },
    });
  });

  it('is atomic: one refused op and nothing of the batch applies', () => {
    const snapshot = structuredClone(org);
    const res = applyOps(org, [
      { type: 'removePerson', personId: 'p3' },
      { type: 'assignTeam', personId: 'p4', teamId: 't2' },
      { type: 'changeManager', personId: 'p3', managerId: 'p1' },
    ]);
    expect(res).toEqual({
      ok: false,
      error: {
        opIndex: 2,
        code: 'not_found',
        message: 'There is no person with id "p3" (the person to move).',
      },
    });
    expect(org).toStrictEqual(snapshot);
  });

  it('names the op index of a malformed op', () => {
    const res = applyOps(org, [{ type: 'assignTeam', personId: 'p4', teamId: 't2' }, null as never]);
    expect(res.ok === false && res.error).toMatchObject({ opIndex: 1, code: 'invalid_op' });
    const bad = applyOp(org, { type: 'renameOrg' } as never);
    expect(bad.ok === false && bad.error.message).toMatch(
      /Unknown op: type "renameOrg"; expected one of changeManager/,
    );
  });

  it('returns net patches, and the input itself when the batch cancels out', () => {
    const res = applyOps(org, [
      { type: 'changeManager', personId: 'p3', managerId: 'p6' },
      { type: 'changeManager', personId: 'p3', managerId: 'p2' },
    ]);
    expect(res).toEqual({ ok: true, org, patches: [], inversePatches: [] });
  });

  it('adds and removes the same person within a batch', () => {
    const res = applyOps(org, [
      { type: 'addPerson', person: { id: 'tmp', managerId: 'p3' } },
      { type: 'changeManager', personId: 'p4', managerId: 'tmp' },
      { type: 'removePerson', personId: 'tmp' },
      { type: 'addPerson', person: { id: 'tmp', name: 'Again' } },
    ]);
    if (!res.ok) throw new Error(res.error.message);
    expect(managers(res.org)).toEqual({ ...managers(org), tmp: null });
    expect(res.org.people.at(-1)?.name).toBe('Again');
    expect(opsImmer.applyPatches(res.org, res.inversePatches)).toStrictEqual(org);
  });

  it('refuses a batch that is not a list', () => {
    expect(applyOps(org, { type: 'removePerson' } as never)).toEqual({
      ok: false,
      error: { opIndex: 0, code: 'invalid_op', message: 'Expected a list of ops.' },
    });
  });

  it('handles an empty batch', () => {
    expect(applyOps(org, [])).toEqual({ ok: true, org, patches: [], inversePatches: [] });
  });
});
