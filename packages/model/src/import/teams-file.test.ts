import { describe, expect, it } from 'vitest';
import type { ImportResult } from './result';
import { addDuration } from './team-api';
import { importTeamsFile, type TeamsFile } from './teams-file';

function ok(result: ImportResult<TeamsFile>): TeamsFile & { warnings: string[] } {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.errors)}`);
  return { ...result.value, warnings: result.warnings.map((w) => w.message) };
}

const TEAM_API_YAML = `
info:
  name: Checkout
  type: Stream aligned
  lead: p-7
domains:
  - Payments
  - name: Fraud
    complexity: complex
interactions:
  - teamName: Payments Platform
    mode: X-as-a-Service
    direction: consumes
  - team: Design Enablement
    mode: Facilitating
    direction: consumes
    since: 2024-01-15
    expectedDuration: 3 months
---
info:
  name: Payments Platform
  type: platform
---
info:
  name: Design Enablement
  type: enabling
interactions:
  - team: checkout
    mode: facilitating
    until: 2024-04-15
  - team: Search
    mode: collaboration
    expectedDuration: 6 weeks
`;

describe('importTeamsFile', () => {
  it('reads Team API YAML documents leniently', () => {
    const file = ok(importTeamsFile(TEAM_API_YAML, 'teams.yaml'));
    expect(file.teams.map((t) => [t.id, t.type, t.managerId])).toEqual([
      ['checkout', 'stream-aligned', 'p-7'],
      ['payments-platform', 'platform', null],
      ['design-enablement', 'enabling', null],
    ]);
    expect(file.teams[0].domains).toEqual([
      { name: 'Payments', complexity: 'simple' },
      { name: 'Fraud', complexity: 'complex' },
    ]);
    expect(file.interactions).toEqual([
      { from: 'payments-platform', to: 'checkout', mode: 'x-as-a-service' },
      {
        from: 'design-enablement',
        to: 'checkout',
        mode: 'facilitating',
        since: '2024-01-15',
        expectedEnd: '2024-04-15',
      },
      { from: 'design-enablement', to: 'Search', mode: 'collaboration' },
    ]);
    expect(file.warnings).toEqual([
      'document 3, interactions[1]: expectedDuration "6 weeks" ignored: no since date to count from',
    ]);
  });

  it('reads JSON { teams, interactions } and a JSON array of teams', () => {
    const json = JSON.stringify({
      teams: [
        { id: 'core', name: 'Core', type: 'complicated subsystem' },
        { id: 'infra', name: 'Infra', type: 'Platform' },
      ],
      interactions: [{ from: 'Infra', to: 'core', mode: 'X-as-a-Service', expectedEnd: '2025-01-01' }],
    });
    const file = ok(importTeamsFile(json));
    expect(file.teams.map((t) => t.type)).toEqual(['complicated-subsystem', 'platform']);
    expect(file.interactions).toEqual([
      { from: 'infra', to: 'core', mode: 'x-as-a-service', expectedEnd: '2025-01-01' },
    ]);
    const array = ok(importTeamsFile('[{"name":"A Team"}]'));
    expect(array.teams).toEqual([expect.objectContaining({ id: 'a-team', type: 'stream-aligned' })]);
  });

  it('lists every error with where it is, and imports nothing', () => {
    const yaml =
      'info:\n  type: squad\n---\ninfo:\n  name: X\n  type: wizard\ninteractions:\n  - team: Y\n    mode: chat\n';
    const result = importTeamsFile(yaml, 't.yaml');
    expect(result.ok ? [] : result.errors).toEqual([
      { file: 't.yaml', message: 'document 1: a team needs a name' },
      {
        file: 't.yaml',
        message:
          'document 2: unknown team type "wizard": expected stream-aligned, platform, enabling or complicated-subsystem',
      },
      {
        file: 't.yaml',
        message:
          'document 2, interactions[0]: unknown mode "chat": expected collaboration, x-as-a-service or facilitating',
      },
    ]);
    const bad = importTeamsFile('{"teams": [');
    expect(bad.ok ? '' : bad.errors[0].message).toMatch(/^not valid JSON/);
    expect(importTeamsFile('').ok).toBe(false);
  });

  it('counts a collaboration listed by both teams once', () => {
    const yaml =
      'name: A\ninteractions:\n  - {team: B, mode: collaboration}\n---\nname: B\ninteractions:\n  - {team: A, mode: collaboration}\n';
    expect(ok(importTeamsFile(yaml)).interactions).toEqual([{ from: 'a', to: 'b', mode: 'collaboration' }]);
  });
});

describe('addDuration', () => {
  it('adds days, weeks, months, quarters and years, clamping to the end of a month', () => {
    expect(addDuration('2024-01-15', '3 months')).toBe('2024-04-15');
    expect(addDuration('2024-01-31', '1 month')).toBe('2024-02-29');
    expect(addDuration('2024-01-01', 'P6W')).toBe('2024-02-12');
    expect(addDuration('2024-01-01', '2 quarters')).toBe('2024-07-01');
    expect(addDuration('2024-02-29', '1 year')).toBe('2025-02-28');
    expect(addDuration('2024-12-25', '10 days')).toBe('2025-01-04');
    expect(addDuration('2024-01-01', 'a while')).toBeUndefined();
  });
});
