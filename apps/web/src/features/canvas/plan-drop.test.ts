import { describe, expect, it } from 'vitest';
import { buildOrgIndex } from '../../lib/org/org-index';
import { createTestOrg } from '../../test/orgs';
import { planPersonDrop, planTeamDrop } from './plan-drop';

describe('planning a drop', () => {
  const index = buildOrgIndex(createTestOrg());

  it('moves a person with their reports by default, alone with Shift', () => {
    expect(planPersonDrop(index, 'em1', 'vp2', false)).toEqual({
      ok: true,
      ops: [{ type: 'changeManager', personId: 'em1', managerId: 'vp2', withReports: true }],
      label: 'Move Name em1 and 3 below under Name vp2',
    });
    const alone = planPersonDrop(index, 'em1', 'vp2', true);
    expect(alone.ok && alone.ops[0]).toMatchObject({ withReports: false });
  });

  it('refuses a drop into the own subtree unless the person moves alone', () => {
    expect(planPersonDrop(index, 'vp1', 'a1', false)).toMatchObject({ ok: false });
    expect(planPersonDrop(index, 'vp1', 'a1', true)).toMatchObject({ ok: true });
    expect(planPersonDrop(index, 'a1', 'em1', false)).toEqual({
      ok: false,
      reason: 'Name a1 already reports to Name em1.',
    });
  });

  it('moves a team under another manager', () => {
    expect(planTeamDrop(index, 't2', 'vp2')).toEqual({
      ok: true,
      ops: [{ type: 'moveTeam', teamId: 't2', managerId: 'vp2' }],
      label: 'Move team Infra under Name vp2',
    });
    expect(planTeamDrop(index, 't2', 'b1')).toMatchObject({ ok: false });
  });
});
