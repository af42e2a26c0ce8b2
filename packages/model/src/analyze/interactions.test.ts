import { describe, expect, it } from 'vitest';
import { createOrg } from '../schema/org';
import { createPolicy, type Policy } from '../schema/policy';
import type { Finding } from '../schema/report';
import type { InteractionInput, TeamInput } from '../schema/team';
import { createAnalysisContext } from './context';
import { checkInteractions } from './interactions';

const TEAMS: TeamInput[] = [
  { id: 'A', name: 'Checkout' },
  { id: 'B', name: 'Billing' },
  { id: 'C', name: 'Search' },
  { id: 'D', name: 'Mobile' },
  { id: 'E', name: 'Enable', type: 'enabling' },
  { id: 'P', name: 'Platform', type: 'platform' },
  { id: 'G', name: 'Product', kind: 'group' },
];

function run(interactions: InteractionInput[], policy?: Policy): Finding[] {
  const org = createOrg({ id: 'o', name: 'O', asOf: '2025-06-30', teams: TEAMS, interactions });
  const ctx = createAnalysisContext(org, policy ? { policy } : {});
  checkInteractions(ctx);
  return ctx.findings;
}
const codes = (fs: Finding[]) => fs.map((f) => `${f.code}:${f.subject.kind}:${f.subject.id}`);

describe('interaction.stale', () => {
  it('flags collaboration and facilitating past their expected end, not x-as-a-service', () => {
    const fs = run([
      { from: 'A', to: 'B', mode: 'collaboration', expectedEnd: '2025-03-31' },
      { from: 'E', to: 'A', mode: 'facilitating', expectedEnd: '2025-06-29' },
      { from: 'A', to: 'C', mode: 'collaboration', expectedEnd: '2025-06-30' }, // ends today: not yet past
      { from: 'P', to: 'A', mode: 'x-as-a-service', expectedEnd: '2025-01-01' },
      { from: 'A', to: 'D', mode: 'collaboration' }, // open-ended
    ]);
    expect(codes(fs)).toEqual(['interaction.stale:interaction:A->B', 'interaction.stale:interaction:E->A']);
    expect(fs[0].severity).toBe('warning');
    expect(fs[0].data).toEqual({
      from: 'A',
      to: 'B',
      mode: 'collaboration',
      expectedEnd: '2025-03-31',
      asOf: '2025-06-30',
      daysOverdue: 91,
    });
    expect(fs[0].message).toBe(
      'The collaboration between Checkout (A) and Billing (B) was expected to end on 2025-03-31, 91 days before 2025-06-30.',
    );
    expect(fs[1].message).toContain('The facilitating of Checkout (A) by Enable (E)');
    expect(fs[1].message).toContain('1 day before');
  });

  it('skips interactions naming a team the org does not have, with one interaction.unknown_team finding', () => {
    const fs = run([
      { from: 'A', to: 'Z', mode: 'collaboration', expectedEnd: '2024-01-01' },
      { from: 'Y', to: 'B', mode: 'x-as-a-service' },
    ]);
    expect(fs.map((f) => [f.code, f.severity, f.data])).toEqual([
      [
        'interaction.unknown_team',
        'warning',
        { count: 2, teams: ['Z', 'Y'], interactions: ['A->Z', 'Y->B'] },
      ],
    ]);
    expect(fs[0].message).toBe(
      "2 interactions name a team that is not in the org ('Z', 'Y'): A → Z (collaboration), Y → B (x-as-a-service). They are not analysed.",
    );
  });
});

describe('interaction.stream_aligned_provider', () => {
  it('informs when a stream-aligned team provides x-as-a-service', () => {
    const fs = run([
      { from: 'B', to: 'C', mode: 'x-as-a-service' },
      { from: 'P', to: 'C', mode: 'x-as-a-service' },
      { from: 'G', to: 'C', mode: 'x-as-a-service' }, // a group, not a team
      { from: 'C', to: 'B', mode: 'collaboration' },
      { from: 'Z', to: 'C', mode: 'x-as-a-service' }, // unknown provider
    ]);
    expect(fs.map((f) => [f.code, f.severity, f.subject.id, f.data])).toEqual([
      [
        'interaction.stream_aligned_provider',
        'info',
        'B->C',
        { from: 'B', to: 'C', fromType: 'stream-aligned' },
      ],
      ['interaction.unknown_team', 'warning', 'o', { count: 1, teams: ['Z'], interactions: ['Z->C'] }],
    ]);
    expect(fs[0].message).toBe(
      'Billing (B), a stream-aligned team, provides Search (C) with x-as-a-service.',
    );
  });
});

describe('interaction.too_many_collaborations', () => {
  const busy: InteractionInput[] = [
    { from: 'A', to: 'B', mode: 'collaboration' },
    { from: 'B', to: 'A', mode: 'collaboration' }, // the same pair again
    { from: 'C', to: 'A', mode: 'collaboration', since: '2025-01-01' }, // either direction counts
    { from: 'A', to: 'D', mode: 'collaboration', since: '2025-09-01' }, // not started yet
    { from: 'A', to: 'P', mode: 'collaboration', expectedEnd: '2025-05-01' }, // ended (and stale)
    { from: 'A', to: 'A', mode: 'collaboration' }, // with itself
    { from: 'A', to: 'Z', mode: 'collaboration' }, // unknown team
    { from: 'E', to: 'A', mode: 'facilitating' }, // not a collaboration
  ];

  it('counts distinct ongoing partners: 2 is fine', () => {
    expect(run(busy).filter((f) => f.code === 'interaction.too_many_collaborations')).toEqual([]);
  });

  it('warns on a team with more than 2 at once', () => {
    const more = [...busy, { from: 'E', to: 'A', mode: 'collaboration' as const, expectedEnd: '2025-12-31' }];
    const fs = run(more).filter((f) => f.code === 'interaction.too_many_collaborations');
    expect(fs.map((f) => [f.subject, f.severity, f.data])).toEqual([
      [{ kind: 'team', id: 'A' }, 'warning', { collaborations: 3, max: 2, teamIds: ['B', 'C', 'E'] }],
    ]);
    expect(fs[0].message).toBe(
      'Checkout (A) collaborates with 3 teams at once (more than 2): Billing (B), Search (C), Enable (E).',
    );
    expect(run(more, createPolicy({ teams: { maxCollaborations: 3 } })).map((f) => f.code)).not.toContain(
      'interaction.too_many_collaborations',
    );
  });
});
