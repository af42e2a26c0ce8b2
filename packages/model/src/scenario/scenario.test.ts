import { describe, expect, it } from 'vitest';
import { createOrg } from '../schema/org';
import { diffOrgs } from './diff-orgs';
import { createScenario, getScenarioState, ScenarioSchema } from './scenario';

const BASELINE = createOrg({
  id: 'acme',
  name: 'Acme',
  asOf: '2026-01-01',
  people: [
    { id: 'cto', name: 'Cleo' },
    { id: 'ann', name: 'Ann', managerId: 'cto', teamId: 'pay' },
    { id: 'al', name: 'Al', managerId: 'ann', teamId: 'pay' },
    { id: 'bob', name: 'Bob', managerId: 'cto', teamId: 'search' },
    { id: 'bea', name: 'Bea', managerId: 'bob', teamId: 'search' },
  ],
  teams: [
    { id: 'pay', name: 'Payments', managerId: 'ann' },
    { id: 'search', name: 'Search', managerId: 'bob' },
  ],
});

describe('createScenario', () => {
  it('validates the ops and fills their defaults', () => {
    const s = createScenario({
      id: 's1',
      name: 'Merge search into payments',
      baseline: { orgId: 'acme', revision: 1 },
      ops: [{ type: 'changeManager', personId: 'bea', managerId: 'ann' }],
    });
    expect(s.ops).toEqual([{ type: 'changeManager', personId: 'bea', managerId: 'ann', withReports: true }]);
    expect(createScenario({ id: 's2', name: 'Empty', baseline: { orgId: 'acme', revision: 3 } }).ops).toEqual(
      [],
    );
  });

  it('refuses an unknown op and a revision below 1, saying where', () => {
    const bad = ScenarioSchema.safeParse({
      id: 's1',
      name: 'x',
      baseline: { orgId: 'acme', revision: 0 },
      ops: [{ type: 'changeManager', personId: 'bea', managerId: 'ann' }, { type: 'fireEveryone' }],
    });
    expect(bad.success).toBe(false);
    const paths = bad.error!.issues.map((i) => i.path.join('.'));
    expect(paths).toContain('baseline.revision');
    expect(paths.some((p) => p.startsWith('ops.1'))).toBe(true);
  });
});

describe('getScenarioState', () => {
  it('applies the ops in order to the baseline, leaving the baseline as it was', () => {
    const state = getScenarioState(BASELINE, [
      { type: 'changeManager', personId: 'bea', managerId: 'ann' },
      { type: 'mergeTeams', teamIds: ['pay', 'search'], into: 'pay' },
    ]);
    expect(state.ok).toBe(true);
    if (!state.ok) return;
    expect(BASELINE.people[4].managerId).toBe('bob');
    const d = diffOrgs(BASELINE, state.org);
    expect(d.people.managerChanged.map((c) => [c.id, c.from, c.to])).toEqual([['bea', 'bob', 'ann']]);
    expect(d.teams.removed.map((t) => t.id)).toEqual(['search']);
    expect(d.teams.merged).toEqual([
      { into: 'pay', intoName: 'Payments', from: ['search'], fromNames: ['Search'] },
    ]);
    // Untouched records are shared with the baseline.
    expect(state.org.people[0]).toBe(BASELINE.people[0]);
  });

  it('returns the first refused op with its index, code and message', () => {
    const state = getScenarioState(BASELINE, [
      { type: 'changeManager', personId: 'bea', managerId: 'ann' },
      { type: 'changeManager', personId: 'cto', managerId: 'al' },
    ]);
    expect(state.ok).toBe(false);
    if (state.ok) return;
    expect(state.error.opIndex).toBe(1);
    expect(state.error.code).toBe('cycle');
    expect(state.error.message).toMatch(/Al|al/);
  });

  it('refuses malformed JSON ops as invalid_op at their index', () => {
    const state = getScenarioState(BASELINE, [{ type: 'assignTeam', personId: 'al' }]);
    expect(state).toMatchObject({ ok: false, error: { opIndex: 0, code: 'invalid_op' } });
  });

  it('with no ops, the state is the baseline', () => {
    const state = getScenarioState(BASELINE, []);
    expect(state.ok && state.org).toBe(BASELINE);
  });
});
