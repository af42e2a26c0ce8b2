import { describe, expect, it } from 'vitest';
import { findUnstorableText, isStorableText, parseIfMatch } from './http';

describe('parseIfMatch', () => {
  it('reads a missing or blank header as missing', () => {
    expect(parseIfMatch(undefined)).toEqual({ kind: 'missing' });
    expect(parseIfMatch('  ')).toEqual({ kind: 'missing' });
  });

  it('reads * as any revision', () => {
    expect(parseIfMatch(' * ')).toEqual({ kind: 'any' });
  });

  it('compares strongly for If-Match (RFC 9110): a weak or bare tag names no revision', () => {
    expect(parseIfMatch('"3"')).toEqual({ kind: 'revisions', revisions: [3] });
    expect(parseIfMatch('W/"4"')).toEqual({ kind: 'revisions', revisions: [] });
    expect(parseIfMatch('5')).toEqual({ kind: 'revisions', revisions: [] });
    expect(parseIfMatch('"1", "7"')).toEqual({ kind: 'revisions', revisions: [1, 7] });
    expect(parseIfMatch('W/"1", "7"')).toEqual({ kind: 'revisions', revisions: [7] });
  });

  it('compares weakly for If-None-Match: W/"4" is revision 4', () => {
    expect(parseIfMatch('W/"4"', 'weak')).toEqual({ kind: 'revisions', revisions: [4] });
    expect(parseIfMatch('"3", W/"4"', 'weak')).toEqual({ kind: 'revisions', revisions: [3, 4] });
    expect(parseIfMatch('4', 'weak')).toEqual({ kind: 'revisions', revisions: [] });
  });

  it('matches nothing for tags that are not revisions', () => {
    expect(parseIfMatch('"abc"')).toEqual({ kind: 'revisions', revisions: [] });
    expect(parseIfMatch('"-1"')).toEqual({ kind: 'revisions', revisions: [] });
    expect(parseIfMatch('"99999999999"')).toEqual({ kind: 'revisions', revisions: [] });
  });
});

describe('findUnstorableText', () => {
  it('accepts ordinary text, emoji and nested values', () => {
    expect(isStorableText('Zoë 👩‍💻')).toBe(true);
    expect(findUnstorableText({ a: ['x', { b: 'é', c: 1, d: null }] })).toBeUndefined();
  });

  it('finds a NUL character in a value and names its path', () => {
    expect(findUnstorableText({ people: [{ id: 'a' }, { id: 'b', name: 'x\u0000y' }] })).toEqual([
      'people',
      1,
      'name',
    ]);
  });

  it('finds an unpaired surrogate, and bad keys', () => {
    expect(findUnstorableText({ name: 'bad \ud800' })).toEqual(['name']);
    expect(findUnstorableText({ 'k\u0000': 1 })).toEqual(['k\u0000']);
    expect(findUnstorableText('\udc00')).toEqual([]);
  });
});
