import type { Finding } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { countCodes, countSeverities, findingsHeadline, groupFindings } from './group-findings';

const f = (code: string, severity: Finding['severity'], id: string): Finding =>
  ({
    code,
    severity,
    subject: { kind: 'person', id },
    message: `${code} ${id}`,
    fix: '',
    data: {},
    source: '',
  }) as Finding;

const ALL = new Set(['error', 'warning', 'info'] as const);

describe('findings grouping', () => {
  const all = [
    f('span.over', 'warning', 'a'),
    f('span.critical', 'error', 'b'),
    f('span.under', 'warning', 'u'),
    f('span.over', 'warning', 'c'),
    f('layers.deep', 'info', 'o'),
  ];

  it('groups by severity, errors first, then by rule (most findings first) with titles in words', () => {
    const groups = groupFindings(all, ALL, new Set());
    expect(groups.map((g) => [g.severity, g.count, g.rules.map((r) => [r.title, r.count])])).toEqual([
      ['error', 1, [['Span far over target', 1]]],
      [
        'warning',
        3,
        [
          ['Span over target', 2],
          ['Span under target', 1],
        ],
      ],
      ['info', 1, [['More layers than expected', 1]]],
    ]);
    expect(groups[1]?.rules[0]?.sections).toEqual([{ label: null, findings: [all[0], all[3]] }]);
  });

  it('filters by severity and code', () => {
    const spanOver = groupFindings(all, ALL, new Set(['span.over']));
    expect(spanOver.map((g) => [g.severity, g.rules.map((r) => r.code)])).toEqual([
      ['warning', ['span.over']],
    ]);
    expect(groupFindings(all, new Set(['info']), new Set()).map((g) => g.severity)).toEqual(['info']);
  });

  it('splits a rule with more than 8 findings by department, largest first, the unplaced last', () => {
    const many = Array.from({ length: 10 }, (_, i) => f('span.over', 'warning', `p${i}`));
    // p0–p5 under Payments (6), p6–p7 under Search (2), p8–p9 nowhere.
    const dept = (x: Finding) => {
      const n = Number(x.subject.id.slice(1));
      return n < 6 ? 'Payments' : n < 8 ? 'Search' : null;
    };
    const [warnings] = groupFindings(many, ALL, new Set(), dept);
    expect(warnings?.rules[0]?.sections.map((s) => [s.label, s.findings.length])).toEqual([
      ['Payments', 6],
      ['Search', 2],
      [null, 2],
    ]);
    // Eight or fewer stay in one list; one label for all is no split either.
    const eight = groupFindings(many.slice(0, 8), ALL, new Set(), dept);
    expect(eight[0]?.rules[0]?.sections).toHaveLength(1);
    const same = groupFindings(many, ALL, new Set(), () => 'Payments');
    expect(same[0]?.rules[0]?.sections).toEqual([{ label: null, findings: many }]);
  });

  it('counts codes and severities, and says the headline the sidebar says', () => {
    expect(countCodes(all)).toEqual([
      { code: 'span.over', title: 'Span over target', count: 2 },
      { code: 'layers.deep', title: 'More layers than expected', count: 1 },
      { code: 'span.critical', title: 'Span far over target', count: 1 },
      { code: 'span.under', title: 'Span under target', count: 1 },
    ]);
    const counts = countSeverities(all);
    expect(counts).toEqual({ error: 1, warning: 3, info: 1 });
    expect(findingsHeadline(counts)).toBe('4 errors and warnings, 1 info');
    expect(findingsHeadline({ error: 0, warning: 1, info: 0 })).toBe('1 error or warning');
    expect(findingsHeadline({ error: 0, warning: 0, info: 0 })).toBe('No findings');
    expect(findingsHeadline({ error: 18, warning: 0, info: 57 })).toBe('18 errors and warnings, 57 info');
  });

  it('keeps an unknown code as its own title', () => {
    expect(countCodes([f('future.rule', 'info', 'x')])[0]?.title).toBe('future.rule');
  });
});
