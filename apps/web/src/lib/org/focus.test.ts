import { describe, expect, it } from 'vitest';
import { createTestOrg } from '../../test/orgs';
import { collectVisibleTree } from '../layout/visible-tree';
import { createFocusSource, describeFocus } from './focus';
import { buildOrgIndex } from './org-index';

describe('find me focus', () => {
  const index = buildOrgIndex(createTestOrg());

  it('shows the chain to the top, the peers and the reports, nobody else', () => {
    const source = createFocusSource(index, 'em1')!;
    const tree = collectVisibleTree(source);
    expect(tree.ids).toEqual(['ceo', 'vp1', 'em1', 'a1', 'a2', 'a3', 'em2']);
    expect(tree.isCollapsed[tree.ids.indexOf('em2')]).toBe(1);
  });

  it('describes the chain top first, the peers and the reports', () => {
    expect(describeFocus(index, 'a2')).toEqual({
      chain: ['ceo', 'vp1', 'em1'],
      peers: ['a1', 'a3'],
      reports: [],
    });
    expect(createFocusSource(index, 'nobody')).toBeNull();
  });
});
