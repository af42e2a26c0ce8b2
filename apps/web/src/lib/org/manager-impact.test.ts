import { applyOps, diffOrgs, type Op } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { createTestOrg } from '../../test/orgs';
import { impactLines } from './manager-impact';

function diffAfter(ops: unknown[]) {
  const base = createTestOrg();
  const applied = applyOps(base, ops as Op[]);
  if (!applied.ok) throw new Error(applied.error.message);
  const names = new Map([...base.people, ...applied.org.people].map((p) => [p.id, p.name ?? p.id]));
  return {
    diff: diffOrgs(base, applied.org),
    nameOf: (id: string | null) => (id ? (names.get(id) ?? id) : 'nobody'),
  };
}

describe('what changes for me', () => {
  // a1 moves em1 → em2, em2's b2 leaves the org, em3 moves under vp1, a req opens under em2.
  const { diff, nameOf } = diffAfter([
    { type: 'changeManager', personId: 'a1', managerId: 'em2' },
    { type: 'removePerson', personId: 'b2' },
    { type: 'changeManager', personId: 'em3', managerId: 'vp1' },
    { type: 'addPerson', person: { id: 'r1', name: 'Req one', managerId: 'em2', status: 'open' } },
  ]);

  it('tells em2 who joins (from whom, or new) and who leaves', () => {
    expect(impactLines(diff, 'em2', nameOf)).toMatchObject({
      ownManager: null,
      joining: ['Name a1 (from Name em1)', 'Req one (new)'],
      leaving: ['Name b2 (leaves the org)'],
    });
  });

  it('tells em1 who leaves for whom, and em3 their new manager', () => {
    expect(impactLines(diff, 'em1', nameOf)?.leaving).toEqual(['Name a1 (to Name em2)']);
    expect(impactLines(diff, 'em3', nameOf)?.ownManager).toBe('You now report to Name vp1 (was Name vp2)');
    expect(impactLines(diff, 'vp1', nameOf)?.joining).toEqual(['Name em3 (from Name vp2)']);
  });

  it('says nothing to someone nothing changes for', () => {
    expect(impactLines(diff, 'c1', nameOf)).toBeNull();
  });
});
