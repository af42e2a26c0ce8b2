import { describe, expect, it } from 'vitest';
import { itWithData, readThirdParty } from '../../../../fixtures/third-party-tests';
import type { Ladder } from '../schema/ladder';
import { importLadderCsv } from './ladder-csv';
import type { ImportResult } from './result';

function ok(result: ImportResult<Ladder>): Ladder {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

const ids = (ladder: Ladder, track: 'ic' | 'manager') => ladder.tracks[track].map((l) => `${l.id}:${l.rank}`);
const read = (path: string) => readThirdParty(`ladders/${path}`);

describe('importLadderCsv', () => {
  it('reads a small ladder with codes, titles and bands, sorted by rank', () => {
    const csv = [
      'ladder,level_code,level_num,title,band_min,band_max',
      'IC,L4,4,L4 Senior Engineer,"£80,000","£100,000"',
      'IC,L3,3,Software Engineer,60000,80000',
      'M,M5,5,Engineering Manager,,',
    ].join('\n');
    const ladder = ok(importLadderCsv(csv, { id: 'x', name: 'X' }));
    expect(ladder).toEqual({
      id: 'x',
      name: 'X',
      tracks: {
        ic: [
          { id: 'L3', name: 'Software Engineer', rank: 3, band: { min: 60000, max: 80000 } },
          { id: 'L4', name: 'Senior Engineer', rank: 4, band: { min: 80000, max: 100000 } },
        ],
        manager: [{ id: 'M5', name: 'Engineering Manager', rank: 5 }],
      },
    });
  });

  it('lists bad rows with row and column and imports nothing', () => {
    const csv = 'ladder,level_code,level_num,title\nIC,L3,3,A\nX,L4,4,B\nIC,L5,five,C\nIC,L3,4,D\nM,L3,3,E\n';
    const result = importLadderCsv(csv, { fileName: 'l.csv' });
    expect(result.ok ? [] : result.errors).toEqual([
      { file: 'l.csv', row: 3, column: 'ladder', message: '"X" is not a track: expected IC or M' },
      { file: 'l.csv', row: 4, column: 'level_num', message: '"five" is not a whole level number' },
      { file: 'l.csv', row: 5, message: 'level L3 has rank 4 here but 3 on row 2' },
      { file: 'l.csv', row: 6, message: 'level L3 is on both tracks (see row 5)' },
    ]);
    const noRank = importLadderCsv('ladder,title\nIC,A\n');
    expect(noRank.ok ? '' : noRank.errors[0].message).toBe(
      'no level number column: expected "level_num", "rank" or "grade"',
    );
  });

  itWithData('loads the Dropbox framework: IC1-IC7 and M3-M7, named from the SWE rows', () => {
    const ladder = ok(
      importLadderCsv(read('dropbox_engineering_career_framework_levels.csv'), { id: 'dropbox' }),
    );
    expect(ids(ladder, 'ic')).toEqual(['IC1:1', 'IC2:2', 'IC3:3', 'IC4:4', 'IC5:5', 'IC6:6', 'IC7:7']);
    expect(ids(ladder, 'manager')).toEqual(['M3:3', 'M4:4', 'M5:5', 'M6:6', 'M7:7']);
    expect(ladder.tracks.ic.map((l) => l.name)).toEqual([
      'Software Engineer',
      'Software Engineer',
      'Software Engineer',
      'Software Engineer',
      'Staff Software Engineer',
      'Principal Software Engineer',
      'Sr. Principal Software Engineer',
    ]);
    expect(ladder.tracks.manager[2]).toEqual({ id: 'M5', name: 'Senior Engineering Manager', rank: 5 });
  });

  itWithData('loads the GitLab job grades: the general table names each grade', () => {
    const ladder = ok(importLadderCsv(read('gitlab_job_grades_2022-11.csv')));
    expect(ids(ladder, 'ic')).toEqual([
      'IC4:4',
      'IC5:5',
      'IC6:6',
      'IC7:7',
      'IC8:8',
      'IC9:9',
      'IC10:10',
      'IC11:11',
      'IC12:12',
    ]);
    expect(ladder.tracks.ic.map((l) => l.name)).toEqual([
      'Intern',
      'Junior',
      'Intermediate',
      'Senior',
      'Staff',
      'Principal',
      'Distinguished',
      'Senior Distinguished',
      'Fellow',
    ]);
    // GitLab has no grade 13.
    expect(ids(ladder, 'manager')).toEqual([
      'M8:8',
      'M9:9',
      'M10:10',
      'M11:11',
      'M12:12',
      'M14:14',
      'M15:15',
    ]);
    expect(ladder.tracks.manager.map((l) => l.name)).toEqual([
      'Manager',
      'Senior Manager',
      'Director',
      'Senior Director',
      'VP',
      'EVP/CXO',
      'CEO',
    ]);
  });
});
