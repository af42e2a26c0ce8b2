import { describe, expect, it } from 'vitest';
import { describeOp } from './history-view';

describe('describeOp', () => {
  const n = {
    person: (id: string) => ({ p1: 'Dana Reyes', m1: 'Lee Chan' })[id] ?? id,
    team: (id: string) => (id === 't1' ? 'Checkout' : id),
  };
  it('names people and teams', () => {
    expect(
      describeOp({ type: 'changeManager', personId: 'p1', managerId: 'm1', withReports: false }, n),
    ).toBe('Dana Reyes now reports to Lee Chan (alone)');
    expect(describeOp({ type: 'moveTeam', teamId: 't1', managerId: 'm1' }, n)).toBe(
      'team Checkout moves under Lee Chan',
    );
    expect(describeOp({ type: 'removePerson', personId: 'gone' }, n)).toBe('removes gone');
    expect(describeOp({ type: 'updatePerson', personId: 'p1', changes: { level: 'L5' } }, n)).toBe(
      'updates Dana Reyes: level',
    );
  });
});
