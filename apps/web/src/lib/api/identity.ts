import { ApiError, apiFetch, call } from './client';

/**
 * The sign-in, identity and admin calls (`/api/auth/*`, `/api/me`, `/api/users`, `/api/tokens`,
 * `/api/audit`, scenario sharing). Plain `fetch` with JSON: these routes are newer than the typed
 * client's `AppType` on some servers, and `/api/me` answering 404 means a server without sign-in.
 */

/** A role on one org (or on every org when `orgId` is null). */
export type Role = 'admin' | 'hr' | 'editor' | 'viewer';

/** The roles, most powerful first. */
export const ROLES: readonly Role[] = ['admin', 'hr', 'editor', 'viewer'];

/** What the caller may do on one org. */
export interface OrgAccess {
  role: Role;
  canEdit: boolean;
  canSeeAllCompensation: boolean;
  /** The person of that org whose e-mail is the user's, or null. */
  personId: string | null;
}

/** `GET /api/me`: who you are and what you may do. */
export interface Me {
  user: { id: string; email: string; name: string };
  isAdmin: boolean;
  orgs: Record<string, OrgAccess>;
  can: { importOrgs: boolean; manageUsers: boolean; viewAudit: boolean };
  /** The e-mail an admin is viewing the app as (then `user` is that user), or null. */
  viewAs: string | null;
  /** While viewing as someone: the admin who is. */
  realUser?: { id: string; email: string } | null;
}

/** A role grant of a user. */
export interface RoleGrant {
  role: Role;
  orgId: string | null;
}

/** A user in the admin's list. */
export interface UserItem {
  id: string;
  email: string;
  name: string;
  roles: RoleGrant[];
  createdAt: string;
}

/** An API token (its secret is shown once, when made). */
export interface TokenItem {
  id: string;
  name: string;
  email: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** One audit event. */
export interface AuditEvent {
  id: number;
  at: string;
  actor: string;
  action: string;
  orgId: string | null;
  subject: string | null;
  ip: string | null;
  detail: Record<string, unknown>;
}

/** Who a scenario is shared with, and how. */
export interface ScenarioShare {
  with: 'org' | string;
  access: 'view' | 'comment' | 'edit';
}

const json = (method: string, body?: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', accept: 'application/json' },
  ...(body === undefined ? {} : { body: JSON.stringify(body) }),
});

/** `GET /api/me`, or `null` when the server has no sign-in (404: the app runs open, as before). */
export async function getMe(): Promise<Me | null> {
  try {
    return await call<Me>(apiFetch('/api/me', { headers: { accept: 'application/json' } }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/**
 * Signs in with e-mail and password (sets the session cookie). Not through {@link apiFetch}: a
 * wrong password is a 401 to show on the form, not a reason to go to the sign-in page.
 */
export async function signIn(email: string, password: string): Promise<void> {
  await call<unknown>(fetch('/api/auth/sign-in/email', json('POST', { email, password })));
}

/** Whether the server offers single sign-on (false on a server that does not say). */
export async function hasSingleSignOn(): Promise<boolean> {
  try {
    const res = await fetch('/api/sign-in-options', { headers: { accept: 'application/json' } });
    return res.ok && ((await res.json()) as { singleSignOn?: boolean }).singleSignOn === true;
  } catch {
    return false;
  }
}

/** Starts single sign-on: the URL of the identity provider to send the browser to. */
export async function startSingleSignOn(next: string): Promise<string> {
  const answer = await call<{ url: string }>(
    fetch('/api/auth/sign-in/social', json('POST', { provider: 'oidc', callbackURL: next })),
  );
  return answer.url;
}

/** Signs out (clears the session cookie). */
export async function signOut(): Promise<void> {
  await call<unknown>(fetch('/api/auth/sign-out', json('POST', {})));
}

/** Sets a new password with a reset link's token. */
export async function resetPassword(token: string, newPassword: string): Promise<void> {
  await call<unknown>(fetch('/api/auth/reset-password', json('POST', { newPassword, token })));
}

/** Every user and their roles (admin). */
export async function listUsers(): Promise<UserItem[]> {
  return (await call<{ users: UserItem[] }>(apiFetch('/api/users'))).users;
}

/** Adds a user with a role (admin): the user and a one-time sign-in link (24 h) to hand them. */
export async function addUser(input: {
  email: string;
  name?: string;
  role: Role;
  orgId?: string | null;
}): Promise<{ user: UserItem; signInLink: string }> {
  return call(apiFetch('/api/users', json('POST', input)));
}

/** Replaces a user's roles (admin). */
export async function setUserRoles(id: string, roles: RoleGrant[]): Promise<UserItem> {
  const path = `/api/users/${encodeURIComponent(id)}/roles`;
  return (await call<{ user: UserItem }>(apiFetch(path, json('PUT', { roles })))).user;
}

/** A password-reset link for a user, to copy and hand them (admin). */
export async function makeResetLink(id: string): Promise<string> {
  const path = `/api/users/${encodeURIComponent(id)}/reset-link`;
  return (await call<{ link: string }>(apiFetch(path, json('POST')))).link;
}

/** API tokens: the caller's own (an admin sees everyone's). */
export async function listTokens(): Promise<TokenItem[]> {
  return (await call<{ tokens: TokenItem[] }>(apiFetch('/api/tokens'))).tokens;
}

/** Makes an API token (for another user's e-mail when an admin names one): its secret, shown once. */
export async function createToken(name: string, email?: string): Promise<{ id: string; token: string }> {
  return call(apiFetch('/api/tokens', json('POST', email ? { name, email } : { name })));
}

/** Revokes an API token. */
export async function revokeToken(id: string): Promise<void> {
  await call<void>(apiFetch(`/api/tokens/${encodeURIComponent(id)}`, json('DELETE')));
}

/** A page of the audit trail, newest first; `next` is the `before` of the following page. */
export async function listAudit(
  before?: number | null,
  limit = 100,
): Promise<{ events: AuditEvent[]; next: number | null }> {
  const q = new URLSearchParams({ limit: String(limit) });
  if (before) q.set('before', String(before));
  return call(apiFetch(`/api/audit?${q}`));
}

/** Shares a scenario with the org or one e-mail (owner, admin, hr): every share after it. */
export async function shareScenario(
  scenarioId: string,
  share: ScenarioShare,
): Promise<{ shares: ScenarioShare[] }> {
  const path = `/api/scenarios/${encodeURIComponent(scenarioId)}/share`;
  return call(apiFetch(path, json('POST', share)));
}
