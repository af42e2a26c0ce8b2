import { applyOps, diffOrgs, type ManagerChange } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { createTestOrg } from '../../test/orgs';
import { managerChangesToCsv } from './compare-csv';
import { leftOutText, listManagerChanges, moreText, NO_MANAGER, peopleCount } from './manager-changes';

/** The test org, then a1, a2 → em2 and c1 → em1: the diff's manager changes, with names. */
function testOrgChanges(): ManagerChange[] {
  const base = createTestOrg();
  const applied = applyOps(base, [
    { type: 'changeManager', personId: 'a2', managerId: 'em2' },
    { type: 'changeManager', personId: 'c1', managerId: 'em1' },
    { type: 'changeManager', personId: 'a1', managerId: 'em2' },
  ]);
  if (!applied.ok) throw new Error(applied.error.message);
  return diffOrgs(base, applied.org).people.managerChanged;
}

const change = (id: string, to: string | null, extra: Partial<ManagerChange> = {}): ManagerChange => ({
  id,
  name: `P ${id}`,
  from: 'old',
  fromName: 'Old Boss',
  to,
  ...(to === null ? {} : { toName: `M ${to}` }),
  ...extra,
});

describe('listManagerChanges', () => {
  it('groups the test org’s moves by new manager, the biggest group first, people by name', () => {
    expect(listManagerChanges(testOrgChanges())).toEqual({
      total: 3,
      groups: [
        {
          managerId: 'em2',
          manager: 'Name em2',
          total: 2,
          people: [
            { id: 'a1', name: 'Name a1', from: 'Name em1' },
            { id: 'a2', name: 'Name a2', from: 'Name em1' },
          ],
          more: 0,
        },
        {
          managerId: 'em1',
          manager: 'Name em1',
          total: 1,
          people: [{ id: 'c1', name: 'Name c1', from: 'Name em3' }],
          more: 0,
        },
      ],
      moreGroups: 0,
      morePeople: 0,
    });
  });

  it('breaks ties by manager name, numbers in names in numeric order', () => {
    const list = listManagerChanges([change('x', 'm10'), change('y', 'm9'), change('z', 'm2')]);
    expect(list.groups.map((g) => g.manager)).toEqual(['M m2', 'M m9', 'M m10']);
  });

  it('names people moved to the top, and falls back to ids where names are missing', () => {
    const list = listManagerChanges([
      change('b', null, { name: undefined, from: 'em9', fromName: undefined }),
      change('a', null, { from: null, fromName: undefined }),
    ]);
    expect(list.groups).toEqual([
      {
        managerId: null,
        manager: NO_MANAGER,
        total: 2,
        people: [
          { id: 'b', name: 'b', from: 'em9' },
          { id: 'a', name: 'P a', from: NO_MANAGER },
        ],
        more: 0,
      },
    ]);
  });

  it('cuts each group and the whole list, counting what it leaves out', () => {
    // m1: 5 people (p1..p5), m2: 3, m3: 2, m4: 1; at most 2 per group and 5 in all.
    const changes = [
      ...['p5', 'p3', 'p1', 'p4', 'p2'].map((id) => change(id, 'm1')),
      ...['q1', 'q2', 'q3'].map((id) => change(id, 'm2')),
      ...['r1', 'r2'].map((id) => change(id, 'm3')),
      change('s1', 'm4'),
    ];
    const list = listManagerChanges(changes, { people: 5, perGroup: 2 });
    expect(list.total).toBe(11);
    expect(
      list.groups.map((g) => ({
        m: g.managerId,
        ids: g.people.map((p) => p.id),
        total: g.total,
        more: g.more,
      })),
    ).toEqual([
      { m: 'm1', ids: ['p1', 'p2'], total: 5, more: 3 },
      { m: 'm2', ids: ['q1', 'q2'], total: 3, more: 1 },
      { m: 'm3', ids: ['r1'], total: 2, more: 1 },
    ]);
    expect(list).toMatchObject({ moreGroups: 1, morePeople: 1 });
    expect(leftOutText(list)).toBe('and 1 more person under 1 other manager');
  });

  it('shows a bounded list of a very long diff', () => {
    const changes = Array.from({ length: 100_000 }, (_, k) => change(`p${k}`, `m${k % 500}`));
    const list = listManagerChanges(changes);
    expect(list.groups.flatMap((g) => g.people)).toHaveLength(60);
    expect(list.groups).toHaveLength(8); // 7 groups of 8, then 4 of the 8th
    expect(list.morePeople).toBe(492 * 200);
    expect(leftOutText(list)).toBe('and 98,400 more people under 492 other managers');
  });

  it('is empty for no changes', () => {
    expect(listManagerChanges([])).toEqual({ total: 0, groups: [], moreGroups: 0, morePeople: 0 });
  });
});

describe('counts as text', () => {
  it('words people and what is left out', () => {
    expect(peopleCount(1)).toBe('1 person');
    expect(peopleCount(1234)).toBe('1,234 people');
    expect(moreText(4990)).toBe('and 4,990 more');
    expect(leftOutText({ total: 3, groups: [], moreGroups: 0, morePeople: 0 })).toBe('');
  });
});

describe('managerChangesToCsv', () => {
  it('writes one row per person, ids and names, no manager as an empty cell, formulas defused', () => {
    expect(
      managerChangesToCsv([
        { id: 'a1', name: 'Ann, Jr.', from: 'em1', fromName: 'Eve', to: 'em2', toName: '=cmd()' },
        { id: 'b1', from: null, to: 'em1', fromName: undefined, toName: 'Eve' },
      ]).split('\r\n'),
    ).toEqual([
      'Person id,Person,From manager id,From manager,To manager id,To manager',
      `a1,"Ann, Jr.",em1,Eve,em2,'=cmd()`,
      'b1,,,,em1,Eve',
      '',
    ]);
  });
});
