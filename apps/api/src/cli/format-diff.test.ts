import { createOrg, diffOrgs, type PersonInput } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { formatDiffTable } from './format-diff';

const people: PersonInput[] = [
  { id: 'vp', name: 'Vera' },
  { id: 'em', name: 'Emil', managerId: 'vp', teamId: 'core' },
  ...['a', 'b', 'c', 'd'].map((id) => ({ id, name: id.toUpperCase(), managerId: 'em', teamId: 'core' })),
];
const before = createOrg({
  id: 'o',
  name: 'O',
  asOf: '2026-01-01',
  people,
  teams: [{ id: 'core', name: 'Core', managerId: 'em' }],
});

describe('formatDiffTable', () => {
  it('says there are no changes when there are none', () => {
    const text = formatDiffTable(diffOrgs(before, before));
    expect(text).toContain('People affected   0 of 6 (0%) change manager or team');
    expect(text.trimEnd().endsWith('No changes.')).toBe(true);
  });

  it('shows a split, a changed team, and what changes for the new lead', () => {
    const after = createOrg({
      ...before,
      people: people.map((p) =>
        p.id === 'c' ? { ...p, teamId: 'edge' } : p.id === 'd' ? { ...p, teamId: 'edge', managerId: 'c' } : p,
      ),
      teams: [
        { id: 'core', name: 'Core', managerId: 'em', type: 'platform' },
        { id: 'edge', name: 'Edge', managerId: 'c' },
      ],
    });
    const text = formatDiffTable(diffOrgs(before, after));
    expect(text).toContain('Teams split (1)\n  Core → Edge split off');
    expect(text).toContain('Edge (edge), stream-aligned, 2 members, split from Core');
    expect(text).toContain('Core (core): type stream-aligned → platform');
    expect(text).toContain('C (c): gains D; new team Edge: +C +D');
    expect(text).toMatch(/D \(d\)\s+Emil → C/);
  });

  it('cuts long sections at the limit and says how many more', () => {
    const after = createOrg({
      ...before,
      people: people.map((p) => (p.managerId === 'em' ? { ...p, managerId: 'vp' } : p)),
    });
    const text = formatDiffTable(diffOrgs(before, after), { limit: 2 });
    expect(text).toContain('Manager changes (4)');
    expect(text).toContain('  … and 2 more (--format json lists all)');
  });
});
