import { describe, expect, it } from 'vitest';
import { createOrg } from '../schema/org';
import { applyTeamsFile } from './apply-teams-file';
import type { ImportResult } from './result';
import { importTeamsFile, type TeamsFile } from './teams-file';

function ok(result: ImportResult<TeamsFile>): TeamsFile {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return result.value;
}

const TEAM_API_YAML = `
info:
  name: Checkout
  type: Stream aligned
  lead: p-7
domains: [Payments, Fraud]
interactions:
  - teamName: Payments Platform
    mode: X-as-a-Service
    direction: consumes
  - team: Design Enablement
    mode: Facilitating
    direction: consumes
---
info:
  name: Payments Platform
  type: platform
---
info:
  name: Design Enablement
  type: enabling
interactions:
  - team: Search
    mode: collaboration
`;

describe('applyTeamsFile', () => {
  const org = createOrg({
    id: 'o',
    name: 'O',
    asOf: '2024-01-01',
    teams: [
      { id: 'checkout', name: 'Checkout', managerId: 'm1', parentId: 'commerce' },
      { id: 'commerce', name: 'Commerce', kind: 'group' },
    ],
    interactions: [
      { from: 'payments-platform', to: 'checkout', mode: 'collaboration' },
      { from: 'checkout', to: 'commerce', mode: 'facilitating' },
    ],
  });

  it('replaces teams and interactions by id, keeps what the file leaves empty, adds the rest', () => {
    const file = ok(importTeamsFile(TEAM_API_YAML));
    const next = applyTeamsFile(org, file);
    expect(next.teams.map((t) => [t.id, t.type, t.managerId, t.parentId])).toEqual([
      ['checkout', 'stream-aligned', 'p-7', 'commerce'],
      ['commerce', 'stream-aligned', null, null],
      ['payments-platform', 'platform', null, null],
      ['design-enablement', 'enabling', null, null],
    ]);
    expect(next.teams[0].domains).toHaveLength(2);
    expect(next.interactions.map((i) => `${i.from}->${i.to}:${i.mode}`)).toEqual([
      'checkout->commerce:facilitating',
      'payments-platform->checkout:x-as-a-service',
      'design-enablement->checkout:facilitating',
      'design-enablement->Search:collaboration',
    ]);
    expect(org.teams).toHaveLength(2); // the input is untouched
  });

  it('matches interaction ends named by team name to the org teams', () => {
    const next = applyTeamsFile(org, {
      teams: [],
      interactions: [{ from: 'Commerce', to: 'CHECKOUT', mode: 'x-as-a-service' }],
    });
    expect(next.interactions.at(-1)).toEqual({ from: 'commerce', to: 'checkout', mode: 'x-as-a-service' });
  });
});
