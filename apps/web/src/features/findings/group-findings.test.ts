import type { Finding } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { countCodes, countSeverities, groupFindings } from './group-findings';

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

describe('findings grouping', () => {
  const all = [
    f('span.over', 'warning', 'a'),
    f('span.critical', 'error', 'b'),
    f('span.over', 'warning', 'c'),
    f('layers.deep', 'info', 'o'),
  ];

  it('groups by severity, errors first, and filters by severity and code', () => {
    const groups = groupFindings(all, new Set(['error', 'warning', 'info']), new Set());
    expect(groups.map((g) => [g.severity, g.findings.length])).toEqual([
      ['error', 1],
      ['warning', 2],
      ['info', 1],
    ]);
    const spanOver = groupFindings(all, new Set(['error', 'warning', 'info']), new Set(['span.over']));
    expect(spanOver).toEqual([{ severity: 'warning', findings: [all[0], all[2]] }]);
    expect(groupFindings(all, new Set(['info']), new Set())).toEqual([
      { severity: 'info', findings: [all[3]] },
    ]);
  });

  it('counts codes and severities', () => {
    expect(countCodes(all)).toEqual([
      { code: 'span.over', count: 2 },
      { code: 'layers.deep', count: 1 },
      { code: 'span.critical', count: 1 },
    ]);
    expect(countSeverities(all)).toEqual({ error: 1, warning: 2, info: 1 });
  });
});
