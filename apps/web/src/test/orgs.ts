import { createOrg, type Org, type PersonInput, type TeamInput } from '@reorg/model';

/**
 * A small org for tests, drawn as a tree:
 *
 *   ceo ─┬─ vp1 ─┬─ em1 ── a1 a2 a3   (team t1: em1, a1–a3)
 *        │       └─ em2 ── b1 b2      (team t2: em2, b1–b2, platform)
 *        └─ vp2 ─── em3 ── c1         (team t3)
 */
export function createTestOrg(extra: { people?: PersonInput[]; teams?: TeamInput[] } = {}): Org {
  const p = (
    id: string,
    managerId: string | null,
    level: string,
    teamId: string | null = null,
  ): PersonInput => ({
    id,
    name: `Name ${id}`,
    title: `Title ${id}`,
    email: `${id}@example.com`,
    level,
    managerId,
    teamId,
  });
  return createOrg({
    id: 'test',
    name: 'Test org',
    asOf: '2026-01-01',
    people: [
      p('ceo', null, 'M7'),
      p('vp1', 'ceo', 'M7'),
      p('vp2', 'ceo', 'M7'),
      p('em1', 'vp1', 'M5', 't1'),
      p('em2', 'vp1', 'M5', 't2'),
      p('em3', 'vp2', 'M5', 't3'),
      p('a1', 'em1', 'L3', 't1'),
      p('a2', 'em1', 'L4', 't1'),
      p('a3', 'em1', 'L5', 't1'),
      p('b1', 'em2', 'L4', 't2'),
      p('b2', 'em2', 'L3', 't2'),
      p('c1', 'em3', 'L3', 't3'),
      ...(extra.people ?? []),
    ],
    teams: [
      { id: 't1', name: 'Checkout', managerId: 'em1' },
      { id: 't2', name: 'Infra', managerId: 'em2', type: 'platform' },
      { id: 't3', name: 'Search', managerId: 'em3' },
      ...(extra.teams ?? []),
    ],
  });
}
