import { describe, expect, it } from 'vitest';
import { expectApplied, expectRefused, sampleOrg, teamsOf } from './op-test-kit';

describe('mergeTeams', () => {
  const org = sampleOrg();

  it('refuses malformed ops', () => {
    expectRefused(org, { type: 'mergeTeams', teamIds: [], into: 't1' }, 'invalid_op', /teamIds/);
    const twice = { type: 'mergeTeams', teamIds: ['t1', 't2', 't1'], into: 't1' };
    expectRefused(org, twice, 'invalid_op', /listed twice/);
    expectRefused(org, { type: 'mergeTeams', teamIds: ['t1', 't2'] }, 'invalid_op', /into/);
  });

  it('refuses a target that is not among the merged teams, and unknown teams', () => {
    expectRefused(
      org,
      { type: 'mergeTeams', teamIds: ['t1', 't2'], into: 't3' },
      'invalid_target',
      /one of the teams/,
    );
    expectRefused(org, { type: 'mergeTeams', teamIds: ['t1'], into: 't1' }, 'invalid_target', /into itself/);
    expectRefused(org, { type: 'mergeTeams', teamIds: ['t1', 't9'], into: 't1' }, 'not_found', /"t9"/);
  });

  it('moves the members, re-points interactions and removes the other teams', () => {
    const next = expectApplied(org, { type: 'mergeTeams', teamIds: ['t2', 't3'], into: 't2' });
    expect(next.teams.map((t) => t.id)).toEqual(['g1', 't1', 't2']);
    expect(next.teams[2]).toBe(org.teams[2]); // into keeps its own record
    // t2 → t3 became t2 → t2 and is dropped; t1 → t2 stays.
    expect(next.interactions).toEqual([{ from: 't1', to: 't2', mode: 'x-as-a-service' }]);
    const merged = expectApplied(org, { type: 'mergeTeams', teamIds: ['t3', 't1', 't2'], into: 't3' });
    expect(teamsOf(merged)).toEqual({
      ...teamsOf(org),
      p3: 't3',
      p4: 't3',
      p5: 't3',
      p6: 't3',
      p7: 't3',
      p8: 't3',
    });
    expect(merged.interactions).toEqual([]);
  });

  it('keeps one interaction per pair after re-pointing (the first)', () => {
    const twoLinks = sampleOrg({
      interactions: [
        { from: 't1', to: 't3', mode: 'x-as-a-service' },
        { from: 't2', to: 't3', mode: 'collaboration' },
      ],
    });
    const next = expectApplied(twoLinks, { type: 'mergeTeams', teamIds: ['t1', 't2'], into: 't1' });
    expect(next.interactions).toEqual([{ from: 't1', to: 't3', mode: 'x-as-a-service' }]);
  });

  it('moves teams of a merged group into the target, and the target out of it', () => {
    const next = expectApplied(org, { type: 'mergeTeams', teamIds: ['g1', 't3'], into: 't3' });
    expect(Object.fromEntries(next.teams.map((t) => [t.id, t.parentId]))).toEqual({
      t1: 't3',
      t2: 't3',
      t3: null,
    });
    const intoChild = expectApplied(org, { type: 'mergeTeams', teamIds: ['g1', 't1'], into: 't1' });
    expect(Object.fromEntries(intoChild.teams.map((t) => [t.id, t.parentId]))).toEqual({
      t1: null,
      t2: 't1',
      t3: null,
    });
  });

  it('refuses a merge that would make the groups loop', () => {
    const deep = sampleOrg({
      teams: [
        { id: 'g', name: 'G', kind: 'group' },
        { id: 'c', name: 'C', kind: 'group', parentId: 'g' },
        { id: 'x', name: 'X', parentId: 'c' },
      ],
    });
    expectRefused(
      deep,
      { type: 'mergeTeams', teamIds: ['g', 'x'], into: 'x' },
      'cycle',
      /X \(x\).*inside C \(c\)/,
    );
  });
});
