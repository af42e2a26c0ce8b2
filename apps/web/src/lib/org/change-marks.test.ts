import { applyOps, diffOrgs, type Op } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { createTestOrg } from '../../test/orgs';
import { changeMarks, describeChanges } from './change-marks';

function marksAfter(ops: unknown[]) {
  const base = createTestOrg();
  const applied = applyOps(base, ops as Op[]);
  if (!applied.ok) throw new Error(applied.error.message);
  return changeMarks(diffOrgs(base, applied.org));
}

describe('change marks against the baseline', () => {
  it('marks who moved (from whom), who is new, who leaves, and the teams that changed', () => {
    const marks = marksAfter([
      { type: 'changeManager', personId: 'a1', managerId: 'em2' },
      {
        type: 'addPerson',
        person: { id: 'r1', title: 'Engineer', managerId: 'em3', status: 'open', teamId: 't3' },
      },
      { type: 'updatePerson', personId: 'b2', changes: { status: 'leaving' } },
      { type: 'updatePerson', personId: 'c1', changes: { level: 'L4' } },
      { type: 'removePerson', personId: 'a3' },
    ]);
    expect(Object.fromEntries(marks.byPerson)).toEqual({
      r1: { kind: 'new', label: 'New req' },
      b2: { kind: 'leaving', label: 'Leaving' },
      a1: { kind: 'moved', label: 'Moved from Name em1' },
      c1: { kind: 'level', label: 'Level L3 → L4' },
    });
    expect(marks.removed).toEqual([{ id: 'a3', name: 'Name a3' }]);
    // t1 lost a3 (removed), t3 gained the req; a1 changed manager but kept team t1.
    expect([...marks.teams].sort()).toEqual(['t1', 't3']);
    expect(describeChanges(marks)).toBe(
      '1 moved · 1 new · 1 leaving · 1 re-levelled or retitled · 1 removed',
    );
  });

  it('keeps one mark per person: a move beats a team change', () => {
    const marks = marksAfter([
      { type: 'changeManager', personId: 'a1', managerId: 'em2' },
      { type: 'assignTeam', personId: 'a1', teamId: 't2' },
      { type: 'assignTeam', personId: 'b1', teamId: 't1' },
    ]);
    expect(marks.byPerson.get('a1')).toEqual({ kind: 'moved', label: 'Moved from Name em1' });
    expect(marks.byPerson.get('b1')).toEqual({ kind: 'team', label: 'Now in Checkout' });
    expect(marks.counts).toMatchObject({ moved: 1, team: 1 });
    expect([...marks.teams].sort()).toEqual(['t1', 't2']);
  });

  it('says so when nothing changed', () => {
    const marks = marksAfter([]);
    expect(marks.byPerson.size).toBe(0);
    expect(describeChanges(marks)).toBe('No changes');
  });
});
