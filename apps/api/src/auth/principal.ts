/** The four roles (DESIGN.md "Identity, roles and confidentiality"). */
export const ROLES = ['admin', 'hr', 'editor', 'viewer'] as const;

/**
 * A role: `admin` (users, roles, everything, on every org), `hr` (sees all compensation, edits),
 * `editor` (edits scenarios and plans), `viewer` (reads).
 */
export type Role = (typeof ROLES)[number];

/** The org key of a role that holds on every org. */
export const ALL_ORGS = '*';

/** One role grant: on one org, or on every org when `orgId` is null. */
export interface RoleGrant {
  role: Role;
  orgId: string | null;
}

/**
 * Who is calling: resolved once per request from the session cookie or the Bearer token by the
 * auth middleware, then only read. `roles` maps an org id (or {@link ALL_ORGS}) to the role there.
 */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  roles: ReadonlyMap<string, Role>;
  /** How the caller proved who they are. */
  via: 'session' | 'token';
  /** The admin who is viewing as this user (`X-Reorg-View-As`), when so. */
  viewedBy?: { userId: string; email: string };
}

/** Builds the role map of a principal from its grants (an org-specific grant wins over `*`). */
export function rolesOf(grants: readonly RoleGrant[]): Map<string, Role> {
  const roles = new Map<string, Role>();
  for (const g of grants) roles.set(g.orgId ?? ALL_ORGS, g.role);
  return roles;
}

/** The grants of a role map, for responses (`*` as null). */
export function grantsOf(roles: ReadonlyMap<string, Role>): RoleGrant[] {
  return [...roles].map(([orgId, role]) => ({ role, orgId: orgId === ALL_ORGS ? null : orgId }));
}
