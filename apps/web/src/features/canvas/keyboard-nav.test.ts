import { describe, expect, it } from 'vitest';
import { collectVisibleTree } from '../../lib/layout/visible-tree';
import { navigate } from './keyboard-nav';

describe('keyboard navigation of the chart', () => {
  const edges: Record<string, string[]> = { ceo: ['vp1', 'vp2'], vp1: ['a', 'b'], vp2: ['c'] };
  const tree = collectVisibleTree({
    roots: ['ceo'],
    reports: (id) => edges[id] ?? [],
    isExpanded: () => true,
  });
  const at = (id: string) => tree.ids.indexOf(id);

  it('moves up to the manager, down to the first report, sideways to peers', () => {
    expect(tree.ids[navigate(tree, at('b'), 'ArrowUp')]).toBe('vp1');
    expect(tree.ids[navigate(tree, at('ceo'), 'ArrowDown')]).toBe('vp1');
    expect(tree.ids[navigate(tree, at('vp1'), 'ArrowRight')]).toBe('vp2');
    expect(tree.ids[navigate(tree, at('vp1'), 'ArrowLeft')]).toBe('vp1');
    expect(tree.ids[navigate(tree, at('a'), 'End')]).toBe('b');
    expect(tree.ids[navigate(tree, at('c'), 'Home')]).toBe('ceo');
  });
});
