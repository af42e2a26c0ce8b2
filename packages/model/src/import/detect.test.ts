import { describe, expect, it } from 'vitest';
import { itWithData, readThirdParty } from '../../../../fixtures/third-party-tests';
import { detectFileKind, detectInputFormat } from './detect';

const shared = (path: string) => ({
  name: path.split('/').pop()!,
  text: readThirdParty(path),
});

describe('detectFileKind', () => {
  it.each([
    ['org.json', '{"schemaVersion":1,"id":"o","people":[]}', 'org-json'],
    ['old.json', '{"employees":[{"id":"a"}]}', 'org-json'],
    ['teams.json', '{"teams":[{"name":"A"}]}', 'teams'],
    ['teams.json', '[{"name":"A"}]', 'teams'],
    ['team.yaml', 'info:\n  name: A\n  type: platform\n', 'teams'],
    ['team-api.txt', '# Team API\n---\nname: A\n', 'teams'],
    ['people.csv', 'Employee ID,Name,Manager ID\n1,A,\n', 'hris-csv'],
    ['people.txt', 'person_id;name\n1;A\n', 'hris-csv'],
    ['ladder.csv', 'ladder,level_code,level_num,title\nIC,L3,3,SE\n', 'ladder-csv'],
  ])('%s → %s', (name, text, kind) => {
    expect(detectFileKind({ name, text })).toEqual({ kind });
  });

  itWithData('recognises the real files from their headers', () => {
    const kinds = [
      'gitlab/gitlab_team_members_2022-11.csv',
      'uk_organograms/011013-DH---Organogram-senior.csv',
      'uk_organograms/011013-DH---Organogram-junior.csv',
      'ladders/dropbox_engineering_career_framework_levels.csv',
      'ladders/gitlab_job_grades_2022-11.csv',
    ].map((p) => detectFileKind(shared(p)).kind);
    expect(kinds).toEqual(['hris-csv', 'uk-senior', 'uk-junior', 'ladder-csv', 'ladder-csv']);
  });

  it('gives a reason for what it does not recognise', () => {
    expect(detectFileKind({ name: 'x.csv', text: 'Colour,Size\nred,2\n' })).toEqual({
      kind: 'unknown',
      reason:
        'x.csv: CSV headers not recognised (Colour, Size): no employee id column such as "Employee ID", not a UK organogram ("Post Unique Reference"), not a ladder ("ladder", "level_num")',
    });
    expect(detectFileKind({ name: 'e.json', text: '{"a":1}' })).toEqual({
      kind: 'unknown',
      reason:
        'e.json is JSON but not an org ("people"), a list of HR records, a Backstage catalog or teams ("teams")',
    });
    expect(detectFileKind({ name: 'b.json', text: '{"a":' }).kind).toBe('unknown');
    expect(detectFileKind({ name: 'z.csv', text: '  \n' })).toEqual({
      kind: 'unknown',
      reason: 'z.csv is empty',
    });
  });
});

describe('detectInputFormat', () => {
  itWithData('names the format of the set from its first file, with every kind', () => {
    const senior = shared('uk_organograms/011013-DH---Organogram-senior.csv');
    const junior = shared('uk_organograms/011013-DH---Organogram-junior.csv');
    expect(detectInputFormat([senior, junior])).toEqual({
      format: 'uk-organogram',
      kinds: ['uk-senior', 'uk-junior'],
    });
    expect(detectInputFormat([junior, senior]).format).toBe('uk-organogram');
    expect(detectInputFormat([{ name: 'p.csv', text: 'ID\n1\n' }])).toEqual({
      format: 'hris-csv',
      kinds: ['hris-csv'],
    });
    expect(detectInputFormat([])).toEqual({ format: 'unknown', reason: 'no input files' });
  });
});
