import { describe, expect, it } from 'vitest';
import { readAnswer, uploadUrl } from './upload-org';

describe('uploading an import', () => {
  it('puts the options in the query, and the mapping only when it changes something', () => {
    const file = new Blob(['x']);
    const hris = uploadUrl({
      kind: 'hris',
      file,
      query: {
        asOf: '2022-11-11',
        id: 'gitlab',
        name: 'GitLab',
        mapping: { manager: 'reports_to_resolved' },
      },
    });
    const q = new URL(hris, 'http://h').searchParams;
    expect(Object.fromEntries(q)).toEqual({
      format: 'hris',
      asOf: '2022-11-11',
      id: 'gitlab',
      name: 'GitLab',
      mapping: '{"manager":"reports_to_resolved"}',
    });
    expect(uploadUrl({ kind: 'hris', file, query: { asOf: '2022-11-11', mapping: {} } })).toBe(
      '/api/orgs?format=hris&asOf=2022-11-11',
    );
    const senior = new File(['x'], 's.csv');
    expect(uploadUrl({ kind: 'uk-organogram', senior, query: { asOf: '2013-10-01' } })).toBe(
      '/api/orgs?format=uk-organogram&asOf=2013-10-01',
    );
    expect(uploadUrl({ kind: 'org-json', file })).toBe('/api/orgs?format=json');
  });

  it('reads a created org, a problem with its issues, or an answer that is not JSON', () => {
    expect(readAnswer(201, '{"id":"acme","name":"Acme","warnings":[]}')).toMatchObject({
      ok: true,
      org: { id: 'acme' },
    });
    const problem = JSON.stringify({
      title: 'Import failed',
      detail: 'nothing was imported',
      errors: [{ in: 'file', file: 'p.csv', row: 5, column: 'Annual Cost', message: 'not a number' }],
    });
    expect(readAnswer(422, problem)).toEqual({
      ok: false,
      status: 422,
      title: 'Import failed',
      detail: 'nothing was imported',
      errors: [{ in: 'file', file: 'p.csv', row: 5, column: 'Annual Cost', message: 'not a number' }],
    });
    expect(readAnswer(502, '<html>Bad gateway</html>')).toEqual({
      ok: false,
      status: 502,
      title: 'HTTP 502',
      detail: '<html>Bad gateway</html>',
      errors: [],
    });
  });
});
