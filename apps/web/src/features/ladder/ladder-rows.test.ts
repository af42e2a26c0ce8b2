import { createLadder, createPerson, DEFAULT_LADDER, type Finding } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { bandDomain, countByLevel, getLadderRows, ladderFindingsByLevel } from './ladder-rows';

describe('ladder rows', () => {
  it('lays the default ladder out by rank with lateral moves at 5 and 6', () => {
    const rows = getLadderRows(DEFAULT_LADDER);
    expect(rows.map((r) => [r.rank, r.ic.map((l) => l.id), r.manager.map((l) => l.id), r.lateral])).toEqual([
      [7, [], ['M7'], false],
      [6, ['L6'], ['M6'], true],
      [5, ['L5'], ['M5'], true],
      [4, ['L4'], [], false],
      [3, ['L3'], [], false],
    ]);
    expect(rows.some((r) => r.icMissing || r.managerMissing)).toBe(false);
  });

  it('marks a missing rung inside a track', () => {
    const ladder = createLadder({
      tracks: {
        ic: [
          { id: 'L3', name: 'SE', rank: 3 },
          { id: 'L5', name: 'Staff', rank: 5 },
        ],
        manager: [],
      },
    });
    expect(getLadderRows(ladder).map((r) => r.icMissing)).toEqual([false, true, false]);
  });

  it('counts people per level and those off the ladder', () => {
    const people = [
      createPerson({ id: 'a', level: 'L4' }),
      createPerson({ id: 'b', level: 'L4' }),
      createPerson({ id: 'c', level: 'X9' }),
      createPerson({ id: 'd', level: 'L3', aggregate: true, fte: 2.5 }),
    ];
    const { counts, unknown } = countByLevel(people, DEFAULT_LADDER);
    expect([...counts]).toEqual([
      ['L4', 2],
      ['L3', 3],
    ]);
    expect([...unknown]).toEqual([['X9', 1]]);
  });

  it('groups ladder findings by level and finds the band domain', () => {
    const f = (code: string, kind: Finding['subject']['kind'], id: string) =>
      ({
        code,
        severity: 'warning',
        subject: { kind, id },
        message: '',
        fix: '',
        data: {},
        source: '',
      }) as Finding;
    const by = ladderFindingsByLevel([
      f('ladder.band_gap', 'level', 'L4'),
      f('ladder.wide_fork', 'org', 'o'),
      f('ladder.inversion', 'person', 'p'),
    ]);
    expect([...by.keys()]).toEqual(['L4', null]);
    const ladder = createLadder({
      tracks: {
        ic: [{ id: 'L3', name: 'SE', rank: 3, band: { min: 100, max: 150 } }],
        manager: [{ id: 'M5', name: 'EM', rank: 5, band: { min: 180, max: 260 } }],
      },
    });
    expect(bandDomain(ladder)).toEqual([100, 260]);
    expect(bandDomain(DEFAULT_LADDER)).toBeNull();
  });
});
