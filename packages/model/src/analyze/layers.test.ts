import { describe, expect, it } from 'vitest';
import { createOrg } from '../schema/org';
import type { Person } from '../schema/person';
import { createPolicy, type Policy } from '../schema/policy';
import { createAnalysisContext } from './context';
import { checkLayers, getLayerBound } from './layers';
import { analyzeSpans } from './span';
import { people } from './test-orgs';

function findingsOf(list: Person[], policy?: Policy) {
  const ctx = createAnalysisContext(
    createOrg({ id: 'acme', name: 'Acme', asOf: '2026-01-01', people: list }),
    {
      policy,
    },
  );
  checkLayers(ctx, analyzeSpans(ctx));
  return ctx.findings.filter((f) => f.code.startsWith('layers.'));
}

/** A line of people each reporting to the previous one: ids `${prefix}1` (top) … `${prefix}n`. */
function line(n: number, prefix = 'c', top: string | null = null): Array<[string, string | null]> {
  return Array.from({ length: n }, (_, k) => [`${prefix}${k + 1}`, k === 0 ? top : `${prefix}${k}`]);
}

/** `count` ICs under `managerId`. */
function ics(managerId: string, count: number): Array<[string, string]> {
  return Array.from({ length: count }, (_, k) => [`${managerId}-ic${k + 1}`, managerId]);
}

describe('getLayerBound', () => {
  it('is ceil(log base 6 of the headcount) + 1 by default, exactly at powers', () => {
    expect(getLayerBound(0, 6, 1)).toBe(1);
    expect(getLayerBound(1, 6, 1)).toBe(1);
    expect(getLayerBound(6, 6, 1)).toBe(2);
    expect(getLayerBound(7, 6, 1)).toBe(3);
    expect(getLayerBound(36, 6, 1)).toBe(3);
    expect(getLayerBound(37, 6, 1)).toBe(4);
    expect(getLayerBound(1_000_000, 6, 1)).toBe(9);
    expect(getLayerBound(100, 10, 0)).toBe(2);
  });
});

describe('layers.deep', () => {
  it('flags an org deeper than the bound, as the project own arithmetic, naming the deepest line', () => {
    // 5 people in a line: ceil(log6 5) + 1 = 2 layers, the org has 5.
    const findings = findingsOf(people(...line(5)));
    const deep = findings.find((f) => f.code === 'layers.deep')!;
    expect(deep).toMatchObject({
      severity: 'info',
      subject: { kind: 'org', id: 'acme' },
      data: { maxLayer: 5, headcount: 5, bound: 2, spanBase: 6, extra: 1, deepestId: 'c5' },
    });
    expect(deep.message).toBe(
      "The org is 5 layers deep; 5 people need 2 layers (the project's own arithmetic: " +
        'ceil(log base 6 of 5) + 1, as if every manager had 6 reports).',
    );
    expect(deep.fix).toContain('the deepest line runs from c1 down to c5');
  });

  it('counts aggregates by FTE rounded up in the headcount', () => {
    // 3 layers; 1 + 1 + ceil(40.5) = 43 people need ceil(log6 43) + 1 = 4 layers.
    expect(
      findingsOf(people(['a', null], ['b', 'a'], ['posts', 'b', { aggregate: true, fte: 40.5 }])).filter(
        (f) => f.code === 'layers.deep',
      ),
    ).toEqual([]);
    // Without the aggregate's weight (3 people) the bound would be 2.
    expect(findingsOf(people(['a', null], ['b', 'a'], ['c', 'b'])).map((f) => f.code)).toContain(
      'layers.deep',
    );
  });

  it('stays quiet within the bound and follows the policy', () => {
    const flat = people(['a', null], ...ics('a', 6));
    expect(findingsOf(flat)).toEqual([]);
    const tight = createPolicy({ layers: { extra: 0 } });
    // 7 people: ceil(log6 7) + 0 = 2 layers, the org has 2.
    expect(findingsOf(flat, tight)).toEqual([]);
    expect(findingsOf(people(['a', null], ...ics('a', 5), ['x', 'a-ic1']), tight).map((f) => f.code)).toEqual(
      ['layers.deep'],
    );
  });
});

describe('layers.single_chain', () => {
  it('reports a maximal chain of managers of one once, from its top manager', () => {
    const list = people(['ceo', null], ...ics('ceo', 5), ...line(4, 'c', 'ceo'), ...ics('c4', 6));
    const chains = findingsOf(list).filter((f) => f.code === 'layers.single_chain');
    expect(chains).toHaveLength(1);
    expect(chains[0]).toMatchObject({
      severity: 'warning',
      subject: { kind: 'person', id: 'c1' },
      data: { ids: ['c1', 'c2', 'c3'], length: 3, endId: 'c4' },
    });
    expect(chains[0].message).toBe(
      '3 managers in a row each have a single direct report: c1 → c2 → c3 → c4.',
    );
    expect(chains[0].fix).toBe(
      'Collapse the chain: keep one of these 3 managers and have c4 report to them directly, removing 2 layers; or give each manager a real team.',
    );
  });

  it('sets assistants aside and breaks chains at a manager of two', () => {
    const list = people(
      ['a', null],
      ['pa', 'a', { isAssistant: true }],
      ['b', 'a'],
      ['c', 'b'],
      ['c2', 'b'],
      ['d', 'c'],
      ['e', 'd'],
      ['f', 'e'],
    );
    // a → b is one manager of one (b has two reports); c → d → e → f is a chain of 3 (c, d, e).
    const chains = findingsOf(list).filter((f) => f.code === 'layers.single_chain');
    expect(chains.map((f) => f.data.ids)).toEqual([['c', 'd', 'e']]);
    const withAssistantChain = people(
      ['a', null],
      ['pa', 'a', { isAssistant: true }],
      ['b', 'a'],
      ['c', 'b'],
    );
    expect(findingsOf(withAssistantChain).find((f) => f.code === 'layers.single_chain')?.data.ids).toEqual([
      'a',
      'b',
    ]);
  });

  it('does not chain through an aggregate of more than one post and follows the chain length', () => {
    const list = people(['a', null], ['b', 'a'], ['posts', 'b', { aggregate: true, fte: 2 }]);
    expect(findingsOf(list).filter((f) => f.code === 'layers.single_chain')).toEqual([]);
    const three = createPolicy({ layers: { singleChainLength: 3 } });
    expect(findingsOf(people(['a', null], ['b', 'a'], ['c', 'b']), three)).toEqual([
      expect.objectContaining({ code: 'layers.deep' }),
    ]);
  });

  it('ignores loops of managers of one without hanging', () => {
    const findings = findingsOf(people(['x', 'y'], ['y', 'x'], ['top', null], ['t', 'top']));
    expect(findings.filter((f) => f.code === 'layers.single_chain')).toEqual([]);
  });
});
