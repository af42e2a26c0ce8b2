import type { Finding } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { summarizeRules } from './rule-summary';

const f = (code: string, severity: Finding['severity'], message: string): Finding =>
  ({ code, severity, message, subject: { kind: 'org', id: 'o' }, data: {}, source: '' }) as Finding;

describe('findings by rule', () => {
  it('groups by code and severity, errors first, then the most frequent', () => {
    const rows = summarizeRules([
      f('span.under', 'info', 'A is under (estimated)'),
      f('span.under', 'warning', 'B is under'),
      f('span.critical', 'info', 'C is far over'),
      f('span.critical', 'info', 'D is far over'),
      f('ladder.level_unknown', 'error', 'FS is not on the ladder'),
      f('span.under', 'info', 'E is under'),
      f('span.over', 'info', 'F is over'),
    ]);
    expect(rows.map((r) => [r.severity, r.code, r.count, r.example])).toEqual([
      ['error', 'ladder.level_unknown', 1, 'FS is not on the ladder'],
      ['warning', 'span.under', 1, 'B is under'],
      ['info', 'span.critical', 2, 'C is far over'],
      ['info', 'span.under', 2, 'A is under (estimated)'],
      ['info', 'span.over', 1, 'F is over'],
    ]);
    expect(summarizeRules([])).toEqual([]);
  });
});
