import { createOrg } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { getReportingLineCost } from './line-cost';
import { buildOrgIndex } from './org-index';

const org = createOrg({
  id: 'o',
  name: 'O',
  asOf: '2026-01-01',
  people: [
    { id: 'ceo', cost: 300 },
    { id: 'm1', managerId: 'ceo', cost: 200 },
    { id: 'a', managerId: 'm1', cost: 100 },
    { id: 'b', managerId: 'm1', cost: 50 },
    { id: 'm2', managerId: 'ceo' },
    { id: 'c', managerId: 'm2', cost: 10 },
  ],
});
const index = buildOrgIndex(org);

describe('getReportingLineCost', () => {
  it('sums everyone below a manager, not the manager', () => {
    expect(getReportingLineCost(index, 'm1', false)).toBe(150);
    expect(getReportingLineCost(index, 'a', false)).toBe(0);
  });
  it('is null when someone below has no visible cost and the caller does not see every cost', () => {
    expect(getReportingLineCost(index, 'ceo', false)).toBeNull();
    expect(getReportingLineCost(index, 'ceo', true)).toBe(360);
  });
});
