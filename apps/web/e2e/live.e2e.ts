import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiFetch, dragTo, launchBrowser, newAppContext, sessionState, shoot, waitSaved } from './browser';
import { bringIntoView } from './chart-helpers';

/**
 * Working on one scenario together, in two browser contexts: an admin and Ana (an editor of the
 * scale-up org). Both open the scenario; each sees the other in the top bar; Ana selects a team
 * and the admin sees the ring on it; Ana drags the team under Kofi Mensah and the admin's chart
 * moves it at once, with a toast that names who did what; Ana closes her tab and is gone.
 */
const baseUrl = inject('baseUrl');
const ANA = 'ana.live@orbitmart.example';
const KOFI = 'E1112'; // Kofi Mensah, VP Engineering, Growth
const CHECKOUT_LEAD = 'E1005'; // manages the Checkout team
const TEAM = '.react-flow__node[data-id="team:checkout"]';

let browser: Browser;
let admin: BrowserContext;
let ana: BrowserContext;
let adminPage: Page;
let anaPage: Page;
let scenarioId: string;
let anaToken: string;
const errors: string[] = [];

/** The API as Ana (her own token). */
function anaFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${anaToken}`);
  return fetch(new URL(path, baseUrl), { ...init, headers });
}

async function post(path: string, body: unknown): Promise<Response> {
  return apiFetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

async function open(context: BrowserContext): Promise<Page> {
  const p = await context.newPage();
  p.on('pageerror', (e) => errors.push(e.message));
  await p.goto(`${baseUrl}/orgs/scaleup/scenarios/${scenarioId}/chart`);
  await p.waitForSelector('.person-card');
  await p.waitForSelector('[data-testid="presence"] .live-dot.live-live');
  return p;
}

async function toastText(p: Page): Promise<string> {
  return (await p.locator('.toasts').textContent()) ?? '';
}

beforeAll(async () => {
  expect(
    (await post('/api/users', { email: ANA, name: 'Ana', role: 'editor', orgId: 'scaleup' })).status,
  ).toBe(201);
  const made = await post('/api/tokens', { name: 'e2e live', email: ANA });
  expect(made.status).toBe(201);
  const token = ((await made.json()) as { token: string }).token;
  anaToken = token;
  const res = await post('/api/orgs/scaleup/scenarios', { name: 'E2E: working together', visibility: 'org' });
  expect(res.status).toBe(201);
  scenarioId = ((await res.json()) as { id: string }).id;
  browser = await launchBrowser();
  admin = await newAppContext(browser);
  ana = await newAppContext(browser, { extraHTTPHeaders: { authorization: `Bearer ${token}` } });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('working on a scenario together', () => {
  it('shows who else has the scenario open, in the top bar of each', async () => {
    adminPage = await open(admin);
    anaPage = await open(ana);
    await adminPage.waitForSelector(`[data-testid="presence"] .presence-avatar[data-email="${ANA}"]`);
    expect(await adminPage.locator(`.presence-avatar[data-email="${ANA}"]`).textContent()).toBe('A');
    await anaPage.waitForSelector('[data-testid="presence"] .presence-avatar');
  });

  it('rings the team Ana selected on the admin’s chart', async () => {
    await bringIntoView(anaPage, [TEAM]);
    await anaPage.locator(`${TEAM} .team-node-handle`).click();
    await bringIntoView(adminPage, [TEAM]);
    await adminPage.waitForSelector(`${TEAM} [data-testid="presence-ring"]`);
    const title = await adminPage.locator(`.presence-avatar[data-email="${ANA}"]`).getAttribute('title');
    expect(title).toBe('Ana has team Checkout selected');
  });

  it('moves the team on the admin’s chart when Ana drags it, and says so by name', async () => {
    const before = await sessionState(adminPage);
    expect(before.managerOf[CHECKOUT_LEAD]).not.toBe(KOFI);
    const target = `.person-card[data-person-id="${KOFI}"]`;
    await bringIntoView(anaPage, [TEAM, target]);
    const from = await anaPage.locator(`${TEAM} .team-node-handle`).boundingBox();
    const to = await anaPage.locator(target).boundingBox();
    if (!from || !to) throw new Error('no team or target on Ana’s chart');
    await dragTo(
      anaPage,
      { x: from.x + 30, y: from.y + from.height / 2 },
      { x: to.x + to.width / 2, y: to.y + to.height / 2 },
    );
    expect((await sessionState(anaPage)).managerOf[CHECKOUT_LEAD]).toBe(KOFI);
    await waitSaved(anaPage);
    const saved = await sessionState(anaPage);
    await expect
      .poll(async () => (await sessionState(adminPage)).managerOf[CHECKOUT_LEAD], { timeout: 10_000 })
      .toBe(KOFI);
    const after = await sessionState(adminPage);
    expect(after.revision).toBe(saved.revision);
    expect(after.pending).toBe(0);
    await expect.poll(() => toastText(adminPage)).toContain('Ana moved Checkout under Kofi Mensah');
    await shoot(adminPage, 'live');
  });

  it('rebases the admin’s unsaved change onto Ana’s revision, as after a 412, and saves both', async () => {
    // The admin changes something while their saves cannot get through…
    await adminPage.route('**/api/scenarios/*/ops', (route) => route.abort());
    const applied = await adminPage.evaluate(() => {
      const w = window as unknown as {
        __reorg: { actions: { applyChange(ops: unknown[], label: string): { ok: boolean } } };
      };
      return w.__reorg.actions.applyChange(
        [{ type: 'updatePerson', personId: 'E1112', changes: { title: 'SVP Engineering, Growth' } }],
        'Retitle Kofi',
      ).ok;
    });
    expect(applied).toBe(true);
    await expect.poll(async () => (await sessionState(adminPage)).save.status).toBe('offline');
    // …and Ana saves another change meanwhile: the admin's page rebases its unsaved change on it.
    const head = (await (await apiFetch(`/api/scenarios/${scenarioId}`)).json()) as { revision: number };
    const res = await anaFetch(`/api/scenarios/${scenarioId}/ops`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'if-match': `"${head.revision}"` },
      body: JSON.stringify({ ops: [{ type: 'changeManager', personId: 'E1041', managerId: KOFI }] }),
    });
    expect(res.status).toBe(201);
    await expect
      .poll(async () => (await sessionState(adminPage)).managerOf.E1041, { timeout: 10_000 })
      .toBe(KOFI);
    const rebased = await sessionState(adminPage);
    expect(rebased.revision).toBe(head.revision + 1);
    expect(rebased.pending).toBe(1);
    // Once the server can be reached again, the page's own retry saves the rebased change.
    await adminPage.unroute('**/api/scenarios/*/ops');
    await waitSaved(adminPage);
    const server = (await (await apiFetch(`/api/scenarios/${scenarioId}`)).json()) as {
      revision: number;
      state: { people: { id: string; managerId: string | null; title?: string }[] };
    };
    expect(server.revision).toBe(head.revision + 2);
    const byId = new Map(server.state.people.map((p) => [p.id, p]));
    expect(byId.get('E1041')?.managerId).toBe(KOFI);
    expect(byId.get('E1112')?.title).toBe('SVP Engineering, Growth');
  });

  it('drops Ana from the top bar when she closes her tab', async () => {
    await anaPage.close();
    await adminPage.waitForSelector(`.presence-avatar[data-email="${ANA}"]`, {
      state: 'detached',
      timeout: 30_000,
    });
    expect(errors).toEqual([]);
  });
});

// The fixture says who Kofi is; a renamed fixture should fail here rather than in the toast.
const scaleup = JSON.parse(
  readFileSync(new URL('../../../fixtures/orgs/scaleup.json', import.meta.url), 'utf8'),
) as {
  people: { id: string; name: string }[];
};
if (scaleup.people.find((p) => p.id === KOFI)?.name !== 'Kofi Mensah')
  throw new Error('E1112 is not Kofi Mensah');
