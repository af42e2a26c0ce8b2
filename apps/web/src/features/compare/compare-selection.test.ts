import { describe, expect, it } from 'vitest';
import { defaultSelection, keepKnown, selectionColors, toggleId } from './compare-selection';

describe('compare selection', () => {
  it('defaults to the first three scenarios and first four plans', () => {
    expect(defaultSelection(['a', 'b', 'c', 'd'], ['p1', 'p2', 'p3', 'p4', 'p5'])).toEqual({
      scenarios: ['a', 'b', 'c'],
      plans: ['p1', 'p2', 'p3', 'p4'],
    });
    expect(defaultSelection([], [])).toEqual({ scenarios: [], plans: [] });
  });

  it('toggles an id in or out, keeping the order picked', () => {
    expect(toggleId(['a', 'b'], 'c')).toEqual(['a', 'b', 'c']);
    expect(toggleId(['a', 'b', 'c'], 'b')).toEqual(['a', 'c']);
  });

  it('keeps only known ids, once each, in the order picked', () => {
    expect(keepKnown(['c', 'ghost', 'a', 'c'], ['a', 'b', 'c'])).toEqual(['c', 'a']);
  });

  it('gives scenarios then plans distinct colors', () => {
    const colors = selectionColors({ scenarios: ['s1', 's2'], plans: ['p1'] });
    expect([...colors.keys()]).toEqual(['s1', 's2', 'p1']);
    expect(new Set(colors.values()).size).toBe(3);
    expect(colors.get('s1')).toBe('#2f55d4');
  });
});
