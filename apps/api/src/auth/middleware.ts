import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http';
import { Lru } from '../lru';
import { PROBLEM_TYPES, problem } from '../problem';
import type { Baselines } from '../services/baselines';
import { recordAudit } from './audit';
import type { Identity } from './identity';
import { isAdmin, seesAllCompensation, visibleCompensation } from './policy';
import { ALL_ORGS, type Principal } from './principal';
import { type CompensationScope, redactCompensation } from './redact';

/** Paths under `/api` that answer without credentials (DESIGN.md). */
export function isPublicApiPath(path: string): boolean {
  return (
    path === '/api/health' ||
    path.startsWith('/api/health/') ||
    path.startsWith('/api/auth/') ||
    path === '/api/openapi.json' ||
    path === '/api/sign-in-options'
  );
}

/** The client's address: the socket's (Node server), or undefined in-process. */
export function clientIp(c: Context): string | undefined {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress;
}

/** Who and from where, for an audit entry of this request. */
export function auditActor(c: Context<AppEnv>): { actor: string; ip: string | null } {
  return { actor: c.var.principal?.email ?? 'anonymous', ip: clientIp(c) ?? null };
}

/** The methods that change something (CSRF checks, writes refused while viewing as someone). */
export const UNSAFE_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses cross-site requests on every unsafe method (CSRF), whatever the content type (JSON,
 * multipart and `text/plain` alike): a browser's `Sec-Fetch-Site` must be `same-origin` (or
 * `none`, typed by the user), and an `Origin` must be the server's own. A request that carries a
 * session cookie but neither header (no browser of the last years) is refused too; scripts with
 * a Bearer token send neither and pass.
 */
export function csrfGuard(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!UNSAFE_METHODS.has(c.req.method)) return next();
    const site = c.req.header('sec-fetch-site');
    const origin = c.req.header('origin');
    const host = c.req.header('host') ?? new URL(c.req.url).host;
    let reason: string | undefined;
    if (site && site !== 'same-origin' && site !== 'none') reason = `a ${site} request`;
    else if (origin && !sameHost(origin, host)) reason = `a request from ${origin}`;
    else if (!site && !origin && c.req.header('cookie')?.includes('reorg.session_token')) {
      reason = 'a cookie-authenticated request without Origin';
    }
    if (!reason) return next();
    return problem(c, {
      type: PROBLEM_TYPES.forbidden,
      title: 'Cross-site request refused',
      status: 403,
      detail: `${reason} may not change anything here (CSRF protection); use the app itself or an API token`,
    });
  };
}

function sameHost(origin: string, host: string): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** The host names a server bound to loopback answers to (DNS-rebinding protection). */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];

/**
 * Refuses requests whose `Host` is not one of `hosts` (with any port): a web page on another
 * name that resolves to 127.0.0.1 (DNS rebinding) cannot read the API.
 */
export function hostGuard(hosts: readonly string[]): MiddlewareHandler<AppEnv> {
  const allowed = new Set(hosts.map((h) => h.toLowerCase()));
  return async (c, next) => {
    const host = (c.req.header('host') ?? '').toLowerCase();
    const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
    if (name && allowed.has(name)) return next();
    return problem(c, {
      type: PROBLEM_TYPES.forbidden,
      title: 'Unknown host',
      status: 403,
      detail: `this server answers to ${[...allowed].join(', ')} only; got Host "${host}"`,
    });
  };
}

/**
 * Resolves the caller of every non-public `/api` route into `c.var.principal`: an
 * `Authorization: Bearer TOKEN` (API token) or the Better Auth session cookie; 401 without
 * either. An admin may send `X-Reorg-View-As: EMAIL` to see what that user sees (read-only:
 * writes are refused while viewing as someone).
 */
export function resolvePrincipal(identity: Identity): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.req.path.startsWith('/api/') || isPublicApiPath(c.req.path)) return next();
    const authorization = c.req.header('authorization');
    let principal: Principal | undefined;
    if (authorization) {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
      principal = m?.[1] ? await identity.principalOfToken(m[1]) : undefined;
      if (!principal) return unauthorized(c, 'the API token is not valid (unknown, revoked or malformed)');
    } else {
      principal = await identity.principalOfSession(c.req.raw.headers);
      if (!principal) return unauthorized(c, 'sign in first, or send Authorization: Bearer TOKEN');
    }
    const viewAs = c.req.header('x-reorg-view-as')?.trim();
    if (viewAs && viewAs.toLowerCase() !== principal.email) {
      if (!isAdmin(principal)) return forbidden(c, 'only an admin may view as another user');
      if (UNSAFE_METHODS.has(c.req.method))
        return forbidden(c, `viewing as ${viewAs} is read-only; stop viewing as them to make changes`);
      const viewed = await identity.principalOf(viewAs, principal.via);
      if (!viewed) return forbidden(c, `there is no user ${viewAs} to view as`);
      principal = { ...viewed, viewedBy: { userId: principal.userId, email: principal.email } };
    }
    c.set('principal', principal);
    return next();
  };
}

/** A 401 problem with `WWW-Authenticate`. */
export function unauthorized(c: Context, detail: string) {
  c.header('WWW-Authenticate', 'Bearer realm="reorg"');
  return problem(c, { type: PROBLEM_TYPES.unauthorized, title: 'Not signed in', status: 401, detail });
}

/** A 403 problem: the caller is known but may not do this. */
export function forbidden(c: Context, detail: string) {
  return problem(c, { type: PROBLEM_TYPES.forbidden, title: 'Not allowed', status: 403, detail });
}

/**
 * The response boundary: every JSON answer of an `/api` route is passed through
 * {@link redactCompensation} with the compensation the caller may see on the org the guards
 * named (`c.var.orgId`; without one: all for admins and HR on every org, none otherwise). A view
 * of compensation by anyone but HR is recorded in the audit trail (`compensation.view`).
 * Responses vary by caller and are never cached by shared caches.
 */
export function redactResponses(
  baselines: Baselines,
  identityDb: Parameters<typeof recordAudit>[0],
): MiddlewareHandler<AppEnv> {
  const scopes = new Lru<string, CompensationScope>(256);
  return async (c, next) => {
    await next();
    const principal = c.var.principal;
    if (!principal) return;
    c.res.headers.set('Cache-Control', 'private, no-cache');
    c.res.headers.append('Vary', 'Cookie, Authorization, X-Reorg-View-As');
    const type = c.res.headers.get('content-type') ?? '';
    if (!type.includes('json') || c.res.status === 204 || c.res.status === 304) return;
    const orgId = c.var.orgId;
    const scope = await scopeOf(principal, orgId, baselines, scopes);
    const hr = orgId ? principal.roles.get(orgId) === 'hr' || principal.roles.get(ALL_ORGS) === 'hr' : false;
    let shown = 0;
    if (scope === 'all') {
      if (hr || c.req.method !== 'GET' || c.res.status >= 300) return;
      const text = await c.res.clone().text();
      // Non-zero amounts only: an org without costs has zero totals, which reveal no one's pay.
      shown = (text.match(/"[A-Za-z]*[cC]ost[A-Za-z]*":\s*(?!0[,}\]\s])-?\d/g) ?? []).length;
    } else {
      const text = await c.res.text();
      const result = redactCompensation(JSON.parse(text), scope);
      shown = result.shown;
      const headers = new Headers(c.res.headers);
      headers.delete('content-length');
      c.res = new Response(result.hidden > 0 ? JSON.stringify(result.value) : text, {
        status: c.res.status,
        headers,
      });
    }
    if (shown > 0 && c.req.method === 'GET') {
      await recordAudit(identityDb, {
        actor: principal.viewedBy ? `${principal.viewedBy.email} (as ${principal.email})` : principal.email,
        action: 'compensation.view',
        orgId: orgId ?? null,
        subject: c.req.path,
        ip: clientIp(c) ?? null,
        detail: { values: shown },
      });
    }
  };
}

async function scopeOf(
  p: Principal,
  orgId: string | undefined,
  baselines: Baselines,
  cache: Lru<string, CompensationScope>,
): Promise<CompensationScope> {
  if (!orgId) return isAdmin(p) || p.roles.get(ALL_ORGS) === 'hr' ? 'all' : new Set();
  if (seesAllCompensation(p, orgId)) return 'all';
  const key = `${orgId}\u0000${p.email}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const baseline = await baselines.get(orgId);
  const scope = baseline ? visibleCompensation(p, baseline.org) : new Set<string>();
  cache.set(key, scope);
  return scope;
}
