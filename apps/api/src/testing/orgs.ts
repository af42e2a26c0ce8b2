import type { OrgInput } from '@reorg/model';

/**
 * A small org for tests: Ada (CEO) ← Grace and Linus (managers) ← four engineers, two teams.
 * Costs are set so tests can check they never reach the logs.
 */
export function smallOrg(id = 'acme'): OrgInput & { schemaVersion: 1 } {
  return {
    schemaVersion: 1,
    id,
    name: 'Acme',
    asOf: '2025-01-01',
    currency: 'GBP',
    people: [
      { id: 'ada', name: 'Ada', level: 'M7', managerId: null, cost: 314159 },
      { id: 'grace', name: 'Grace', level: 'M5', managerId: 'ada', teamId: 'core', cost: 271828 },
      { id: 'linus', name: 'Linus', level: 'M5', managerId: 'ada', teamId: 'web', cost: 161803 },
      { id: 'e1', name: 'Edsger', level: 'L4', managerId: 'grace', teamId: 'core', cost: 141421 },
      { id: 'e2', name: 'Barbara', level: 'L3', managerId: 'grace', teamId: 'core', cost: 173205 },
      { id: 'e3', name: 'Ken', level: 'L4', managerId: 'linus', teamId: 'web', cost: 223606 },
      { id: 'e4', name: 'Margaret', level: 'L5', managerId: 'linus', teamId: 'web', cost: 244948 },
    ],
    teams: [
      { id: 'core', name: 'Core', type: 'platform', managerId: 'grace' },
      { id: 'web', name: 'Web', type: 'stream-aligned', managerId: 'linus' },
    ],
  };
}
