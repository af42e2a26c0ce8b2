import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createOrg, type Org } from '../schema/org';
import { PeopleMatch } from './diff-side';

function org(ids: string[]): Org {
  return createOrg({ id: 'o', name: 'O', asOf: '2026-01-01', people: ids.map((id) => ({ id })) });
}

function count(ids: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const id of ids) m.set(id, (m.get(id) ?? 0) + 1);
  return m;
}

/** Every pair shares its id, no record pairs twice, and each id pairs min(count before, count after) times. */
function expectValidMatch(before: string[], after: string[]): PeopleMatch {
  const m = new PeopleMatch(org(before), org(after));
  const used = new Set<number>();
  const pairs = new Map<string, number>();
  m.matchOf.forEach((j, i) => {
    if (j < 0) return;
    expect(after[j]).toBe(before[i]);
    expect(used.has(j)).toBe(false);
    used.add(j);
    pairs.set(before[i], (pairs.get(before[i]) ?? 0) + 1);
  });
  expect(m.matched.reduce((n, x) => n + x, 0)).toBe(used.size);
  const ca = count(after);
  for (const [id, nb] of count(before)) expect(pairs.get(id) ?? 0).toBe(Math.min(nb, ca.get(id) ?? 0));
  return m;
}

/** An edit script applied to a list of ids: removals, insertions of new ids, moves. */
const arbEdits = fc.array(
  fc.record({ kind: fc.constantFrom('remove', 'insert', 'move'), at: fc.nat(), to: fc.nat() }),
  { maxLength: 40 },
);

function applyEdits(ids: string[], edits: Array<{ kind: string; at: number; to: number }>): string[] {
  const out = ids.slice();
  edits.forEach((e, k) => {
    const at = out.length === 0 ? 0 : e.at % out.length;
    if (e.kind === 'remove' && out.length > 0) out.splice(at, 1);
    else if (e.kind === 'insert') out.splice(at, 0, `new${k}`);
    else if (out.length > 0) out.splice(e.to % out.length, 0, ...out.splice(at, 1));
  });
  return out;
}

describe('PeopleMatch', () => {
  it('pairs equal ids after removals, insertions and moves', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 200 }), arbEdits, (n, edits) => {
        const before = Array.from({ length: n }, (_, i) => `p${i}`);
        expectValidMatch(before, applyEdits(before, edits));
      }),
    );
  });

  it('pairs ids that repeat, each at most once', () => {
    const arbIds = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e'), { maxLength: 30 });
    fc.assert(fc.property(arbIds, arbIds, (before, after) => void expectValidMatch(before, after)));
  });

  it('pairs everything when the lists are in unrelated orders (the id-map fallback)', () => {
    const before = Array.from({ length: 3000 }, (_, i) => `p${i}`);
    const after = before.map((_, i) => `p${(i * 7919) % 3000}`).filter((_, i) => i % 10 !== 0);
    const m = expectValidMatch(before, [...after, 'x', 'y']);
    expect(m.matched.reduce((n, x) => n + x, 0)).toBe(2700);
  });

  it('keeps a block removal and a block insertion in step', () => {
    const before = Array.from({ length: 100 }, (_, i) => `p${i}`);
    const after = [...before.slice(0, 20), ...before.slice(50)];
    after.splice(60, 0, ...Array.from({ length: 30 }, (_, i) => `n${i}`));
    const m = expectValidMatch(before, after);
    expect(Array.from(m.matchOf.slice(18, 22))).toEqual([18, 19, -1, -1]);
    expect(m.matchOf[99]).toBe(99);
  });

  it('finds people by id, preferring after', () => {
    const before = createOrg({
      id: 'o',
      name: 'O',
      asOf: '2026-01-01',
      people: [
        { id: 'a', name: 'Old' },
        { id: 'gone', name: 'Gone' },
      ],
    });
    const after = createOrg({ id: 'o', name: 'O', asOf: '2026-01-01', people: [{ id: 'a', name: 'New' }] });
    const found = new PeopleMatch(before, after).findPeople(new Set(['a', 'gone', 'nobody']));
    expect([...found].map(([id, p]) => [id, p.name])).toEqual([
      ['a', 'New'],
      ['gone', 'Gone'],
    ]);
  });
});
