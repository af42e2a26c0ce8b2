import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp } from './testing/engines';
import { readJson } from './testing/http';
import { smallOrg } from './testing/orgs';
import { findInvalidUtf8 } from './utf8-body';

const fatal = new TextDecoder('utf-8', { fatal: true });
const decodes = (bytes: Uint8Array) => {
  try {
    fatal.decode(bytes);
    return true;
  } catch {
    return false;
  }
};

describe('findInvalidUtf8', () => {
  it('finds the lead byte of the first bad sequence', () => {
    const bytes = (...b: number[]) => Uint8Array.from(b);
    expect(findInvalidUtf8(new TextEncoder().encode('£ 5654 ＝ 😀'))).toBe(-1);
    expect(findInvalidUtf8(bytes(0x61, 0x62, 0xff))).toBe(2); // never valid
    expect(findInvalidUtf8(bytes(0x61, 0xa3, 0x35))).toBe(1); // Latin-1 '£': a lone continuation
    expect(findInvalidUtf8(bytes(0x61, 0xc0, 0xaf))).toBe(1); // overlong '/'
    expect(findInvalidUtf8(bytes(0xed, 0xa0, 0x80))).toBe(0); // a surrogate
    expect(findInvalidUtf8(bytes(0x61, 0x62, 0xe2, 0x82))).toBe(2); // cut short at the end
    expect(findInvalidUtf8(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0); // above U+10FFFF
  });

  it('agrees with a fatal TextDecoder, and everything before the offset decodes', () => {
    const chunk = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 8 }).map((s) => Array.from(new TextEncoder().encode(s))),
      fc.array(fc.integer({ min: 0x80, max: 0xff }), { maxLength: 3 }),
    );
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 10 }), (chunks) => {
        const bytes = Uint8Array.from(chunks.flat());
        const offset = findInvalidUtf8(bytes);
        expect(offset === -1).toBe(decodes(bytes));
        if (offset >= 0) expect(decodes(bytes.subarray(0, offset))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('request bodies that are not UTF-8', () => {
  let app: Awaited<ReturnType<typeof openTestApp>>['app'];
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ app, close } = await openTestApp('pglite'));
  });
  afterAll(() => close());

  it('refuses a JSON org with a Latin-1 byte: 400 problem naming the byte offset, nothing stored', async () => {
    const json = new TextEncoder().encode(JSON.stringify({ ...smallOrg(), name: 'Acme XX' }));
    const at = new TextDecoder().decode(json).indexOf('XX');
    json[at] = 0xa3; // '£' in Latin-1, not UTF-8
    const res = await app.request('/api/orgs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: json,
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await readJson(res)) as { title: string; offset: number; detail: string };
    expect(body.title).toBe('Body is not valid UTF-8');
    expect(body.offset).toBe(at);
    expect(body.detail).toContain(`byte 0xa3 at byte offset ${at}`);
    const list = (await readJson(await app.request('/api/orgs'))) as { orgs?: unknown[] } | unknown[];
    expect(JSON.stringify(list)).not.toContain('Acme X');
  });

  it('refuses a CSV import with an invalid byte, and accepts the same file in UTF-8', async () => {
    const csv = 'Employee ID,Name,Manager ID\ne1,Zoë,\ne2,Bo,e1\n';
    const bad = new TextEncoder().encode(csv);
    const zoe = csv.indexOf('ë');
    const latin1 = Uint8Array.from([...bad.subarray(0, zoe), 0xeb, ...bad.subarray(zoe + 2)]);
    const post = (body: Uint8Array) =>
      app.request('/api/orgs?format=hris&asOf=2025-01-01&id=utf8-test&name=U', {
        method: 'POST',
        headers: { 'content-type': 'text/csv' },
        body,
      });
    const refused = await post(latin1);
    expect(refused.status).toBe(400);
    expect(((await readJson(refused)) as { offset: number }).offset).toBe(zoe);
    expect((await post(bad)).status).toBe(201);
  });
});
