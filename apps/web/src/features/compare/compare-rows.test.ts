import { applyOps, compareScenarios, type OpInput, type Org } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import type { CompareAnswer } from '../../lib/api/client';
import { createTestOrg } from '../../test/orgs';
import { deltaTone, getCompareTable } from './compare-rows';

function scenario(base: Org, ops: OpInput[]): Org {
  const applied = applyOps(base, ops);
  if (!applied.ok) throw new Error(applied.error.message);
  return applied.org;
}

/** The test org, and "move c1 under em1" (em3 is left with no reports; one person changes manager and team). */
function answer(): CompareAnswer {
  const base = createTestOrg();
  const moved = scenario(base, [
    { type: 'changeManager', personId: 'c1', managerId: 'em1' },
    { type: 'assignTeam', personId: 'c1', teamId: 't1' },
  ]);
  return {
    orgId: 'test',
    scenarios: [{ id: 'move', name: 'Move c1', revision: 1 }],
    comparison: compareScenarios(base, [{ id: 'move', name: 'Move c1', org: moved }]),
    layers: {
      baseline: [
        { layer: 1, people: 1, managers: 1 },
        { layer: 2, people: 2, managers: 2 },
        { layer: 3, people: 3, managers: 3 },
        { layer: 4, people: 6, managers: 0 },
      ],
      scenarios: { move: [{ layer: 1, people: 1, managers: 1 }] },
    },
  };
}

const row = (table: ReturnType<typeof getCompareTable>, key: string) =>
  table.groups.flatMap((g) => g.rows).find((r) => r.key === key)!;

describe('getCompareTable', () => {
  const table = getCompareTable(answer());

  it('has the baseline then each scenario as columns', () => {
    expect(table.columns).toEqual([
      { id: 'test', name: 'Baseline', kind: 'baseline' },
      { id: 'move', name: 'Move c1', kind: 'scenario' },
    ]);
    expect(table.groups.map((g) => g.title)).toEqual([
      'Headcount and cost',
      'Structure',
      'Findings',
      'Disruption against the baseline',
    ]);
  });

  it('gives each metric per column with its delta against the baseline', () => {
    // 12 people either way; managers 6 → 5 (em3 has no reports left); ICs 6 → 7.
    expect(row(table, 'people')).toMatchObject({ values: [12, 12], deltas: [null, 0] });
    expect(row(table, 'managers')).toMatchObject({ values: [6, 5], deltas: [null, -1] });
    expect(row(table, 'ics')).toMatchObject({ values: [6, 7], deltas: [null, 1] });
    expect(row(table, 'maxLayer')).toMatchObject({ values: [4, 4], deltas: [null, 0], better: 'lower' });
  });

  it('leaves the baseline out of disruption and findings change', () => {
    expect(row(table, 'managerChanged')).toMatchObject({ values: [null, 1], deltas: [null, null] });
    expect(row(table, 'teamChanged').values).toEqual([null, 1]);
    expect(row(table, 'share').values).toEqual([null, 1 / 12]);
    expect(row(table, 'introduced').values[0]).toBeNull();
  });

  it('lists span distributions in bucket order and the layer counts per column', () => {
    // Baseline spans: ceo 2, vp1 2, vp2 1, em1 3, em2 2, em3 1; after: em1 4, em3 none.
    expect(table.spans.buckets).toEqual(['1', '2-3', '4-5', '6-8', '9-12', '13+']);
    expect(table.spans.byColumn).toEqual([
      [2, 4, 0, 0, 0, 0],
      [1, 3, 1, 0, 0, 0],
    ]);
    expect(table.layers.maxLayer).toBe(4);
    expect(table.layers.byColumn[1]).toEqual([{ layer: 1, people: 1, managers: 1 }]);
    expect(table.currency).toBe('USD');
  });
});

describe('deltaTone', () => {
  it('reads a change by which way is better', () => {
    expect(deltaTone(-1, 'lower')).toBe('good');
    expect(deltaTone(2, 'lower')).toBe('bad');
    expect(deltaTone(2, 'higher')).toBe('good');
    expect(deltaTone(2, null)).toBe('neutral');
    expect(deltaTone(0, 'lower')).toBe('neutral');
    expect(deltaTone(null, 'lower')).toBe('neutral');
  });
});

describe('getCompareTable with redacted compensation', () => {
  it('marks a redacted cost total hidden (no value, no delta), never 0', () => {
    const a = answer();
    const redact = (m: Record<string, unknown>) => Object.assign(m, { cost: null, redacted: true });
    redact(a.comparison.baseline.metrics as unknown as Record<string, unknown>);
    redact(a.comparison.scenarios[0]!.metrics as unknown as Record<string, unknown>);
    const cost = row(getCompareTable(a), 'cost');
    expect(cost.hidden).toEqual([true, true]);
    expect(cost.values).toEqual([null, null]);
    expect(cost.deltas).toEqual([null, null]);
    expect(row(getCompareTable(a), 'people').hidden).toBeUndefined();
  });
});
