import { createOrg } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { namerOf } from '../../lib/live/describe-change';
import { describeOp } from './history-view';

describe('describeOp', () => {
  const now = createOrg({
    id: 'o',
    name: 'O',
    asOf: '2026-01-01',
    people: [
      { id: 'm1', name: 'Lee Chan', managerId: null },
      { id: 'p1', name: 'Dana Reyes', managerId: 'm1' },
    ],
    teams: [{ id: 't1', name: 'Checkout', managerId: 'p1' }],
  });
  // The baseline still has Ana Ruiz, whom the scenario removed.
  const baseline = createOrg({
    ...now,
    people: [...now.people, { id: 'E1016', name: 'Ana Ruiz', managerId: 'm1' }],
  });
  const n = namerOf(now, baseline);

  it('names people and teams, never ids, removed people from the baseline', () => {
    expect(
      describeOp({ type: 'changeManager', personId: 'p1', managerId: 'm1', withReports: false }, n),
    ).toBe('Moved Dana Reyes under Lee Chan');
    expect(describeOp({ type: 'moveTeam', teamId: 't1', managerId: 'm1' }, n)).toBe(
      'Moved Checkout under Lee Chan',
    );
    expect(describeOp({ type: 'removePerson', personId: 'E1016' }, n)).toBe('Removed Ana Ruiz');
    expect(describeOp({ type: 'updatePerson', personId: 'p1', changes: { level: 'L5' } }, n)).toBe(
      'Changed level of Dana Reyes',
    );
  });
});
