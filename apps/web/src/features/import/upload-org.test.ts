import { afterEach, describe, expect, it, vi } from 'vitest';
import { readAnswer, uploadOrg, uploadUrl } from './upload-org';

/** A stand-in XMLHttpRequest that sends in two chunks, then answers 201. */
class FakeXhr {
  static last: FakeXhr;
  readonly upload: { onprogress?: (e: unknown) => void; onload?: () => void } = {};
  readonly headers: Record<string, string> = {};
  onload?: () => void;
  onerror?: () => void;
  method = '';
  url = '';
  body: unknown;
  status = 0;
  responseText = '';
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: unknown) {
    this.body = body;
    queueMicrotask(() => {
      this.upload.onprogress?.({ lengthComputable: true, loaded: 5, total: 10 });
      this.upload.onprogress?.({ lengthComputable: true, loaded: 10, total: 10 });
      this.upload.onload?.();
      this.status = 201;
      this.responseText = '{"id":"acme","name":"Acme","warnings":[]}';
      this.onload?.();
    });
  }
}

afterEach(() => vi.unstubAllGlobals());

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

  it('reports bytes sent, then the wait for the server, then the stored org', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const events: string[] = [];
    const file = new Blob(['Employee ID\np1']);
    const result = await uploadOrg(
      { kind: 'hris', file, query: { asOf: '2025-01-01', id: 'acme' } },
      (sent, total) => events.push(`${sent}/${total}`),
      () => events.push('sent'),
    );
    expect(events).toEqual(['5/10', '10/10', 'sent']);
    expect(result).toMatchObject({ ok: true, org: { id: 'acme' } });
    const xhr = FakeXhr.last;
    expect([xhr.method, xhr.url, xhr.body]).toEqual([
      'POST',
      '/api/orgs?format=hris&asOf=2025-01-01&id=acme',
      file,
    ]);
    // No author header: the server names the author from the session.
    expect(xhr.headers).toEqual({ 'content-type': 'text/csv' });
  });

  it('sends a UK pair as multipart senior and junior files', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const senior = new File(['s'], 'senior.csv');
    const junior = new File(['j'], 'junior.csv');
    await uploadOrg(
      { kind: 'uk-organogram', senior, junior, query: { asOf: '2013-10-01' } },
      () => {},
      () => {},
    );
    const form = FakeXhr.last.body as FormData;
    expect([(form.get('senior') as File).name, (form.get('junior') as File).name]).toEqual([
      'senior.csv',
      'junior.csv',
    ]);
    expect(FakeXhr.last.headers['content-type']).toBeUndefined();
  });
});
