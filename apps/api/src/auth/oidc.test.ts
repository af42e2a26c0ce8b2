import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { openTestStore } from '../testing/engines';
import { readJson } from '../testing/http';
import { Identity } from './identity';

/**
 * Single sign-on against a real OpenID provider (`oidc-provider`) started on loopback: the
 * browser's round trip (our sign-in → the provider's authorization endpoint → its login and
 * consent → our callback) is walked with fetch and a cookie jar per host. The provider's login
 * interaction accepts the one account below; its `groups` claim names the reorg role.
 */
const ACCOUNT = {
  sub: 'olga',
  email: 'olga@idp.example',
  email_verified: true,
  name: 'Olga SSO',
  groups: ['staff', 'reorg-hr-acme'],
};

describe('single sign-on with OpenID Connect (oidc-provider on loopback)', () => {
  let idp: Server;
  let issuer: string;
  let opened: Awaited<ReturnType<typeof openTestStore>>;
  let app: ReturnType<typeof createApp>;
  const APP = 'http://localhost:8787';

  beforeAll(async () => {
    idp = createServer();
    await new Promise<void>((resolve) => idp.listen(0, '127.0.0.1', resolve));
    issuer = `http://127.0.0.1:${(idp.address() as AddressInfo).port}`;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'reorg',
          client_secret: 'reorg-secret',
          redirect_uris: [`${APP}/api/auth/callback/oidc`],
          grant_types: ['authorization_code'],
          response_types: ['code'],
        },
      ],
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], groups: ['groups'] },
      scopes: ['openid', 'email', 'profile', 'groups'],
      findAccount: async (_ctx, id) =>
        id === ACCOUNT.sub ? { accountId: id, claims: async () => ACCOUNT } : undefined,
      features: { devInteractions: { enabled: false } },
      pkce: { required: () => false },
      cookies: { keys: ['test-cookie-key'] },
    });
    const callback = provider.callback();
    idp.on('request', async (req: IncomingMessage, res: ServerResponse) => {
      if (req.url?.startsWith('/interaction/')) {
        // The provider's login and consent pages, answered at once for the test account.
        const details = await provider.interactionDetails(req, res);
        if (details.prompt.name === 'login') {
          await provider.interactionFinished(req, res, { login: { accountId: ACCOUNT.sub } });
          return;
        }
        const grant = new provider.Grant({ accountId: ACCOUNT.sub, clientId: 'reorg' });
        grant.addOIDCScope('openid email profile groups');
        for (const claim of ['email', 'email_verified', 'name', 'groups']) grant.addOIDCClaims([claim]);
        await provider.interactionFinished(
          req,
          res,
          { consent: { grantId: await grant.save() } },
          { mergeWithLastSubmission: true },
        );
        return;
      }
      callback(req, res);
    });

    opened = await openTestStore('pglite');
    const identity = new Identity(opened.store.drizzle, {
      publicUrl: APP,
      oidc: { issuer, clientId: 'reorg', clientSecret: 'reorg-secret' },
    });
    app = createApp({ store: opened.store, webDir: false, identity });
  }, 60_000);
  afterAll(async () => {
    idp?.close();
    await opened?.close();
  });

  /** Follows redirects between the provider (real HTTP) and the app (in process), keeping cookies per host. */
  async function follow(
    start: string,
    jar: Map<string, Map<string, string>>,
  ): Promise<{ url: string; res: Response }> {
    let url = start;
    for (let hop = 0; hop < 15; hop++) {
      const host = new URL(url).host;
      const cookies = jar.get(host) ?? new Map();
      jar.set(host, cookies);
      const headers = { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
      const res = url.startsWith(APP)
        ? await app.request(url, { headers })
        : await fetch(url, { headers, redirect: 'manual' });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [k, ...v] = (pair ?? '').split('=');
        if (k) cookies.set(k.trim(), v.join('='));
      }
      const location = res.headers.get('location');
      if (res.status < 300 || res.status >= 400 || !location) return { url, res };
      url = new URL(location, url).toString();
    }
    throw new Error('too many redirects');
  }

  it('tells the sign-in page that single sign-on is offered', async () => {
    expect(await readJson(await app.request(`${APP}/api/sign-in-options`))).toEqual({ singleSignOn: true });
  });

  it('signs a new user in through the provider and takes the role from the groups claim', async () => {
    const start = await app.request(`${APP}/api/auth/sign-in/social`, {
      method: 'POST',
      body: JSON.stringify({ provider: 'oidc', callbackURL: '/' }),
      headers: { 'content-type': 'application/json', origin: APP },
    });
    expect(start.status, await start.clone().text()).toBe(200);
    const { url } = (await start.json()) as { url: string };
    expect(url.startsWith(`${issuer}/auth?`)).toBe(true);
    const jar = new Map<string, Map<string, string>>();
    const appHost = new URL(APP).host;
    jar.set(
      appHost,
      new Map(
        start.headers.getSetCookie().map((c) => (c.split(';')[0] ?? '').split('=') as [string, string]),
      ),
    );
    const end = await follow(url, jar);
    expect(end.url).toBe(`${APP}/`);
    const session = jar.get(appHost)?.get('reorg.session_token');
    expect(session).toBeTruthy();
    const me = await readJson(
      await app.request(`${APP}/api/me`, { headers: { cookie: `reorg.session_token=${session}` } }),
    );
    expect(me.user).toMatchObject({ email: 'olga@idp.example', name: 'Olga SSO' });
    const users = await new Identity(opened.store.drizzle, { publicUrl: APP }).listUsers();
    expect(users.find((u) => u.email === 'olga@idp.example')?.roles).toEqual([{ role: 'hr', orgId: 'acme' }]);
  });
});
