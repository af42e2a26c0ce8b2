import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, openTestApp, TEST_ADMIN } from '../testing/engines';
import { type Json, readJson } from '../testing/http';
import { smallOrg } from '../testing/orgs';

type Opened = Awaited<ReturnType<typeof openTestApp>>;

/** The socket address the Node server would give (Better Auth rate-limits by it). */
const from = (ip: string) => ({ incoming: { socket: { remoteAddress: ip } } });
const ORIGIN = 'http://localhost';

describe.each(ENGINES)('sign-in, sessions and web security on %s', (engine) => {
  let t: Opened;
  beforeAll(async () => {
    t = await openTestApp(engine);
    const res = await t.app.request('/api/orgs', {
      method: 'POST',
      body: JSON.stringify(smallOrg('acme')),
      headers: { 'content-type': 'application/json' },
    });
    expect(res.status).toBe(201);
    await t.identity.addUser(
      { email: 'vera@example.com', role: 'viewer', orgId: 'acme', password: 'correct horse' },
      { actor: 'system' },
    );
  }, 60_000);
  afterAll(() => t?.close(), 60_000);

  const signIn = (email: string, password: string, ip = '10.0.0.1', headers: Record<string, string> = {}) =>
    t.anonymous.request(
      '/api/auth/sign-in/email',
      {
        method: 'POST',
        body: JSON.stringify({ email, password }),
        headers: { 'content-type': 'application/json', origin: ORIGIN, ...headers },
      },
      from(ip),
    );
  const cookieOf = (res: Response) =>
    res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

  it('answers 401 on every /api route without credentials, but health, sign-in and the OpenAPI document', async () => {
    for (const path of [
      '/api/orgs',
      '/api/orgs/acme',
      '/api/scenarios',
      '/api/me',
      '/api/audit',
      '/api/users',
    ]) {
      const res = await t.anonymous.request(path);
      expect(res.status, path).toBe(401);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.headers.get('www-authenticate')).toBe('Bearer realm="reorg"');
    }
    expect((await t.anonymous.request('/api/health')).status).toBe(200);
    expect((await t.anonymous.request('/api/openapi.json')).status).toBe(200);
    expect(
      (await t.anonymous.request('/api/orgs', { headers: { authorization: 'Bearer nope' } })).status,
    ).toBe(401);
  });

  it('signs in with e-mail and password into an httpOnly SameSite=Lax cookie; a wrong half gets one generic message', async () => {
    const ok = await signIn('vera@example.com', 'correct horse');
    expect(ok.status).toBe(200);
    const setCookie = ok.headers.getSetCookie().find((c) => c.startsWith('reorg.session_token='));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).not.toMatch(/Secure/i); // plain http on localhost; Secure behind https
    const me = await readJson(await t.anonymous.request('/api/me', { headers: { cookie: cookieOf(ok) } }));
    expect(me).toMatchObject({
      user: { email: 'vera@example.com' },
      isAdmin: false,
      orgs: { acme: { role: 'viewer', canEdit: false, canSeeAllCompensation: false, personId: null } },
      can: { importOrgs: false, manageUsers: false, viewAudit: false },
    });

    const wrongPassword = await readJson(await signIn('vera@example.com', 'wrong horse', '10.0.0.2'));
    const wrongEmail = await readJson(await signIn('nobody@example.com', 'correct horse', '10.0.0.2'));
    expect(wrongPassword.status).toBe(401);
    expect(wrongPassword.detail).toBe('e-mail or password is not right');
    expect({ ...wrongEmail, requestId: '' }).toEqual({ ...wrongPassword, requestId: '' });
  });

  it('rate-limits sign-in: the 6th attempt in a minute from one address gets 429 with Retry-After', async () => {
    const statuses: number[] = [];
    for (let k = 0; k < 6; k++) statuses.push((await signIn('vera@example.com', 'guess', '10.9.9.9')).status);
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    const limited = await signIn('vera@example.com', 'correct horse', '10.9.9.9');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address is not affected.
    expect((await signIn('vera@example.com', 'correct horse', '10.9.9.10')).status).toBe(200);
  });

  it('signs in once with a one-time link, redirecting to the app; a used link goes to /signin?error=expired', async () => {
    const link = (await t.identity.signInLink('vera@example.com')) as string;
    expect(link).toMatch(/^http:\/\/localhost\/signin\?token=[A-Za-z0-9]+$/);
    const path = new URL(link).pathname + new URL(link).search;
    const first = await t.anonymous.request(path, {}, from('10.1.1.1'));
    expect(first.status).toBe(302);
    expect(first.headers.get('location')).toBe('/');
    const me = await t.anonymous.request('/api/me', { headers: { cookie: cookieOf(first) } });
    expect((await readJson(me)).user.email).toBe('vera@example.com');
    const again = await t.anonymous.request(path, {}, from('10.1.1.1'));
    expect(again.status).toBe(302);
    expect(again.headers.get('location')).toMatch(/^\/signin\?error=/);
    expect(again.headers.getSetCookie().some((c) => /^reorg\.session_token=[^;]+/.test(c))).toBe(false);
  });

  it('resets a password with a link an admin copies; the old password stops working', async () => {
    await t.identity.addUser(
      { email: 'rita@example.com', role: 'editor', orgId: 'acme', password: 'first password' },
      { actor: 'system' },
    );
    const users = await readJson(await t.app.request('/api/users'));
    const rita = users.users.find((u: Json) => u.email === 'rita@example.com');
    const res = await t.app.request(`/api/users/${rita.id}/reset-link`, { method: 'POST' });
    expect(res.status).toBe(200);
    const { link } = await readJson(res);
    expect(link).toMatch(/^http:\/\/localhost\/reset-password\?token=\S+$/);
    const token = new URL(link).searchParams.get('token');
    const reset = await t.anonymous.request(
      '/api/auth/reset-password',
      {
        method: 'POST',
        body: JSON.stringify({ newPassword: 'second password', token }),
        headers: { 'content-type': 'application/json', origin: ORIGIN },
      },
      from('10.2.2.2'),
    );
    expect(reset.status).toBe(200);
    expect((await signIn('rita@example.com', 'first password', '10.2.2.3')).status).toBe(401);
    expect((await signIn('rita@example.com', 'second password', '10.2.2.3')).status).toBe(200);
  });

  it('refuses cross-site writes (CSRF) for JSON, multipart and text/plain, by Origin and by Sec-Fetch-Site', async () => {
    const session = cookieOf(await signIn('vera@example.com', 'correct horse', '10.3.3.3'));
    const adminCookie = cookieOf(
      await (async () => {
        await t.identity.setPassword((await t.identity.findUser(TEST_ADMIN))?.id as string, 'admin password');
        return signIn(TEST_ADMIN, 'admin password', '10.3.3.4');
      })(),
    );
    expect(session).toContain('reorg.session_token=');
    const form = new FormData();
    form.append('senior', new Blob(['x'], { type: 'text/csv' }), 'senior.csv');
    const bodies: [string, RequestInit][] = [
      ['json', { body: JSON.stringify(smallOrg('evil')), headers: { 'content-type': 'application/json' } }],
      ['multipart', { body: form }],
      ['text/plain', { body: 'id,name\n1,a', headers: { 'content-type': 'text/plain' } }],
    ];
    for (const [kind, init] of bodies) {
      for (const attack of [{ origin: 'http://evil.example' }, { 'sec-fetch-site': 'cross-site' }, {}]) {
        const headers = new Headers(init.headers);
        headers.set('cookie', adminCookie);
        for (const [k, v] of Object.entries(attack)) headers.set(k, v);
        const res = await t.anonymous.request('/api/orgs', { ...init, method: 'POST', headers });
        expect(res.status, `${kind} ${JSON.stringify(attack)}`).toBe(403);
        expect((await readJson(res)).title).toBe('Cross-site request refused');
      }
    }
    // The same admin, from the app itself: accepted.
    const own = await t.anonymous.request('/api/orgs', {
      method: 'POST',
      body: JSON.stringify(smallOrg('own')),
      headers: {
        'content-type': 'application/json',
        cookie: adminCookie,
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
      },
    });
    expect(own.status).toBe(201);
    // A cross-site sign-in (login CSRF) is refused too.
    expect(
      (await signIn('vera@example.com', 'correct horse', '10.3.3.5', { origin: 'http://evil.example' }))
        .status,
    ).toBe(403);
  });

  it('revokes API tokens: the next request with it is 401, and both are in the audit trail', async () => {
    const made = await readJson(
      await t.app.request('/api/tokens', {
        method: 'POST',
        body: JSON.stringify({ name: 'sync', email: 'vera@example.com' }),
        headers: { 'content-type': 'application/json' },
      }),
    );
    expect(made.token).toMatch(/^reorg_/);
    const auth = { authorization: `Bearer ${made.token}` };
    expect((await t.anonymous.request('/api/orgs', { headers: auth })).status).toBe(200);
    expect((await t.app.request(`/api/tokens/${made.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.anonymous.request('/api/orgs', { headers: auth })).status).toBe(401);
    const { events } = await readJson(await t.app.request('/api/audit?limit=50'));
    const actions = events.filter((e: Json) => e.subject === made.id).map((e: Json) => e.action);
    expect(actions).toEqual(['token.revoke', 'token.create']);
    const listed = await readJson(await t.app.request('/api/tokens'));
    expect(listed.tokens.find((k: Json) => k.id === made.id).revokedAt).not.toBeNull();
    expect(JSON.stringify(listed)).not.toContain(made.token);
  });

  it('lets an admin view as another user (read-only), and no one else', async () => {
    const me = await readJson(
      await t.app.request('/api/me', { headers: { 'x-reorg-view-as': 'vera@example.com' } }),
    );
    expect(me).toMatchObject({
      user: { email: 'vera@example.com' },
      viewAs: 'vera@example.com',
      realUser: { email: TEST_ADMIN },
    });
    const org = await readJson(
      await t.app.request('/api/orgs/acme', { headers: { 'x-reorg-view-as': 'vera@example.com' } }),
    );
    expect(org.org.people.some((p: Json) => 'cost' in p)).toBe(false);
    const write = await t.app.request('/api/orgs/acme/scenarios', {
      method: 'POST',
      body: JSON.stringify({ name: 'as vera' }),
      headers: { 'content-type': 'application/json', 'x-reorg-view-as': 'vera@example.com' },
    });
    expect(write.status).toBe(403);
    const vera = await t.tokenFor('vera@example.com', 'viewer', 'acme');
    const refused = await t.anonymous.request('/api/me', {
      headers: { authorization: `Bearer ${vera}`, 'x-reorg-view-as': TEST_ADMIN },
    });
    expect(refused.status).toBe(403);
  });

  it('answers only to allowed host names when bound to loopback (DNS rebinding)', async () => {
    const { createApp } = await import('../app');
    const { LOOPBACK_HOSTS } = await import('./middleware');
    const app = createApp({
      store: t.store,
      webDir: false,
      identity: t.identity,
      allowedHosts: LOOPBACK_HOSTS,
    });
    expect(
      (await app.request('http://localhost:8787/api/health', { headers: { host: 'localhost:8787' } })).status,
    ).toBe(200);
    expect(
      (await app.request('http://127.0.0.1:8787/api/health', { headers: { host: '127.0.0.1:8787' } })).status,
    ).toBe(200);
    const rebound = await app.request('http://attacker.example/api/health', {
      headers: { host: 'attacker.example:8787' },
    });
    expect(rebound.status).toBe(403);
  });
});
