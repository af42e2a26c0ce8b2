import type { MiddlewareHandler } from 'hono';
import { PROBLEM_TYPES, problem } from './problem';

/**
 * The byte offset of the first invalid UTF-8 sequence in `bytes` (the lead byte of a sequence
 * that is malformed, overlong, a surrogate, above U+10FFFF or cut short), or -1 when every byte is
 * well-formed UTF-8. The same bytes a fatal `TextDecoder('utf-8')` refuses (WHATWG Encoding).
 */
export function findInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const x = bytes[i];
    if (x < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (x >= 0xc2 && x <= 0xdf) need = 1;
    else if (x >= 0xe0 && x <= 0xef) {
      need = 2;
      if (x === 0xe0)
        lo = 0xa0; // overlong
      else if (x === 0xed) hi = 0x9f; // surrogates
    } else if (x >= 0xf0 && x <= 0xf4) {
      need = 3;
      if (x === 0xf0)
        lo = 0x90; // overlong
      else if (x === 0xf4) hi = 0x8f; // above U+10FFFF
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return i;
      const y = bytes[i + k];
      if (k === 1 ? y < lo || y > hi : y < 0x80 || y > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

const fatal = new TextDecoder('utf-8', { fatal: true });

/**
 * Refuses a request body that is not valid UTF-8 with a 400 problem naming the byte offset of the
 * first bad sequence, instead of letting it be read with U+FFFD in place of the bad bytes. Every
 * body is JSON, CSV or multipart text here, so this holds for every content type. The body is
 * read once and handed on unchanged.
 */
export function requireUtf8Body(): MiddlewareHandler {
  return async (c, next) => {
    if (!c.req.raw.body) return next();
    const bytes = new Uint8Array(await c.req.raw.arrayBuffer());
    try {
      fatal.decode(bytes);
    } catch {
      const offset = findInvalidUtf8(bytes);
      const at = bytes[offset] ?? 0;
      // Set as the response too: this middleware also runs nested inside the body-size limit's `next`.
      c.res = problem(c, {
        type: PROBLEM_TYPES.malformed,
        title: 'Body is not valid UTF-8',
        status: 400,
        detail: `the request body is not valid UTF-8: byte 0x${at.toString(16).padStart(2, '0')} at byte offset ${offset} starts no valid sequence; send the text encoded as UTF-8`,
        errors: [{ in: 'body', code: 'invalid_utf8', message: `invalid UTF-8 at byte offset ${offset}` }],
        offset,
      });
      return c.res;
    }
    c.req.raw = new Request(c.req.raw, { body: bytes });
    return next();
  };
}
