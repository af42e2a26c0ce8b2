import { describe, expect, it } from 'vitest';
import { analyzeOrg } from '../analyze/analyze-org';
import { createOrg, type Org } from '../schema/org';
import { ComparisonSchema, compareScenarios } from './compare';
import { diffOrgs } from './diff-orgs';
import { getScenarioState } from './scenario';

const BASELINE = createOrg({
  id: 'acme',
  name: 'Acme',
  asOf: '2026-01-01',
  people: [
    { id: 'cto', name: 'Cleo', cost: 300 },
    { id: 'ann', name: 'Ann', managerId: 'cto', teamId: 'pay', cost: 200 },
    { id: 'al', name: 'Al', managerId: 'ann', teamId: 'pay', cost: 100 },
    { id: 'bob', name: 'Bob', managerId: 'cto', teamId: 'search', cost: 200 },
    { id: 'bea', name: 'Bea', managerId: 'bob', teamId: 'search', cost: 100 },
  ],
  teams: [
    { id: 'pay', name: 'Payments', managerId: 'ann' },
    { id: 'search', name: 'Search', managerId: 'bob' },
  ],
});

function state(ops: unknown[]): Org {
  const s = getScenarioState(BASELINE, ops);
  if (!s.ok) throw new Error(s.error.message);
  return s.org;
}

describe('compareScenarios', () => {
  const merge = state([
    { type: 'changeManager', personId: 'bea', managerId: 'ann' },
    { type: 'mergeTeams', teamIds: ['pay', 'search'], into: 'pay' },
  ]);
  const hire = state([
    { type: 'addPerson', person: { id: 'cy', name: 'Cy', managerId: 'bob', teamId: 'search', cost: 150 } },
  ]);
  const result = compareScenarios(BASELINE, [
    { id: 'merge', name: 'Merge Search into Payments', org: merge },
    { id: 'hire', name: 'Hire for Search', org: hire },
  ]);

  it('matches its schema and keeps the scenarios in the order given', () => {
    expect(ComparisonSchema.parse(result)).toEqual(result);
    expect(result.baseline).toMatchObject({ orgId: 'acme', name: 'Acme' });
    expect(result.scenarios.map((s) => s.id)).toEqual(['merge', 'hire']);
  });

  it('puts each analysis summary side by side, with deltas against the baseline', () => {
    expect(result.baseline.metrics).toEqual(analyzeOrg(BASELINE).summary);
    expect(result.baseline.metrics.people).toBe(5);
    const [m, h] = result.scenarios;
    expect(m.metrics).toEqual(analyzeOrg(merge).summary);
    expect(h.metrics.people).toBe(6);
    expect(h.delta.people).toBe(1);
    expect(h.delta.cost).toBe(150);
    expect(m.delta.people).toBe(0);
    expect(m.delta.cost).toBe(0);
    // Bob has no reports left after the merge: one manager fewer.
    expect(m.delta.managers).toBe(-1);
    for (const s of result.scenarios) expect(s.findingsBySeverity).toEqual(s.metrics.findings);
  });

  it('attaches each diff against the baseline', () => {
    const [m, h] = result.scenarios;
    expect(m.diff).toEqual(diffOrgs(BASELINE, merge));
    expect(m.diff.disruption).toMatchObject({
      managerChanged: 1,
      teamChanged: 2,
      affected: 2,
      teamsMerged: 1,
    });
    expect(m.diff.disruption.share).toBeCloseTo(2 / 5);
    expect(h.diff.people.added.map((p) => p.id)).toEqual(['cy']);
    expect(h.diff.disruption.affected).toBe(0);
  });

  it('counts findings introduced and resolved consistently with both reports', () => {
    const base = analyzeOrg(BASELINE).findings;
    for (const [k, org] of [merge, hire].entries()) {
      const after = analyzeOrg(org).findings;
      const change = result.scenarios[k].findingsChange;
      expect(change.introduced - change.resolved).toBe(after.length - base.length);
      for (const c of change.byCode) {
        expect(base.filter((f) => f.code === c.code).length).toBe(c.baseline);
        expect(after.filter((f) => f.code === c.code).length).toBe(c.scenario);
        expect(c.baseline).not.toBe(c.scenario);
      }
    }
  });

  it('compares nothing to nothing: a baseline with no scenarios', () => {
    const empty = compareScenarios(BASELINE, []);
    expect(empty.scenarios).toEqual([]);
    expect(empty.baseline.findingsBySeverity).toEqual(empty.baseline.metrics.findings);
  });
});
