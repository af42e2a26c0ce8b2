import { describe, expect, it } from 'vitest';
import type { Me } from '../api/identity';
import {
  canEditOrg,
  canEditScenario,
  canImportOrgs,
  canManageUsers,
  canShareScenario,
  canViewAs,
  canViewAudit,
  getInitials,
  getReadOnlyReason,
  getRoleOn,
  type Identity,
  seesAllCompensation,
} from './permissions';

const me = (over: Partial<Me> = {}): Identity => ({
  status: 'signed-in',
  me: {
    user: { id: 'u1', email: 'ana@x', name: 'Ana Lima' },
    isAdmin: false,
    orgs: {
      scaleup: { role: 'viewer', canEdit: false, canSeeAllCompensation: false, personId: 'p-17' },
      gov: { role: 'hr', canEdit: true, canSeeAllCompensation: true, personId: null },
    },
    can: { importOrgs: false, manageUsers: false, viewAudit: false },
    viewAs: null,
    ...over,
  },
});
const admin = me({
  isAdmin: true,
  can: { importOrgs: true, manageUsers: true, viewAudit: true },
});
const open: Identity = { status: 'open' };
const loading: Identity = { status: 'loading' };

describe('permission selectors', () => {
  it('allow everything in open mode (a server without sign-in), except sharing', () => {
    expect(canEditOrg(open, 'scaleup')).toBe(true);
    expect(canEditScenario(open, 'scaleup', { access: { edit: false, share: false } })).toBe(true);
    expect(seesAllCompensation(open, 'scaleup')).toBe(true);
    expect(canImportOrgs(open)).toBe(true);
    expect(canShareScenario(open, { access: { edit: true, share: true } })).toBe(false);
    expect(canManageUsers(open)).toBe(false);
    expect(getReadOnlyReason(open, 'scaleup')).toBeNull();
  });
  it('allow nothing while loading', () => {
    expect(canEditOrg(loading, 'scaleup')).toBe(false);
    expect(seesAllCompensation(loading, 'scaleup')).toBe(false);
    expect(canImportOrgs(loading)).toBe(false);
  });
  it('read roles per org', () => {
    const ana = me();
    expect(getRoleOn(ana, 'scaleup')).toBe('viewer');
    expect(canEditOrg(ana, 'scaleup')).toBe(false);
    expect(canEditOrg(ana, 'gov')).toBe(true);
    expect(canEditOrg(ana, 'unknown')).toBe(false);
    expect(seesAllCompensation(ana, 'scaleup')).toBe(false);
    expect(seesAllCompensation(ana, 'gov')).toBe(true);
    expect(getRoleOn(admin, 'anything')).toBe('admin');
  });
  it("prefer a scenario's own access to the org role", () => {
    const ana = me();
    expect(canEditScenario(ana, 'gov', { access: { edit: false, share: false } })).toBe(false);
    expect(canEditScenario(ana, 'scaleup', { access: { edit: true, share: false } })).toBe(true);
    expect(canEditScenario(ana, 'gov', {})).toBe(true);
    expect(canShareScenario(ana, { access: { edit: true, share: true } })).toBe(true);
    expect(canShareScenario(ana, {})).toBe(false);
  });
  it('say why editing is off', () => {
    expect(getReadOnlyReason(me(), 'scaleup')).toMatch(/viewer/);
    expect(getReadOnlyReason(me(), 'gov', { access: { edit: false, share: false } })).toMatch(/view only/);
  });
  it('keep admin pages for admins, not while viewing as someone', () => {
    expect(canManageUsers(admin)).toBe(true);
    expect(canViewAudit(admin)).toBe(true);
    expect(canManageUsers(me())).toBe(false);
    expect(canViewAudit(me())).toBe(false);
    const viewing = me({ viewAs: 'ana@x', realUser: { id: 'a', email: 'admin@x' } });
    expect(canManageUsers(viewing)).toBe(false);
    expect(canViewAs(viewing)).toBe(true);
    expect(canViewAs(me())).toBe(false);
    expect(canImportOrgs(admin)).toBe(true);
  });
});

describe('getInitials', () => {
  it('takes the first and last initials of the name, else the e-mail', () => {
    expect(getInitials({ name: 'Ana Lima Souza', email: 'a@x' })).toBe('AS');
    expect(getInitials({ name: '', email: 'tariq.farouk@x' })).toBe('TF');
    expect(getInitials({ email: 'bo@x' })).toBe('BO');
  });
});
