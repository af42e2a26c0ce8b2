import { betterAuth } from 'better-auth';
import { drizzleAdapter } from 'better-auth/adapters/drizzle';
import { genericOAuth } from 'better-auth/plugins/generic-oauth';
import { magicLink } from 'better-auth/plugins/magic-link';
import type { Db } from '../db/client';
import { authAccounts, authRateLimits, authSessions, authUsers, authVerifications } from '../db/schema';

/** Lifetime of a one-time sign-in link, in seconds: 24 h (issue 11, as Jupyter's first-start link). */
export const SIGN_IN_LINK_SECONDS = 24 * 60 * 60;

/** Lifetime of a password-reset link, in seconds: 24 h. */
export const RESET_LINK_SECONDS = 24 * 60 * 60;

/**
 * Sign-in attempts allowed per client address per minute: 5 (OWASP Authentication Cheat Sheet,
 * "account lockout / throttling": a small number per minute stops online guessing).
 */
export const SIGN_IN_ATTEMPTS_PER_MINUTE = 5;

/** Single sign-on settings (`REORG_OIDC_ISSUER`, `REORG_OIDC_CLIENT_ID`, `REORG_OIDC_CLIENT_SECRET`). */
export interface OidcSettings {
  /** The issuer URL; its `/.well-known/openid-configuration` is read. */
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/** What {@link createAuth} needs. */
export interface AuthSettings {
  db: Db;
  /** The session-signing secret (32+ random bytes, kept in the `settings` table). */
  secret: string;
  /** The origin users reach the server at, e.g. `http://localhost:8787` (links are built on it). */
  publicUrl: string;
  /** Receives each one-time sign-in token as Better Auth makes it (the caller turns it into a link). */
  onSignInToken(email: string, token: string): void;
  /** Receives each password-reset token. */
  onResetToken(email: string, token: string): void;
  /** Receives the e-mail and `groups` claim of each single sign-on (roles may come from groups). */
  onOidcProfile?(email: string, groups: string[]): void;
  /** Single sign-on, when configured. */
  oidc?: OidcSettings;
}

/**
 * The Better Auth instance of a reorg server: e-mail + password (no self sign-up: an admin adds
 * users), one-time sign-in links (the magic-link plugin, hashed at rest, 24 h), password reset by
 * a link an admin copies, sessions in the httpOnly SameSite=Lax cookie `reorg.session_token`
 * (Secure when the public URL is https), and sign-in rate limits kept in the database so that
 * every API process counts the same attempts. OpenID Connect through the generic OAuth plugin.
 */
export function createAuth(settings: AuthSettings) {
  const secure = settings.publicUrl.startsWith('https:');
  const plugins = [
    magicLink({
      expiresIn: SIGN_IN_LINK_SECONDS,
      disableSignUp: true,
      storeToken: 'hashed',
      sendMagicLink: ({ email, token }) => settings.onSignInToken(email, token),
    }),
    ...(settings.oidc
      ? [
          genericOAuth({
            config: [
              {
                providerId: 'oidc',
                discoveryUrl: `${settings.oidc.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`,
                clientId: settings.oidc.clientId,
                clientSecret: settings.oidc.clientSecret,
                scopes: ['openid', 'email', 'profile', 'groups'],
                pkce: true,
                mapProfileToUser: (profile) => {
                  const groups = (profile as { groups?: unknown }).groups;
                  if (typeof profile.email === 'string') {
                    settings.onOidcProfile?.(
                      profile.email,
                      Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [],
                    );
                  }
                  return {};
                },
              },
            ],
          }),
        ]
      : []),
  ];
  return betterAuth({
    appName: 'reorg',
    baseURL: settings.publicUrl,
    basePath: '/api/auth',
    secret: settings.secret,
    database: drizzleAdapter(settings.db, {
      provider: 'pg',
      schema: {
        user: authUsers,
        session: authSessions,
        account: authAccounts,
        verification: authVerifications,
        rateLimit: authRateLimits,
      },
    }),
    // The server's own origin is trusted whatever name it was reached by (the Host allow-list
    // and the CSRF guard of the app decide which names are acceptable).
    trustedOrigins: (request) => (request ? [new URL(request.url).origin] : []),
    emailAndPassword: {
      enabled: true,
      disableSignUp: true,
      minPasswordLength: 8,
      resetPasswordTokenExpiresIn: RESET_LINK_SECONDS,
      sendResetPassword: async ({ user, token }) => settings.onResetToken(user.email, token),
      revokeSessionsOnPasswordReset: true,
    },
    account: { accountLinking: { enabled: true, trustedProviders: ['oidc'] } },
    session: { expiresIn: 7 * 24 * 60 * 60, updateAge: 24 * 60 * 60 },
    rateLimit: {
      enabled: true,
      storage: 'database',
      window: 60,
      max: 100,
      customRules: {
        '/sign-in/email': { window: 60, max: SIGN_IN_ATTEMPTS_PER_MINUTE },
        '/sign-in/magic-link': { window: 60, max: SIGN_IN_ATTEMPTS_PER_MINUTE },
        '/magic-link/verify': { window: 60, max: SIGN_IN_ATTEMPTS_PER_MINUTE * 2 },
        '/reset-password': { window: 60, max: SIGN_IN_ATTEMPTS_PER_MINUTE },
      },
    },
    advanced: {
      cookiePrefix: 'reorg',
      useSecureCookies: secure,
      defaultCookieAttributes: { httpOnly: true, sameSite: 'lax', secure },
      ipAddress: { ipAddressHeaders: ['x-reorg-client-ip'] },
    },
    telemetry: { enabled: false },
    // Failed sign-ins are answered (and audited) by reorg; Better Auth logs only its errors.
    logger: { level: 'error' },
    plugins,
  });
}

/** A reorg server's Better Auth instance. */
export type Auth = ReturnType<typeof createAuth>;
