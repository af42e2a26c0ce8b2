import { Hono } from 'hono';
import type { AppEnv } from '../http';
import { PROBLEM_TYPES, problem } from '../problem';
import { recordAudit } from './audit';
import type { Identity } from './identity';
import { clientIp } from './middleware';

/** Where a sign-in may send the browser afterwards: a path of this site, never another site. */
export function safeNext(next: string | undefined): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

/** The generic answer to a failed sign-in: it never says whether the e-mail or the password was wrong. */
export const SIGN_IN_FAILED = 'e-mail or password is not right';

/**
 * Better Auth's routes under `/api/auth/*`, and `GET /signin?token=…` (the one-time link that
 * `reorg serve` prints and admins hand out: verified here, then the browser is sent on with its
 * session cookie). Better Auth sees the client address from the socket only (a client cannot
 * claim another one), its errors are answered as problem documents, failed sign-ins in one
 * generic sentence, and successful ones are audited.
 */
export function createSignInRoutes(identity: Identity) {
  const app = new Hono<AppEnv>();
  // What the sign-in page offers (public): single sign-on when it is configured.
  app.get('/api/sign-in-options', (c) => c.json({ singleSignOn: identity.hasSingleSignOn }));
  app.on(['GET', 'POST'], '/api/auth/*', async (c) => {
    const auth = await identity.auth();
    const headers = new Headers(c.req.raw.headers);
    headers.delete('x-reorg-client-ip');
    const ip = clientIp(c);
    if (ip) headers.set('x-reorg-client-ip', ip);
    const init: RequestInit & { duplex?: 'half' } = { method: c.req.method, headers };
    if (c.req.method === 'POST') {
      init.body = await c.req.raw.arrayBuffer();
    }
    const res = await auth.handler(new Request(c.req.url, init));
    const path = c.req.path.slice('/api/auth'.length);
    if (res.ok && path === '/sign-in/email') {
      const data = (await res
        .clone()
        .json()
        .catch(() => null)) as { user?: { email?: string } } | null;
      await recordAudit(identity.database, {
        actor: data?.user?.email ?? 'unknown',
        action: 'session.signin',
        ip: ip ?? null,
        detail: { method: 'password' },
      });
    }
    if (path.startsWith('/callback/') && res.status === 302) {
      const session = await auth.api.getSession({ headers: cookieHeaders(res) }).catch(() => null);
      if (session) {
        await identity.applySignOnGroups(session.user.email, ip ?? null);
        await recordAudit(identity.database, {
          actor: session.user.email,
          action: 'session.signin',
          ip: ip ?? null,
          detail: { method: 'oidc' },
        });
      }
    }
    if (res.status < 400) return res;
    const retryAfter = res.headers.get('x-retry-after') ?? res.headers.get('retry-after');
    if (res.status === 429) {
      if (retryAfter) c.header('Retry-After', retryAfter);
      return problem(c, {
        type: PROBLEM_TYPES.rateLimited,
        title: 'Too many attempts',
        status: 429,
        detail: `too many attempts from this address; try again in ${retryAfter ?? 60} seconds`,
      });
    }
    if (path === '/sign-in/email' && (res.status === 401 || res.status === 400 || res.status === 403)) {
      return problem(c, {
        type: PROBLEM_TYPES.unauthorized,
        title: 'Sign-in failed',
        status: 401,
        detail: SIGN_IN_FAILED,
      });
    }
    const data = (await res.json().catch(() => null)) as { message?: string } | null;
    return problem(c, {
      type: res.status === 401 ? PROBLEM_TYPES.unauthorized : PROBLEM_TYPES.malformed,
      title: res.status === 401 ? 'Not signed in' : 'Request refused',
      status: res.status as 400,
      detail: data?.message ?? 'the request was refused',
    });
  });

  app.get('/signin', async (c, next) => {
    const token = c.req.query('token');
    if (!token) return next(); // the sign-in page of the web app
    const auth = await identity.auth();
    const target = safeNext(c.req.query('next'));
    const res = await auth.api.magicLinkVerify({
      query: { token, callbackURL: target, errorCallbackURL: '/signin?error=expired' },
      headers: c.req.raw.headers,
      asResponse: true,
    });
    const location = res.headers.get('location');
    const headers = new Headers(res.headers);
    // Better Auth builds the redirect on its base URL; stay on the name the browser used.
    if (location) {
      const url = new URL(location, 'http://x');
      headers.set('location', `${url.pathname}${url.search}`);
      if (!url.searchParams.has('error')) {
        const session = await auth.api.getSession({ headers: cookieHeaders(res) }).catch(() => null);
        await recordAudit(identity.database, {
          actor: session?.user.email ?? 'unknown',
          action: 'session.signin',
          ip: clientIp(c) ?? null,
          detail: { method: 'link' },
        });
      }
    }
    return new Response(null, { status: res.status === 200 ? 302 : res.status, headers });
  });
  return app;
}

/** Request headers that carry the cookies a response sets (to read the session it made). */
function cookieHeaders(res: Response): Headers {
  const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]);
  return new Headers({ cookie: cookies.join('; ') });
}
