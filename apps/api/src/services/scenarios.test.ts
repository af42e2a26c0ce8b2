import type { Op } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { effectiveOps } from './scenarios';

const op = (personId: string): Op => ({
  type: 'changeManager',
  personId,
  managerId: null,
  withReports: true,
});

describe('effectiveOps', () => {
  it('concatenates the batches of revisions in order', () => {
    const ops = effectiveOps([
      { revision: 1, ops: [], restoredFrom: null },
      { revision: 2, ops: [op('a')], restoredFrom: null },
      { revision: 3, ops: [op('b'), op('c')], restoredFrom: null },
    ]);
    expect(ops.get(1)).toEqual([]);
    expect(ops.get(2)).toEqual([op('a')]);
    expect(ops.get(3)).toEqual([op('a'), op('b'), op('c')]);
  });

  it('starts a restore from the restored revision, and later revisions from the restore', () => {
    const ops = effectiveOps([
      { revision: 1, ops: [op('a')], restoredFrom: null },
      { revision: 2, ops: [op('b')], restoredFrom: null },
      { revision: 3, ops: [op('c')], restoredFrom: null },
      { revision: 4, ops: [], restoredFrom: 1 },
      { revision: 5, ops: [op('d')], restoredFrom: null },
      { revision: 6, ops: [], restoredFrom: 3 },
    ]);
    expect(ops.get(4)).toEqual([op('a')]);
    expect(ops.get(5)).toEqual([op('a'), op('d')]);
    expect(ops.get(6)).toEqual([op('a'), op('b'), op('c')]);
  });
});
