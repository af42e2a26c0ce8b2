import { describe, expect, it } from 'vitest';
import { applyOps } from '../ops/apply-ops';
import type { OpInput } from '../ops/op-schema';
import { createOrg, type Org } from '../schema/org';
import { getFootprint, namedRecords, rebaseOnto } from './rebase';

// Ada ← Grace, Linus; Grace ← Edsger, Barbara; Linus ← Ken. Teams core (Grace), web (Linus).
const base = createOrg({
  id: 'acme',
  name: 'Acme',
  asOf: '2025-01-01',
  people: [
    { id: 'ada', name: 'Ada', managerId: null },
    { id: 'grace', name: 'Grace', managerId: 'ada', teamId: 'core' },
    { id: 'linus', name: 'Linus', managerId: 'ada', teamId: 'web' },
    { id: 'e1', name: 'Edsger', managerId: 'grace', teamId: 'core' },
    { id: 'e2', name: 'Barbara', managerId: 'grace', teamId: 'core' },
    { id: 'e3', name: 'Ken', managerId: 'linus', teamId: 'web' },
  ],
  teams: [
    { id: 'core', name: 'Core', managerId: 'grace' },
    { id: 'web', name: 'Web', managerId: 'linus' },
  ],
});

function after(org: Org, ops: OpInput[]): Org {
  const r = applyOps(org, ops);
  if (!r.ok) throw new Error(r.error.message);
  return r.org;
}
const manager = (org: Org, id: string) => org.people.find((p) => p.id === id)?.managerId;

describe('rebaseOnto', () => {
  it('replays changes to other people on top of theirs', () => {
    const theirs = after(base, [{ type: 'changeManager', personId: 'e1', managerId: 'linus' }]);
    const r = rebaseOnto(base, theirs, [[{ type: 'changeManager', personId: 'e3', managerId: 'grace' }]]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(manager(r.org, 'e1')).toBe('linus');
    expect(manager(r.org, 'e3')).toBe('grace');
  });

  it('names the op that changes a person they changed, with the batch and op index', () => {
    const theirs = after(base, [{ type: 'changeManager', personId: 'e1', managerId: 'linus' }]);
    const mine: OpInput[][] = [
      [{ type: 'changeManager', personId: 'e3', managerId: 'grace' }],
      [
        { type: 'updatePerson', personId: 'e2', changes: { title: 'Staff' } },
        { type: 'changeManager', personId: 'e1', managerId: 'ada' },
      ],
    ];
    const r = rebaseOnto(base, theirs, mine);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.applied).toBe(1);
    expect(r.conflict).toMatchObject({ batchIndex: 1, opIndex: 1, code: 'overlap', op: mine[1][1] });
    expect(r.conflict.subject).toEqual({ key: 'person:e1', field: 'managerId' });
    expect(r.conflict.message).toBe('person e1 (managerId) was changed by someone else meanwhile');
    expect(manager(r.org, 'e3')).toBe('grace'); // the batch before the conflict stays applied
  });

  it('shows even the same change made by both as a conflict (in the other order it may not be the same)', () => {
    const op: OpInput = { type: 'changeManager', personId: 'e1', managerId: 'linus' };
    const r = rebaseOnto(base, after(base, [op]), [[op]]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.conflict.code).toBe('overlap');
  });

  it('refuses an op that no longer applies with the model’s reason', () => {
    const theirs = after(base, [{ type: 'removePerson', personId: 'e3' }]);
    const r = rebaseOnto(base, theirs, [
      [{ type: 'updatePerson', personId: 'e3', changes: { title: 'EM' } }],
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.conflict).toMatchObject({ batchIndex: 0, opIndex: 0, code: 'refused' });
    expect(r.conflict.message).toMatch(/e3/);
  });

  it('sees a moved team as a conflict with a new manager for it (the move depends on who manages it)', () => {
    const theirs = after(base, [{ type: 'updateTeam', teamId: 'web', changes: { managerId: 'e3' } }]);
    const r = rebaseOnto(base, theirs, [[{ type: 'moveTeam', teamId: 'web', managerId: 'grace' }]]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.conflict.subject?.key).toBe('team:web');
  });
});

describe('getFootprint and namedRecords', () => {
  it('lists the records and fields a change wrote, and the records an op names', () => {
    const next = after(base, [
      { type: 'changeManager', personId: 'e1', managerId: 'linus' },
      { type: 'removeTeam', teamId: 'core' },
    ]);
    const fp = getFootprint(base, next);
    expect([...(fp.get('person:e1') ?? [])].sort()).toEqual(['managerId', 'teamId']);
    expect([...(fp.get('team:core') ?? [])]).toEqual(['*']);
    expect(fp.has('person:e3')).toBe(false);
    expect(namedRecords({ type: 'moveTeam', teamId: 'web', managerId: 'grace' })).toEqual([
      'team:web',
      'person:grace',
    ]);
    expect(
      namedRecords({
        type: 'setInteraction',
        interaction: { from: 'core', to: 'web', mode: 'collaboration' },
      }),
    ).toEqual(['interaction:core>web', 'team:core', 'team:web']);
  });
});
