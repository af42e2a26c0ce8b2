import type { Me, Role } from '../api/identity';

/**
 * Who the app runs for: `loading` until `GET /api/me` answers; `open` on a server without sign-in
 * (404: everything allowed, as before sign-in existed); `signed-in` with the answer.
 * The server refuses what these say no to anyway; the UI only hides and disables.
 */
export type Identity = { status: 'loading' } | { status: 'open' } | { status: 'signed-in'; me: Me };

/** The scenario access fields the selectors read (absent on a server without sign-in). */
interface AccessLike {
  access?: { edit: boolean; share: boolean } | undefined;
}

const meOf = (id: Identity): Me | null => (id.status === 'signed-in' ? id.me : null);

/** The caller's role on an org (`admin` everywhere for an admin), or null when they have none. */
export function getRoleOn(id: Identity, orgId: string | null): Role | null {
  const me = meOf(id);
  if (!me) return null;
  if (me.isAdmin) return 'admin';
  return orgId ? (me.orgs[orgId]?.role ?? null) : null;
}

/** Whether the caller may change scenarios and plans of an org (open mode: yes; loading: no). */
export function canEditOrg(id: Identity, orgId: string | null): boolean {
  if (id.status === 'open') return true;
  const me = meOf(id);
  if (me?.isAdmin && !me.viewAs) return true; // every org, including one imported since /api/me
  return !!me && !!orgId && (me.orgs[orgId]?.canEdit ?? false);
}

/**
 * Whether the caller may change this scenario: its `access.edit` when the server says, else
 * their role on the org.
 */
export function canEditScenario(id: Identity, orgId: string | null, scenario?: AccessLike | null): boolean {
  if (id.status === 'open') return true;
  if (scenario?.access) return id.status === 'signed-in' && scenario.access.edit;
  return canEditOrg(id, orgId);
}

/** Whether the caller may share this scenario (never in open mode: there is nobody to share with). */
export function canShareScenario(id: Identity, scenario?: AccessLike | null): boolean {
  return id.status === 'signed-in' && (scenario?.access?.share ?? false);
}

/** Whether the caller sees every cost of an org (open mode: yes), so a missing cost is just missing. */
export function seesAllCompensation(id: Identity, orgId: string | null): boolean {
  if (id.status === 'open') return true;
  const me = meOf(id);
  if (me?.isAdmin && !me.viewAs) return true;
  return !!me && !!orgId && (me.orgs[orgId]?.canSeeAllCompensation ?? false);
}

/** Whether the caller may import orgs (open mode: yes). */
export function canImportOrgs(id: Identity): boolean {
  return id.status === 'open' || (meOf(id)?.can.importOrgs ?? false);
}

/** Whether the settings page (users, roles, tokens) is for the caller: admins, not while viewing as someone. */
export function canManageUsers(id: Identity): boolean {
  const me = meOf(id);
  return !!me && !me.viewAs && (me.can.manageUsers || me.isAdmin);
}

/** Whether the audit page is for the caller: admins, not while viewing as someone. */
export function canViewAudit(id: Identity): boolean {
  const me = meOf(id);
  return !!me && !me.viewAs && (me.can.viewAudit || me.isAdmin);
}

/** Whether the caller may "view as" another user: an admin, or an admin already viewing as someone. */
export function canViewAs(id: Identity): boolean {
  const me = meOf(id);
  return !!me && (me.isAdmin || !!me.viewAs);
}

/** Up to two letters for an avatar: the initials of the name, else of the e-mail's local part. */
export function getInitials(user: { name?: string | null; email: string }): string {
  const source = user.name?.trim() || user.email.split('@')[0] || '?';
  const words = source.split(/[\s._-]+/).filter(Boolean);
  const letters = words.length > 1 ? `${words[0]![0]}${words.at(-1)![0]}` : source.slice(0, 2);
  return letters.toUpperCase();
}

/** Why an edit control is disabled, for its tooltip (null when editing is allowed). */
export function getReadOnlyReason(
  id: Identity,
  orgId: string | null,
  scenario?: AccessLike | null,
): string | null {
  if (canEditScenario(id, orgId, scenario)) return null;
  if (id.status === 'loading') return 'Checking what you may do…';
  const role = getRoleOn(id, orgId);
  if (scenario?.access && role && role !== 'viewer') return 'This scenario is shared with you to view only.';
  return `Read-only: you are a ${role ?? 'viewer'} on this org. Ask an admin for the editor role.`;
}
