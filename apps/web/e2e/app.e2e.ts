import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  apiFetch,
  axeViolations,
  dragTo,
  launchBrowser,
  newAppContext,
  sessionState,
  shoot,
  waitSaved,
} from './browser';
import { bringIntoView } from './chart-helpers';

/**
 * The web app end to end, on the built app served by the real API (PGlite, seeded samples), in
 * Debian's Chromium. The tests run in order on one fresh scenario of the scale-up sample.
 */
const baseUrl = inject('baseUrl');

let browser: Browser;
let context: BrowserContext;
let page: Page;
let scenarioId: string;
const errors: string[] = [];

const chartUrl = (extra = '') => `${baseUrl}/orgs/scaleup/scenarios/${scenarioId}/chart${extra}`;

async function newPage(): Promise<Page> {
  const p = await context.newPage();
  p.on('pageerror', (e) => errors.push(e.message));
  return p;
}

async function rectOf(p: Page, selector: string) {
  const r = await p.locator(selector).first().boundingBox();
  if (!r) throw new Error(`no box for ${selector}`);
  return r;
}

beforeAll(async () => {
  const res = await apiFetch(`/api/orgs/scaleup/scenarios`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'E2E: rebalance commerce' }),
  });
  expect(res.status).toBe(201);
  scenarioId = ((await res.json()) as { id: string }).id;
  browser = await launchBrowser();
  context = await newAppContext(browser, { viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('the reorg workspace', () => {
  it('opens the scale-up org from the start page', async () => {
    await page.goto(baseUrl);
    await page.getByRole('button', { name: /Orbitmart/ }).click();
    await page.getByRole('button', { name: /E2E: rebalance commerce/ }).click();
    await page.waitForSelector('.person-card');
    await expect.poll(() => page.url()).toContain(`/scenarios/${scenarioId}/chart`);
    await shoot(page, 'chart');
  });

  it('moves a team to another director by drag and shows the span findings change', async () => {
    const team = '.react-flow__node[data-id="team:checkout"]';
    const target = '.person-card[data-person-id="E1041"]';
    await bringIntoView(page, [team, target]);
    const before = await sessionState(page);
    expect(before.managerOf.E1005).toBe('E1004');
    expect(before.spanFindings).not.toContain('span.under:E1004');
    const from = await rectOf(page, `${team} .team-node-handle`);
    const to = await rectOf(page, target);
    await dragTo(
      page,
      { x: from.x + 30, y: from.y + from.height / 2 },
      { x: to.x + to.width / 2, y: to.y + to.height / 2 },
    );
    const after = await sessionState(page);
    expect(after.managerOf.E1005).toBe('E1041');
    expect(after.spanFindings).toContain('span.under:E1004');
    await expect.poll(() => page.locator('.findings').textContent()).toContain('Tariq Farouk');
  });

  it('saves with If-Match, and a reload keeps the change', async () => {
    await waitSaved(page);
    const saved = await sessionState(page);
    expect(saved.revision).toBe(2);
    await page.reload();
    await page.waitForSelector('.person-card');
    const reloaded = await sessionState(page);
    expect(reloaded.managerOf.E1005).toBe('E1041');
    expect(reloaded.revision).toBe(2);
  });

  it('undoes and redoes with the keyboard (a drag is one step)', async () => {
    await page.locator('.person-card').first().click();
    const team = '.react-flow__node[data-id="team:checkout"]';
    const target = '.person-card[data-person-id="E1004"]';
    await bringIntoView(page, [team, target]);
    const from = await rectOf(page, `${team} .team-node-handle`);
    const to = await rectOf(page, target);
    await dragTo(
      page,
      { x: from.x + 30, y: from.y + from.height / 2 },
      { x: to.x + to.width / 2, y: to.y + to.height / 2 },
    );
    expect((await sessionState(page)).managerOf.E1005).toBe('E1004');
    await page.keyboard.press('Control+z');
    expect((await sessionState(page)).managerOf.E1005).toBe('E1041');
    await page.keyboard.press('Control+Shift+z');
    expect((await sessionState(page)).managerOf.E1005).toBe('E1004');
    await page.keyboard.press('Control+z');
    expect((await sessionState(page)).managerOf.E1005).toBe('E1041');
    await waitSaved(page);
  });

  it('keeps unsaved changes across a reload', async () => {
    await page.route('**/api/scenarios/*/ops', (route) => route.abort());
    await page.evaluate(() => {
      const w = window as unknown as { __reorg: { view: { setState(s: unknown): void } } };
      w.__reorg.view.setState({ selectedId: 'E1151' });
    });
    await page.getByLabel('Level', { exact: true }).selectOption('M6');
    await expect.poll(async () => (await sessionState(page)).save.status).toBe('offline');
    await page.reload();
    await page.waitForSelector('.person-card');
    await expect.poll(async () => (await sessionState(page)).pending).toBe(1);
    await page.unroute('**/api/scenarios/*/ops');
  });

  it('handles a 412 from a second tab: rebases, or says plainly what conflicts', async () => {
    // This tab cannot reach the ops route while the other tab saves.
    await page.route('**/api/scenarios/*/ops', (route) => route.abort());
    const other = await newPage();
    await other.goto(chartUrl());
    await other.waitForSelector('.person-card');
    await waitSaved(other);
    const otherRevision = (await sessionState(other)).revision;
    // The other tab removes the person this tab changed (still unsaved here).
    await other.evaluate(() => {
      const w = window as unknown as { __reorg: { view: { setState(s: unknown): void } } };
      w.__reorg.view.setState({ selectedId: 'E1151' });
    });
    await other.getByRole('button', { name: 'Remove', exact: true }).click();
    await other.getByRole('button', { name: 'Confirm remove' }).click();
    await waitSaved(other);
    expect((await sessionState(other)).revision).toBe(otherRevision + 1);
    await page.unroute('**/api/scenarios/*/ops');
    // The other tab's revision reaches this one on the live feed (or, without it, as a 412 on the
    // next save retry): the unsaved change is rebased onto it and no longer applies.
    const banner = page.getByRole('alert');
    await expect.poll(() => banner.textContent()).toContain('no longer applies');
    expect(await banner.textContent()).toMatch(/There is no person with id "E1151"/);
    await shoot(page, 'conflict');
    await banner.getByRole('button', { name: /Discard this change/ }).click();
    await waitSaved(page);
    // A change that still applies is rebased onto the newer revision and saved.
    await other.evaluate(() => {
      const w = window as unknown as { __reorg: { view: { setState(s: unknown): void } } };
      w.__reorg.view.setState({ selectedId: 'E1113' });
    });
    await other.getByLabel('Level', { exact: true }).selectOption('M7');
    await waitSaved(other);
    await page.evaluate(() => {
      const w = window as unknown as { __reorg: { view: { setState(s: unknown): void } } };
      w.__reorg.view.setState({ selectedId: 'E1150' });
    });
    await page.getByLabel('Level', { exact: true }).selectOption('M7');
    await waitSaved(page);
    const doc = (await (await apiFetch(`/api/scenarios/${scenarioId}`)).json()) as {
      state: { people: { id: string; level?: string }[] };
    };
    const level = (id: string) => doc.state.people.find((p) => p.id === id)?.level;
    expect([level('E1113'), level('E1150')]).toEqual(['M7', 'M7']);
    await other.close();
  });

  it('opens a find-me link: chain of command, peers and reports', async () => {
    await page.goto(chartUrl('?person=E1183'));
    const bar = page.getByRole('region', { name: /Where .* sits/ });
    await expect.poll(() => bar.textContent()).toContain('Lucia Hansen');
    const shown = await page.$$eval('.person-card', (els) =>
      els.map((e) => (e as HTMLElement).dataset.personId),
    );
    expect(shown).toContain('E1183');
    expect(shown).toContain('E1001');
    await shoot(page, 'find-me');
  });

  it('exports the view as a PNG that contains the reporting lines', async () => {
    await page.goto(chartUrl());
    await page.waitForSelector('.person-card');
    await page.getByRole('button', { name: 'Export' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'View as PNG' }).click(),
    ]);
    const path = await download.path();
    const png = readFileSync(path);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const edgePixels = await page.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let k = 0; k < d.length; k += 4)
        if (Math.abs(d[k] - 169) < 12 && Math.abs(d[k + 1] - 178) < 12 && Math.abs(d[k + 2] - 193) < 12) n++;
      return n;
    }, png.toString('base64'));
    expect(edgePixels).toBeGreaterThan(500);
  });

  it('has no serious or critical axe-core violations on the main views', async () => {
    for (const view of ['chart', 'ladder', 'outline', 'teams', 'history']) {
      await page.goto(`${baseUrl}/orgs/scaleup/scenarios/${scenarioId}/${view}`);
      await page.waitForSelector('.findings');
      await page.waitForTimeout(view === 'teams' ? 1500 : 400);
      expect({ view, violations: await axeViolations(page) }).toEqual({ view, violations: [] });
      if (view !== 'chart') await shoot(page, view);
    }
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
