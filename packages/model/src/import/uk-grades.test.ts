import { describe, expect, it } from 'vitest';
import { getLadderFindings } from '../analyze/ladder-rules';
import { LadderSchema } from '../schema/ladder';
import { createPolicy } from '../schema/policy';
import { normalizeUkGrade, UK_CIVIL_SERVICE_LADDER } from './uk-grades';

describe('normalizeUkGrade', () => {
  it.each([
    ['G7', 'G7'],
    ['Grade 7', 'G7'],
    ['Grade 7 (London)', 'G7'],
    ['grade6', 'G6'],
    ['SEO', 'SEO'],
    ['Senior Executive Officer', 'SEO'],
    ['Higher Executive Officer', 'HEO'],
    ['Executive Officer', 'EO'],
    [' eo ', 'EO'],
    ['Administrative Officer', 'AO'],
    ['AA', 'AA'],
    ['SCS1', 'SCS1'],
    ['SCS Pay Band 1', 'SCS1'],
    ['SCS PB2', 'SCS2'],
    ['scs 3', 'SCS3'],
    ['Senior Civil Service Pay Band 4', 'SCS4'],
    // HMRC's own grade names (UK_GRADE_NAMES)
    ['Administrative Assistant', 'AA'],
    ['Assistant Officer', 'AO'],
    ['Officer', 'EO'],
    ['Higher Officer', 'HEO'],
    ['Senior Officer', 'SEO'],
    // Senior Civil Service sub-band and ranges
    ['SCS1A', 'SCS1'],
    ['scs 1a', 'SCS1'],
    ['SCS1/2', 'SCS1'],
    ['SCS 2/3', 'SCS2'],
    // Fast Stream: the grade outside the bracket, or in it when the words outside are none
    ['Higher Executive Officer (Fast Stream)', 'HEO'],
    ['Fast Stream (HEOD)', 'HEO'],
    ['Fast Stream (SEO(D))', 'SEO'],
    ['HEO(D)', 'HEO'],
    ['SEOD', 'SEO'],
  ])('%s → %s', (raw, id) => {
    expect(normalizeUkGrade(raw)).toBe(id);
  });

  it('keeps grades outside the civil-service ladder as written (trimmed)', () => {
    expect(normalizeUkGrade('AfC band 7')).toBe('AfC band 7');
    expect(normalizeUkGrade('OF-6')).toBe('OF-6');
    expect(normalizeUkGrade('EA (London)')).toBe('EA (London)');
    expect(normalizeUkGrade('FS')).toBe('FS'); // a Fast Stream post, grade not given
    expect(normalizeUkGrade('Fast Stream')).toBe('Fast Stream');
    expect(normalizeUkGrade('SCS1B')).toBe('SCS1B');
    expect(normalizeUkGrade('SCS1/3')).toBe('SCS1/3');
    expect(normalizeUkGrade('Grade 6/7')).toBe('Grade 6/7');
    expect(normalizeUkGrade('SCS5')).toBe('SCS5');
    expect(normalizeUkGrade('MQ00 ')).toBe('MQ00');
  });
});

describe('UK_CIVIL_SERVICE_LADDER', () => {
  it('is a valid ladder with AA..G6 on the IC track (ranks 1-7) and SCS1-4 on the manager track (8-11)', () => {
    expect(LadderSchema.parse(UK_CIVIL_SERVICE_LADDER)).toEqual(UK_CIVIL_SERVICE_LADDER);
    const ranks = (t: 'ic' | 'manager') => UK_CIVIL_SERVICE_LADDER.tracks[t].map((l) => `${l.id}:${l.rank}`);
    expect(ranks('ic')).toEqual(['AA:1', 'AO:2', 'EO:3', 'HEO:4', 'SEO:5', 'G7:6', 'G6:7']);
    expect(ranks('manager')).toEqual(['SCS1:8', 'SCS2:9', 'SCS3:10', 'SCS4:11']);
  });

  it('trips none of the ladder checks under the default policy: its fork is G6 (rank 7), not HEO', () => {
    expect(UK_CIVIL_SERVICE_LADDER.forkRank).toBe(7);
    expect(getLadderFindings(UK_CIVIL_SERVICE_LADDER, createPolicy())).toEqual([]);
    // Without the fork rank, the default senior rank 4 makes SCS1 (rank 8) look 4 ranks away.
    const { forkRank: _, ...plain } = UK_CIVIL_SERVICE_LADDER;
    const [fork] = getLadderFindings(plain, createPolicy());
    expect([fork.code, fork.data]).toEqual([
      'ladder.wide_fork',
      { rank: 8, seniorRank: 4, maxFirstManagerRank: 5 },
    ]);
  });
});
