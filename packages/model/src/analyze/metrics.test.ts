import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOrg } from '../schema/org';
import { PERSON_STATUSES, type Person } from '../schema/person';
import { SPAN_BUCKETS, SummarySchema } from '../schema/report';
import { type AnalysisContext, addFinding, createAnalysisContext } from './context';
import { checkGraph } from './graph-rules';
import { checkLayers } from './layers';
import { getSpanBucket, summarize } from './metrics';
import { analyzeSpans } from './span';
import { dirtyPeopleArb, people } from './test-orgs';

function summaryOf(list: Person[], extra?: (ctx: AnalysisContext) => void) {
  const ctx = createAnalysisContext(
    createOrg({ id: 'acme', name: 'Acme', asOf: '2026-01-01', people: list }),
  );
  checkGraph(ctx);
  const managers = analyzeSpans(ctx);
  checkLayers(ctx, managers);
  extra?.(ctx);
  return summarize(ctx, managers);
}

describe('getSpanBucket', () => {
  it('buckets spans as 1, 2–3, 4–5, 6–8, 9–12, 13+', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 8, 9, 12, 13, 40].map(getSpanBucket)).toEqual([
      '1',
      '1',
      '2-3',
      '2-3',
      '4-5',
      '4-5',
      '6-8',
      '6-8',
      '9-12',
      '9-12',
      '13+',
      '13+',
    ]);
  });
});

describe('summarize', () => {
  const org = () =>
    people(
      ['ceo', null, { cost: 300_000 }],
      ['em1', 'ceo', { cost: 200_000 }],
      ['em2', 'ceo', { cost: 190_000, status: 'leaving', fte: 0.8 }],
      ['pa', 'ceo', { cost: 60_000, isAssistant: true }],
      ['a', 'em1', { cost: 150_000 }],
      ['b', 'em1', { cost: 140_000, status: 'open' }],
      ['c', 'em1', { status: 'planned' }],
      ['posts', 'em1', { aggregate: true, fte: 2.5, cost: 250_000 }],
      ['d', 'em2', { cost: 150_000 }],
      ['e', 'em2', { cost: 150_000, fte: 0.5 }],
    );

  it('computes every metric of a small org by hand', () => {
    const summary = summaryOf(org(), (ctx) =>
      addFinding(ctx, 'graph.cycle', { kind: 'org', id: 'acme' }, 'test', 'test'),
    );
    expect(summary).toEqual({
      people: 9,
      aggregates: 1,
      fte: 10.8,
      managers: 3,
      ics: 6,
      // 6 ICs / 3 managers; with the aggregate's 3 posts (2.5 FTE rounded up): 9 / 3.
      icsPerManager: 2,
      aggregatePosts: 3,
      icsAndPostsPerManager: 3,
      maxLayer: 3,
      roots: 1,
      headcountByStatus: { active: 6, open: 1, planned: 1, leaving: 1 },
      fteByStatus: { active: 8, open: 1, planned: 1, leaving: 0.8 },
      spanDistribution: { '1': 0, '2-3': 2, '4-5': 0, '6-8': 1, '9-12': 0, '13+': 0 },
      medianSpan: 2,
      meanSpan: 3.33,
      cost: {
        total: 1_590_000,
        byStatus: { active: 1_260_000, open: 140_000, planned: 0, leaving: 190_000 },
      },
      // ceo (manager of managers, 2 managers) and em2 (2 reports) are under their targets.
      findings: { error: 1, warning: 2, info: 0 },
      skippedChecks: [],
    });
    expect(SummarySchema.parse(summary)).toEqual(summary);
  });

  it('averages the two middle spans for an even number of managers', () => {
    const summary = summaryOf(people(['a', null], ['b', 'a'], ['c', 'a'], ['d', 'b']));
    // Spans: a 2, b 1.
    expect(summary).toMatchObject({ medianSpan: 1.5, meanSpan: 1.5, managers: 2, ics: 2, icsPerManager: 1 });
  });

  it('is all zeros for an empty org', () => {
    const summary = summaryOf([]);
    expect(summary).toMatchObject({
      people: 0,
      managers: 0,
      icsPerManager: 0,
      medianSpan: 0,
      meanSpan: 0,
      maxLayer: 0,
    });
  });

  it('keeps counts consistent on any graph', () => {
    fc.assert(
      fc.property(dirtyPeopleArb, (list) => {
        const s = summaryOf(list);
        const kept = new Map(list.map((p) => [p.id, p]));
        const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
        expect(s.people + s.aggregates).toBe(kept.size);
        expect(sum(s.headcountByStatus)).toBe(s.people);
        expect(s.managers + s.ics).toBe(s.people);
        expect(sum(s.spanDistribution)).toBe(s.managers);
        expect(sum(s.fteByStatus)).toBeCloseTo(s.fte, 6);
        expect(sum(s.cost.byStatus)).toBeCloseTo(s.cost.total, 6);
        expect(Object.keys(s.headcountByStatus)).toEqual([...PERSON_STATUSES]);
        expect(Object.keys(s.spanDistribution)).toEqual([...SPAN_BUCKETS]);
        const cost = [...kept.values()].reduce((a, p) => a + (p.cost ?? 0), 0);
        expect(s.cost.total).toBe(cost);
      }),
      { numRuns: 200 },
    );
  });
});
