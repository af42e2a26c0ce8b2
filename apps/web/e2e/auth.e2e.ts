import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiFetch, axeViolations, dragTo, launchBrowser, sessionState, shoot } from './browser';
import { bringIntoView } from './chart-helpers';

/**
 * Sign-in, roles and hidden compensation end to end (issue 11), on the built app served by the
 * real API. Users are made through the admin API with the suite's credentials (`apiFetch`); a
 * viewer's password is set with a reset link, as an admin would hand it over. On a server without
 * sign-in (`GET /api/me` is 404) the whole file is skipped with one line saying so.
 */
const baseUrl = inject('baseUrl');
const noSignIn = (await apiFetch('/api/me')).status === 404;
if (noSignIn) console.log('auth.e2e: skipped: GET /api/me answers 404 (this server has no sign-in yet)');

const VIEWER = 'viewer-e2e@example.com';
const PASSWORD = 'correct horse battery 42';
const ADMIN = 'admin-e2e@example.com';

let browser: Browser;
const contexts: BrowserContext[] = [];
let scenarioId: string;
let adminLink: string;
const errors: string[] = [];

/** A page in a fresh context with no credentials at all (a browser that has never signed in). */
async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  return page;
}

/** A link the server made, on the suite's server (whatever host the server put in it). */
const onServer = (link: string) => {
  const u = new URL(link, baseUrl);
  return new URL(u.pathname + u.search, baseUrl).toString();
};

async function json<T>(res: Response, status: number): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

async function addUser(email: string, role: string, orgId: string | null) {
  const res = await apiFetch('/api/users', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, role, orgId }),
  });
  return json<{ user: { id: string }; signInLink: string }>(res, 201);
}

beforeAll(async () => {
  if (noSignIn) return;
  const viewer = await addUser(VIEWER, 'viewer', 'scaleup');
  const reset = await json<{ link: string }>(
    await apiFetch(`/api/users/${viewer.user.id}/reset-link`, { method: 'POST' }),
    200,
  );
  const token = new URL(reset.link, baseUrl).searchParams.get('token');
  const set = await fetch(new URL('/api/auth/reset-password', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ newPassword: PASSWORD, token }),
  });
  expect(set.status, await set.clone().text()).toBe(200);
  adminLink = (await addUser(ADMIN, 'admin', null)).signInLink;
  const created = await apiFetch('/api/orgs/scaleup/scenarios', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'E2E: shared with the org', visibility: 'org' }),
  });
  scenarioId = (await json<{ id: string }>(created, 201)).id;
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

describe.skipIf(noSignIn)('sign-in, roles and hidden compensation', () => {
  let viewerPage: Page;
  const chartPath = () => `/orgs/scaleup/scenarios/${scenarioId}/chart`;

  it('shows the sign-in page, and a wrong password gets an error that does not say which half', async () => {
    const page = await freshPage();
    await page.goto(`${baseUrl}/signin`);
    await expect.poll(() => page.getByRole('heading', { name: 'Sign in' }).count()).toBe(1);
    await shoot(page, 'signin');
    expect(await axeViolations(page)).toEqual([]);
    await page.fill('#signin-email', VIEWER);
    await page.fill('#signin-password', 'not the password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const error = page.locator('.auth-error');
    await expect.poll(() => error.textContent()).toMatch(/do not match an account/);
    const text = (await error.textContent()) ?? '';
    expect(text).not.toMatch(/password is wrong|no such (user|e-mail)|unknown/i);
    await shoot(page, 'signin-error');
    await page.goto(`${baseUrl}/signin?error=expired`);
    await expect
      .poll(() => page.locator('.auth-notice').textContent())
      .toMatch(/expired or was already used/);
  });

  it('sends a signed-out browser to sign in, and signing in lands on the chart it asked for', async () => {
    viewerPage = await freshPage();
    await viewerPage.goto(`${baseUrl}${chartPath()}`);
    await expect.poll(() => new URL(viewerPage.url()).pathname).toBe('/signin');
    expect(new URL(viewerPage.url()).searchParams.get('next')).toBe(chartPath());
    await viewerPage.fill('#signin-email', VIEWER);
    await viewerPage.fill('#signin-password', PASSWORD);
    await viewerPage.getByRole('button', { name: 'Sign in' }).click();
    await viewerPage.waitForSelector('.person-card');
    expect(new URL(viewerPage.url()).pathname).toBe(chartPath());
  });

  it('shows a viewer "hidden" for costs and does not let them drag', async () => {
    const page = viewerPage;
    await expect.poll(() => page.getByTestId('read-only').count()).toBe(1);
    await page.locator('.person-card[data-person-id="E1004"]').first().click();
    const cost = page.locator('.inspector [data-cost]');
    await expect.poll(() => cost.first().getAttribute('data-cost')).toBe('hidden');
    expect(await cost.first().getAttribute('title')).toMatch(/HR, admins and managers/);
    await shoot(page, 'viewer-chart-hidden');
    const team = '.react-flow__node[data-id="team:checkout"]';
    const target = '.person-card[data-person-id="E1041"]';
    await bringIntoView(page, [team, target]);
    const before = await sessionState(page);
    const from = (await page.locator(`${team} .team-node-handle`).first().boundingBox())!;
    const to = (await page.locator(target).first().boundingBox())!;
    await dragTo(
      page,
      { x: from.x + 30, y: from.y + from.height / 2 },
      { x: to.x + to.width / 2, y: to.y + to.height / 2 },
    );
    const after = await sessionState(page);
    expect(after.managerOf.E1005).toBe(before.managerOf.E1005);
    expect(after.pending).toBe(0);
    expect(await page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
  });

  let adminPage: Page;

  it("lists the users on an admin's settings page", async () => {
    adminPage = await freshPage();
    const page = adminPage;
    // The one-time sign-in link an admin hands over: the server signs in and redirects.
    await page.goto(onServer(adminLink));
    await expect.poll(() => new URL(page.url()).pathname).not.toBe('/signin');
    await page.goto(`${baseUrl}/settings`);
    const users = page.locator('.admin-table[aria-label="Users"] tbody tr');
    await expect.poll(() => users.count()).toBeGreaterThanOrEqual(2);
    expect(await page.locator(`tr[data-user="${VIEWER}"]`).count()).toBe(1);
    await shoot(page, 'settings');
  });

  it('lists audit events, newest first, on the audit page', async () => {
    const page = adminPage;
    await page.goto(`${baseUrl}/audit`);
    const events = page.locator('.audit-table tbody tr[data-action]');
    await expect.poll(() => events.count()).toBeGreaterThan(0);
    // The users this file added are in the trail, newest first.
    expect(await page.locator('.audit-table tbody').textContent()).toMatch(/user|role/i);
    const times = await events.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.at ?? ''));
    expect(times).toEqual([...times].sort().reverse());
    await shoot(page, 'audit');
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
