import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newAppContext, shoot } from './browser';

/**
 * The camera follows intent on the scale-up sample: after "fit" (the whole org, cards tiny),
 * a finding click, find-me and a `?person=` link each bring the person's card into view at a
 * readable size (≥ 120 px wide, fully inside the canvas).
 */
const baseUrl = inject('baseUrl');
const SCENARIO = `${baseUrl}/orgs/scaleup/scenarios/scaleup-merge-payments`;

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await newAppContext(browser, { viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

/** Where a person's card is on screen, and whether it sits wholly inside the canvas. */
async function cardOnScreen(personId: string) {
  const card = page.locator(`.person-card[data-person-id="${personId}"]`);
  await card.waitFor({ timeout: 30_000 });
  // The camera animates for 400 ms.
  await page.waitForTimeout(700);
  const box = await card.boundingBox();
  const canvas = await page.locator('.org-canvas').boundingBox();
  if (!box || !canvas) throw new Error('no card or canvas on screen');
  const inside =
    box.x >= canvas.x &&
    box.y >= canvas.y &&
    box.x + box.width <= canvas.x + canvas.width &&
    box.y + box.height <= canvas.y + canvas.height;
  return { width: Math.round(box.width), inside };
}

async function fitWholeChart() {
  await page.getByRole('button', { name: 'Fit the whole chart' }).click();
  await page.waitForTimeout(600);
}

describe('the camera follows intent', () => {
  it('fits a finding’s person after the chart was fitted to the whole org', async () => {
    await page.goto(SCENARIO);
    await page.locator('.person-card').first().waitFor({ timeout: 60_000 });
    await fitWholeChart();
    const finding = page.locator('.finding', { hasText: 'Yara Hansen' }).first();
    await finding.click();
    const personId = await page.evaluate(
      () =>
        [...document.querySelectorAll<HTMLElement>('.person-card')].find((c) =>
          c.textContent?.includes('Yara Hansen'),
        )?.dataset.personId,
    );
    expect(personId).toBeTruthy();
    const seen = await cardOnScreen(personId!);
    expect(seen.inside).toBe(true);
    expect(seen.width).toBeGreaterThanOrEqual(120);
    await shoot(page, 'camera-finding');
  });

  it('fits the person find-me picks', async () => {
    await fitWholeChart();
    await page.getByPlaceholder(/Find a person/).fill('Noah Kamau');
    await page.waitForSelector('[role="option"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).searchParams.get('person')).toBeTruthy();
    const id = new URL(page.url()).searchParams.get('person');
    const seen = await cardOnScreen(id!);
    expect(seen).toMatchObject({ inside: true });
    expect(seen.width).toBeGreaterThanOrEqual(120);
  });

  it('opens a ?person= link on the person', async () => {
    await page.goto(`${SCENARIO}?person=E1137`);
    const seen = await cardOnScreen('E1137');
    expect(seen.inside).toBe(true);
    expect(seen.width).toBeGreaterThanOrEqual(120);
  });
});

describe('on a laptop or projector (1024×768)', () => {
  it('keeps the title bar clear: the details panel is a drawer below it, the chart frames the person left of it', async () => {
    const context = await newAppContext(browser, { viewport: { width: 1024, height: 768 } });
    const small = await context.newPage();
    await small.goto(`${SCENARIO}?person=E1137`);
    const card = small.locator('.person-card[data-person-id="E1137"]');
    await card.waitFor({ timeout: 60_000 });
    await small.waitForTimeout(700);
    const bar = await small.locator('.topbar').boundingBox();
    const panel = await small.locator('.app > .panel').boundingBox();
    expect(bar && panel).toBeTruthy();
    expect(panel!.y).toBeGreaterThanOrEqual(bar!.y + bar!.height - 1);
    // Every top-bar control is on screen.
    for (const name of ['Share', 'Export', /^Findings/]) {
      const box = await small.getByRole('button', { name }).first().boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(1024);
    }
    const seen = await card.boundingBox();
    expect(seen!.x + seen!.width).toBeLessThanOrEqual(panel!.x);
    expect(seen!.width).toBeGreaterThanOrEqual(120);
    await shoot(small, 'chart-1024');
    // "Findings" closes the drawer; the chart then has the whole width.
    await small.getByRole('button', { name: /^Findings/ }).click();
    await expect.poll(() => small.locator('.app > .panel').getAttribute('data-open')).toBe('false');
    await context.close();
  });
});
