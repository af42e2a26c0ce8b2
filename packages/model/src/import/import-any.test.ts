import { describe, expect, it } from 'vitest';
import { itWithData, readThirdParty } from '../../../../fixtures/third-party-tests';
import type { Org } from '../schema/org';
import { importAny } from './import-any';
import type { ImportResult } from './result';

const shared = (path: string) => ({
  name: path.split('/').pop()!,
  text: readThirdParty(path),
});

function ok(result: ImportResult<Org>): Org {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

const errors = (result: ImportResult<Org>) => (result.ok ? [] : result.errors);

describe('importAny', () => {
  itWithData('imports a UK pair given junior first, like the senior-first order', () => {
    const senior = shared('uk_organograms/UK-space-agency-September-2013-FINAL-senior.csv');
    const junior = shared('uk_organograms/UK-space-agency-September-2013-FINAL-junior.csv');
    const org = ok(importAny([junior, senior], { asOf: '2013-09-30' }));
    expect(org.people).toHaveLength(41);
    expect(org.ladder.id).toBe('uk-civil-service');
  });

  it('imports an HRIS CSV with a ladder CSV and a teams file', () => {
    const people = { name: 'p.csv', text: 'ID,Manager ID,Team,Level\na,,Core,M5\nb,a,Core,L4\n' };
    const ladder = { name: 'l.csv', text: 'ladder,level_code,level_num,title\nIC,L4,4,Senior\nM,M5,5,EM\n' };
    const teams = { name: 't.yaml', text: 'info:\n  name: Core\n  type: platform\n  lead: a\n' };
    const org = ok(importAny([people, ladder, teams], { asOf: '2024-01-01', orgId: 'x', name: 'X' }));
    expect(org).toMatchObject({ id: 'x', name: 'X' });
    expect(org.ladder.tracks.manager).toEqual([{ id: 'M5', name: 'EM', rank: 5 }]);
    expect(org.teams).toEqual([expect.objectContaining({ id: 'core', type: 'platform', managerId: 'a' })]);
  });

  it('loads an org JSON, overriding asOf when given', () => {
    const doc = {
      name: 'o.json',
      text: JSON.stringify({ id: 'o', name: 'O', asOf: '2020-01-01', employees: [{ id: 'a' }] }),
    };
    const org = ok(importAny([doc], { asOf: '2024-06-30' }));
    expect(org).toMatchObject({ id: 'o', asOf: '2024-06-30', schemaVersion: 1 });
    expect(org.people.map((p) => p.id)).toEqual(['a']);
    const bad = {
      name: 'b.json',
      text: JSON.stringify({ schemaVersion: 1, id: 'o', name: 'O', asOf: 'soon' }),
    };
    expect(errors(importAny([bad]))[0]).toEqual({
      file: 'b.json',
      message: 'asOf: expected a date as YYYY-MM-DD',
    });
  });

  itWithData('says what is wrong with the set of files', () => {
    const hris = { name: 'p.csv', text: 'ID\na\n' };
    const junior = shared('uk_organograms/011013-DH---Organogram-junior.csv');
    expect(errors(importAny([hris]))).toEqual([
      {
        message:
          'asOf (YYYY-MM-DD, the date the data describes) is required to import a CSV, HR records, a catalog or teams',
      },
    ]);
    expect(errors(importAny([hris, hris], { asOf: '2024-01-01' }))).toEqual([
      { message: 'one org file at a time, got p.csv, p.csv' },
    ]);
    expect(errors(importAny([junior], { asOf: '2024-01-01' }))).toEqual([
      {
        message:
          'no org file: give an org JSON, an HRIS export (CSV or JSON), a UK organogram senior CSV, a Backstage catalog or Team API files',
      },
      { message: 'a UK organogram junior file goes with exactly one senior file' },
    ]);
    expect(errors(importAny([{ name: 'q.txt', text: 'hello' }]))[0]).toMatchObject({ file: 'q.txt' });
  });

  it('passes the importer errors through with their files and rows', () => {
    const hris = { name: 'p.csv', text: 'ID,FTE\na,lots\n' };
    expect(errors(importAny([hris], { asOf: '2024-01-01' }))).toEqual([
      { file: 'p.csv', row: 2, column: 'FTE', message: '"lots" is not a number' },
    ]);
  });
});
