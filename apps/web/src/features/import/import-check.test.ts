import { describe, expect, it } from 'vitest';
import { itWithData, readThirdParty } from '../../../../../fixtures/third-party-tests';
import { checkImport, inspectFile } from './import-check';
import { createImportSession } from './import-session';

const read = (path: string) => {
  const text = readThirdParty(path);
  return { name: path.split('/').pop()!, text, size: text.length };
};

const CSV = [
  'Employee ID,Name,Job Title,Manager ID,Level,Annual Cost',
  'p1,Pat,CTO,,M7,250000',
  '',
  'p2,Sam,"Engineering Manager, Core",p1,M5,150000',
  'p3,Kim,Engineer,p2,L4,lots',
].join('\n');

describe('checking files in the browser', () => {
  it('inspects a CSV: kind, headers, preview rows with spreadsheet row numbers, row count', () => {
    const f = inspectFile({ name: 'people.csv', text: `\uFEFF${CSV}`, size: 120 });
    expect(f).toMatchObject({ kind: 'hris-csv', rows: 3, size: 120 });
    expect(f.headers).toEqual(['Employee ID', 'Name', 'Job Title', 'Manager ID', 'Level', 'Annual Cost']);
    expect(f.preview.map((r) => r.row)).toEqual([2, 4, 5]);
    expect(f.preview[1].cells[2]).toBe('Engineering Manager, Core');
    expect(inspectFile({ name: 'x.csv', text: 'a,b\n1,2', size: 7 })).toMatchObject({ kind: 'unknown' });
    expect(inspectFile({ name: 'o.json', text: '{"people":[]}', size: 13 })).toMatchObject({
      kind: 'org-json',
      rows: 0,
    });
  });

  it('lists every row error with its row and column, as the API would', () => {
    const result = checkImport(
      { kind: 'hris', file: { name: 'people.csv', text: CSV } },
      { asOf: '2025-01-01' },
    );
    expect(result).toEqual({
      ok: false,
      errors: [expect.objectContaining({ file: 'people.csv', row: 5, column: 'Annual Cost' })],
    });
  });

  it('counts what a good file imports, with a mapping', () => {
    const fixed = CSV.replace('lots', '120000');
    const plain = checkImport(
      { kind: 'hris', file: { name: 'people.csv', text: fixed } },
      { asOf: '2025-01-01' },
    );
    expect(plain).toMatchObject({ ok: true, people: 3, aggregates: 0, open: 0, org: { name: 'people.csv' } });
    const unmapped = checkImport(
      { kind: 'hris', file: { name: 'people.csv', text: fixed } },
      { asOf: '2025-01-01', name: 'Acme', mapping: { manager: '' } },
    );
    expect(unmapped).toMatchObject({ ok: true, org: { name: 'Acme' } });
    const missing = checkImport(
      { kind: 'hris', file: { name: 'people.csv', text: fixed } },
      { asOf: '2025-01-01', mapping: { manager: 'Boss' } },
    );
    expect(missing.ok).toBe(false);
  });

  it('reads an org JSON with loadOrg, listing issues by path', () => {
    const bad = checkImport(
      {
        kind: 'org-json',
        file: { name: 'o.json', text: '{"schemaVersion":1,"id":"a","people":[{"id":3}]}' },
      },
      { asOf: '2025-01-01' },
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.some((e) => e.column === 'people.0.id')).toBe(true);
    const broken = checkImport(
      { kind: 'org-json', file: { name: 'o.json', text: '{' } },
      { asOf: '2025-01-01' },
    );
    expect(broken).toMatchObject({ ok: false, errors: [{ file: 'o.json' }] });
  });

  itWithData('recognises the UK Department of Health pair and imports it as the API does', () => {
    const session = createImportSession();
    const senior = read('uk_organograms/011013-DH---Organogram-senior.csv');
    const junior = read('uk_organograms/011013-DH---Organogram-junior.csv');
    const loaded = session({ kind: 'load', seq: 1, files: [junior, senior] });
    expect(loaded.kind).toBe('loaded');
    if (loaded.kind !== 'loaded') return;
    expect(loaded.files.map((f) => [f.kind, f.rows])).toEqual([
      ['uk-junior', 976],
      ['uk-senior', 173],
    ]);
    const checked = session({
      kind: 'check',
      seq: 2,
      plan: 'uk-organogram',
      options: { asOf: '2013-10-01' },
    });
    expect(checked).toMatchObject({
      kind: 'checked',
      result: {
        ok: true,
        org: { id: 'department-of-health', name: 'Department of Health' },
        people: 173,
        aggregates: 976,
      },
    });
  });

  itWithData("imports GitLab's team page with the manager read from another column", () => {
    const gitlab = read('gitlab/gitlab_team_members_2022-11.csv');
    const f = inspectFile(gitlab);
    expect(f).toMatchObject({ kind: 'hris-csv', rows: 1368 });
    const result = checkImport(
      { kind: 'hris', file: gitlab },
      { asOf: '2022-11-11', mapping: { manager: 'reports_to_resolved' } },
    );
    expect(result).toMatchObject({ ok: true, people: 1368, open: 32 });
  });
});
