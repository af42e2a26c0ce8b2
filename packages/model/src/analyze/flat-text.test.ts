import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flat } from './flat-text';

describe('flat', () => {
  it('gives the same text as the untagged template', () => {
    const name = 'Ann Lee';
    expect(flat`${name} (p1) has ${3} reports`).toBe('Ann Lee (p1) has 3 reports');
    expect(flat`${undefined}, ${null}, ${1.5}, ${true}`).toBe('undefined, null, 1.5, true');
    expect(flat`no values`).toBe('no values');
    expect(flat`${'a'}${'b'}`).toBe('ab');
  });

  it('property: equals the untagged template for any values', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(fc.string(), fc.double(), fc.integer()), fc.string(), (a, b, c) => {
        expect(flat`${a} at ${b}: ${c}.`).toBe(`${a} at ${b}: ${c}.`);
      }),
    );
  });
});
