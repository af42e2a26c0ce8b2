import { describe, expect, it } from 'vitest';
import type { Me } from '../api/identity';
import { canAdoptOn } from './review-permissions';

const me = (isAdmin: boolean, orgs: Me['orgs']): Me => ({
  user: { id: 'u', email: 'u@x.com', name: 'U' },
  isAdmin,
  orgs,
  can: { importOrgs: false, manageUsers: false, viewAudit: false },
  viewAs: null,
});
const access = (role: 'admin' | 'hr' | 'editor' | 'viewer') => ({
  role,
  canEdit: role !== 'viewer',
  canSeeAllCompensation: role === 'admin' || role === 'hr',
  personId: null,
});

describe('canAdoptOn', () => {
  it('shows "Adopt" to admins and HR on the org only', () => {
    expect(canAdoptOn({ status: 'signed-in', me: me(true, {}) }, 'acme')).toBe(true);
    expect(canAdoptOn({ status: 'signed-in', me: me(false, { acme: access('hr') }) }, 'acme')).toBe(true);
    expect(canAdoptOn({ status: 'signed-in', me: me(false, { acme: access('hr') }) }, 'other')).toBe(false);
    for (const role of ['editor', 'viewer'] as const) {
      expect(canAdoptOn({ status: 'signed-in', me: me(false, { acme: access(role) }) }, 'acme'), role).toBe(
        false,
      );
    }
    expect(canAdoptOn({ status: 'loading' }, 'acme')).toBe(false);
    expect(canAdoptOn({ status: 'open' }, 'acme')).toBe(true);
  });
});
