import type { Identity } from './permissions';

/**
 * Whether the user may adopt an approved scenario of `orgId` as its new baseline: admins and HR
 * on the org (the server's `canAdopt` decides; this only shows or hides the button). A server
 * without sign-in lets everyone.
 */
export function canAdoptOn(identity: Identity, orgId: string | null): boolean {
  if (identity.status === 'open') return true;
  if (identity.status !== 'signed-in' || !orgId) return false;
  const me = identity.me;
  if (me.isAdmin) return true;
  const role = me.orgs[orgId]?.role;
  return role === 'admin' || role === 'hr';
}
