import { createOrg } from '@reorg/model';
import { describe, expect, it } from 'vitest';
import { describeRevision } from './describe-change';

const org = createOrg({
  id: 'o',
  name: 'O',
  asOf: '2025-01-01',
  people: [
    { id: 'kofi', name: 'Kofi', managerId: null },
    { id: 'ana', name: 'Ana', managerId: 'kofi' },
  ],
  teams: [{ id: 'checkout', name: 'Checkout', managerId: 'ana' }],
});

describe('describeRevision', () => {
  it('says who did what with names, not ids', () => {
    expect(describeRevision('Ana', [{ type: 'moveTeam', teamId: 'checkout', managerId: 'kofi' }], org)).toBe(
      'Ana moved Checkout under Kofi',
    );
    expect(
      describeRevision(
        'Ana',
        [
          { type: 'changeManager', personId: 'ana', managerId: null, withReports: true },
          { type: 'removeTeam', teamId: 'checkout' },
          { type: 'removePerson', personId: 'x9' },
        ],
        org,
      ),
    ).toBe('Ana made Ana report to nobody and 2 more changes');
    expect(describeRevision('Kofi', [], org, 3)).toBe('Kofi restored revision 3');
  });
});
