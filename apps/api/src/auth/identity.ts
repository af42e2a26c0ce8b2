import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/client';
import { apiTokens, authUsers, settings, userRoles } from '../db/schema';
import { type AuditEntry, recordAudit } from './audit';
import { type Auth, createAuth, type OidcSettings } from './auth';
import { ALL_ORGS, grantsOf, type Principal, type Role, type RoleGrant, rolesOf } from './principal';

/** A user as the admin API and `reorg users list` show it. */
export interface UserInfo {
  id: string;
  email: string;
  name: string;
  roles: RoleGrant[];
  createdAt: string;
}

/** An API token as listed (never the token itself, which is shown once). */
export interface TokenInfo {
  id: string;
  name: string;
  email: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** The e-mail of the first admin when `REORG_ADMIN_EMAIL` is not set. */
export const DEFAULT_ADMIN_EMAIL = 'admin@reorg.local';

/** Prefix of API tokens, so that secret scanners and people recognise them. */
export const TOKEN_PREFIX = 'reorg_';

/** What {@link Identity} needs. */
export interface IdentityOptions {
  /**
   * The origin users reach the server at (links are built on it), e.g. `http://localhost:8787`;
   * a function when it is known only once the server listens (port 0).
   */
  publicUrl: string | (() => string);
  oidc?: OidcSettings;
}

/**
 * Users, roles, sessions and API tokens of one reorg installation, on its database (so every
 * API process sharing a PostgreSQL server sees the same). Sessions and passwords are Better
 * Auth's; roles and tokens are ours (tokens stored as SHA-256 hashes, shown once).
 */
export class Identity {
  /** The database the identity lives in (for audit entries written beside sign-ins). */
  readonly database: Db;
  private readonly db: Db;
  private readonly oidc?: OidcSettings;
  private readonly origin: string | (() => string);
  private authPromise?: Promise<Auth>;
  // Tokens Better Auth hands to its "send" callbacks, picked up by the call that asked for them.
  private readonly pendingSignIn = new Map<string, string>();
  private readonly pendingReset = new Map<string, string>();
  private readonly pendingGroups = new Map<string, string[]>();

  constructor(db: Db, options: IdentityOptions) {
    this.db = db;
    this.database = db;
    this.origin = options.publicUrl;
    this.oidc = options.oidc;
  }

  /** True when single sign-on (OpenID Connect) is configured. */
  get hasSingleSignOn(): boolean {
    return this.oidc !== undefined;
  }

  /** The origin links are built on, without a trailing slash. */
  get publicUrl(): string {
    return (typeof this.origin === 'function' ? this.origin() : this.origin).replace(/\/$/, '');
  }

  /** The Better Auth instance, built on first use with the installation's secret. */
  auth(): Promise<Auth> {
    this.authPromise ??= this.secret().then((secret) =>
      createAuth({
        db: this.db,
        secret,
        publicUrl: this.publicUrl,
        oidc: this.oidc,
        onSignInToken: (email, token) => this.pendingSignIn.set(email.toLowerCase(), token),
        onResetToken: (email, token) => this.pendingReset.set(email.toLowerCase(), token),
        onOidcProfile: (email, groups) => this.pendingGroups.set(email.toLowerCase(), groups),
      }),
    );
    return this.authPromise;
  }

  /** The session-signing secret: 32 random bytes made once and kept in `settings`. */
  private async secret(): Promise<string> {
    const value = randomBytes(32).toString('base64url');
    await this.db.insert(settings).values({ key: 'auth_secret', value }).onConflictDoNothing();
    const rows = await this.db.select().from(settings).where(eq(settings.key, 'auth_secret'));
    return rows[0]?.value ?? value;
  }

  /** True when no user exists yet (a new data folder). */
  async hasNoUsers(): Promise<boolean> {
    const rows = await this.db.select({ id: authUsers.id }).from(authUsers).limit(1);
    return rows.length === 0;
  }

  /**
   * Adds a user (or finds the one with that e-mail) and grants `role` on `orgId` (every org when
   * null; an admin is always on every org). Audited as `user.add` / `role.change`.
   * @throws Error when the e-mail is not an e-mail address.
   */
  async addUser(
    input: { email: string; name?: string; role: Role; orgId?: string | null; password?: string },
    audit: Omit<AuditEntry, 'action'>,
  ): Promise<UserInfo> {
    const email = normalizeEmail(input.email);
    const orgId = input.role === 'admin' ? ALL_ORGS : (input.orgId ?? ALL_ORGS);
    const auth = await this.auth();
    const ctx = await auth.$context;
    let user = await ctx.internalAdapter.findUserByEmail(email).then((r) => r?.user);
    const created = !user;
    if (!user) {
      user = await ctx.internalAdapter.createUser(
        {
          email,
          name: input.name?.trim() || email.split('@')[0] || email,
          emailVerified: true,
        },
        { method: 'admin' },
      );
    }
    if (input.password) await this.setPassword(user.id, input.password);
    const userId = user.id;
    await this.db.transaction(async (tx) => {
      await tx
        .insert(userRoles)
        .values({ userId, orgId, role: input.role })
        .onConflictDoUpdate({ target: [userRoles.userId, userRoles.orgId], set: { role: input.role } });
      await recordAudit(tx, {
        ...audit,
        action: created ? 'user.add' : 'role.change',
        subject: email,
        orgId: orgId === ALL_ORGS ? null : orgId,
        detail: { role: input.role },
      });
    });
    return (await this.findUser(email)) as UserInfo;
  }

  /** Replaces a user's roles (audited as `role.change`); undefined when there is no such user. */
  async setRoles(
    userId: string,
    grants: RoleGrant[],
    audit: Omit<AuditEntry, 'action'>,
  ): Promise<UserInfo | undefined> {
    const rows = await this.db.select().from(authUsers).where(eq(authUsers.id, userId));
    const user = rows[0];
    if (!user) return undefined;
    await this.db.transaction(async (tx) => {
      await tx.delete(userRoles).where(eq(userRoles.userId, userId));
      const values = grants.map((g) => ({
        userId,
        orgId: g.role === 'admin' ? ALL_ORGS : (g.orgId ?? ALL_ORGS),
        role: g.role,
      }));
      if (values.length > 0) await tx.insert(userRoles).values(values).onConflictDoNothing();
      await recordAudit(tx, {
        ...audit,
        action: 'role.change',
        subject: user.email,
        detail: { roles: grants },
      });
    });
    return this.findUser(user.email);
  }

  /** Every user with their roles, by e-mail. */
  async listUsers(): Promise<UserInfo[]> {
    const users = await this.db.select().from(authUsers).orderBy(asc(authUsers.email));
    const grants = await this.db.select().from(userRoles);
    return users.map((u) =>
      toUserInfo(
        u,
        grants.filter((g) => g.userId === u.id),
      ),
    );
  }

  /** One user by e-mail (case-insensitive), or undefined. */
  async findUser(email: string): Promise<UserInfo | undefined> {
    const rows = await this.db
      .select()
      .from(authUsers)
      .where(eq(authUsers.email, normalizeEmail(email)));
    const u = rows[0];
    if (!u) return undefined;
    const grants = await this.db.select().from(userRoles).where(eq(userRoles.userId, u.id));
    return toUserInfo(u, grants);
  }

  /** One user by id, or undefined. */
  async findUserById(id: string): Promise<UserInfo | undefined> {
    const rows = await this.db.select({ email: authUsers.email }).from(authUsers).where(eq(authUsers.id, id));
    return rows[0] ? this.findUser(rows[0].email) : undefined;
  }

  /** The principal of a user, or undefined when there is no such user. */
  async principalOf(email: string, via: Principal['via']): Promise<Principal | undefined> {
    const user = await this.findUser(email);
    if (!user) return undefined;
    return { userId: user.id, email: user.email, name: user.name, roles: rolesOf(user.roles), via };
  }

  /** The principal of a Better Auth session named by the request's cookie, or undefined. */
  async principalOfSession(headers: Headers): Promise<Principal | undefined> {
    if (!headers.get('cookie')?.includes('reorg.session_token')) return undefined;
    const auth = await this.auth();
    const session = await auth.api.getSession({ headers });
    return session ? this.principalOf(session.user.email, 'session') : undefined;
  }

  /** The principal of an API token that is not revoked, or undefined. Records its last use. */
  async principalOfToken(token: string): Promise<Principal | undefined> {
    const rows = await this.db
      .select({ id: apiTokens.id, email: authUsers.email })
      .from(apiTokens)
      .innerJoin(authUsers, eq(authUsers.id, apiTokens.userId))
      .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt)));
    const row = rows[0];
    if (!row) return undefined;
    await this.db.update(apiTokens).set({ lastUsedAt: sql`now()` }).where(eq(apiTokens.id, row.id));
    return this.principalOf(row.email, 'token');
  }

  /**
   * Makes an API token for a user (audited as `token.create`). The token is returned once and
   * stored only as its SHA-256 hash. Undefined when there is no such user.
   */
  async createToken(
    email: string,
    name: string,
    audit: Omit<AuditEntry, 'action'>,
  ): Promise<{ id: string; token: string } | undefined> {
    const user = await this.findUser(email);
    if (!user) return undefined;
    const token = `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
    const id = randomUUID();
    await this.db.transaction(async (tx) => {
      await tx.insert(apiTokens).values({ id, userId: user.id, name, tokenHash: hashToken(token) });
      await recordAudit(tx, {
        ...audit,
        action: 'token.create',
        subject: id,
        detail: { name, for: user.email },
      });
    });
    return { id, token };
  }

  /** API tokens, newest first: of one user (by id) or of everyone. */
  async listTokens(userId?: string): Promise<TokenInfo[]> {
    const query = this.db
      .select({
        id: apiTokens.id,
        name: apiTokens.name,
        email: authUsers.email,
        createdAt: apiTokens.createdAt,
        lastUsedAt: apiTokens.lastUsedAt,
        revokedAt: apiTokens.revokedAt,
      })
      .from(apiTokens)
      .innerJoin(authUsers, eq(authUsers.id, apiTokens.userId));
    const rows = await (userId ? query.where(eq(apiTokens.userId, userId)) : query).orderBy(
      asc(apiTokens.createdAt),
    );
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      email: r.email,
      createdAt: iso(r.createdAt) as string,
      lastUsedAt: iso(r.lastUsedAt),
      revokedAt: iso(r.revokedAt),
    }));
  }

  /** The owner (user id) of a token, or undefined. */
  async tokenOwner(id: string): Promise<string | undefined> {
    const rows = await this.db
      .select({ userId: apiTokens.userId })
      .from(apiTokens)
      .where(eq(apiTokens.id, id));
    return rows[0]?.userId;
  }

  /** Revokes a token (audited as `token.revoke`); false when there is no such token. */
  async revokeToken(id: string, audit: Omit<AuditEntry, 'action'>): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      const rows = await tx
        .update(apiTokens)
        .set({ revokedAt: sql`coalesce(${apiTokens.revokedAt}, now())` })
        .where(eq(apiTokens.id, id))
        .returning({ id: apiTokens.id });
      if (rows.length === 0) return false;
      await recordAudit(tx, { ...audit, action: 'token.revoke', subject: id });
      return true;
    });
  }

  /**
   * A one-time sign-in link for a user, valid 24 h: `…/signin?token=…` (the server's `/signin`
   * route verifies it and sets the session). Undefined when there is no such user.
   */
  async signInLink(email: string): Promise<string | undefined> {
    const user = await this.findUser(email);
    if (!user) return undefined;
    const auth = await this.auth();
    await auth.api.signInMagicLink({ body: { email: user.email, callbackURL: '/' }, headers: new Headers() });
    const token = this.take(this.pendingSignIn, user.email);
    return token ? `${this.publicUrl}/signin?token=${encodeURIComponent(token)}` : undefined;
  }

  /** A password-reset link for a user, valid 24 h: `…/reset-password?token=…`; undefined without user. */
  async resetLink(email: string): Promise<string | undefined> {
    const user = await this.findUser(email);
    if (!user) return undefined;
    const auth = await this.auth();
    await auth.api.requestPasswordReset({ body: { email: user.email, redirectTo: '/reset-password' } });
    const token = this.take(this.pendingReset, user.email);
    return token ? `${this.publicUrl}/reset-password?token=${encodeURIComponent(token)}` : undefined;
  }

  /** Sets a user's password (hashed by Better Auth). */
  async setPassword(userId: string, password: string): Promise<void> {
    const auth = await this.auth();
    const ctx = await auth.$context;
    const hash = await ctx.password.hash(password);
    const accounts = await ctx.internalAdapter.findAccounts(userId);
    if (accounts.some((a) => a.providerId === 'credential'))
      await ctx.internalAdapter.updatePassword(userId, hash);
    else
      await ctx.internalAdapter.linkAccount({
        userId,
        providerId: 'credential',
        accountId: userId,
        password: hash,
      });
  }

  /**
   * On a data folder with no users: creates the first admin (`REORG_ADMIN_EMAIL`, default
   * {@link DEFAULT_ADMIN_EMAIL}) and returns a one-time sign-in link for them (24 h). Undefined
   * when users exist already. Safe when several processes start at once (the user is unique).
   */
  async firstStart(
    email = process.env.REORG_ADMIN_EMAIL || DEFAULT_ADMIN_EMAIL,
  ): Promise<string | undefined> {
    if (!(await this.hasNoUsers())) return undefined;
    await this.addUser({ email, name: 'Admin', role: 'admin' }, { actor: 'system' });
    return this.signInLink(email);
  }

  /**
   * After a single sign-on: replaces the user's roles by those their identity provider's `groups`
   * claim names (see {@link rolesFromGroups}), when it names any; otherwise the roles stay.
   * Audited as `role.change` with the groups. Returns the roles applied, if any.
   */
  async applySignOnGroups(email: string, ip: string | null): Promise<RoleGrant[] | undefined> {
    const groups = this.pendingGroups.get(email.toLowerCase());
    this.pendingGroups.delete(email.toLowerCase());
    const grants = groups ? rolesFromGroups(groups) : [];
    if (grants.length === 0) return undefined;
    const user = await this.findUser(email);
    if (!user) return undefined;
    await this.setRoles(user.id, grants, { actor: `${email} (single sign-on)`, ip, detail: { groups } });
    return grants;
  }

  private take<V>(map: Map<string, V>, email: string): V | undefined {
    const key = email.toLowerCase();
    const token = map.get(key);
    map.delete(key);
    return token;
  }
}

/**
 * Roles named by identity-provider groups: `reorg-ROLE` (on every org) or `reorg-ROLE-ORG` (on
 * that org), ROLE one of admin, hr, editor, viewer; other groups are ignored.
 */
export function rolesFromGroups(groups: readonly string[]): RoleGrant[] {
  const grants: RoleGrant[] = [];
  for (const g of groups) {
    const m = /^reorg-(admin|hr|editor|viewer)(?:-(.+))?$/.exec(g.trim());
    if (!m) continue;
    const role = m[1] as Role;
    grants.push({ role, orgId: role === 'admin' ? null : (m[2] ?? null) });
  }
  return grants;
}

/** SHA-256 of an API token, hex: what is stored. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * An e-mail, trimmed and lower-cased.
 * @throws Error when it is not of the form `name@domain`.
 */
export function normalizeEmail(email: string): string {
  const e = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(e)) throw new Error(`"${email}" is not an e-mail address`);
  return e;
}

function toUserInfo(
  u: { id: string; email: string; name: string; createdAt: Date },
  grants: { orgId: string; role: string }[],
): UserInfo {
  const roles = rolesOf(grants.map((g) => ({ role: g.role as Role, orgId: g.orgId })));
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    roles: grantsOf(roles),
    createdAt: iso(u.createdAt) as string,
  };
}

function iso(d: Date | string | null): string | null {
  if (d === null) return null;
  return (d instanceof Date ? d : new Date(String(d))).toISOString();
}
