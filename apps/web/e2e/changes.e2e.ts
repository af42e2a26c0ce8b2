import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newAppContext, shoot } from './browser';

/**
 * Before and after on the chart: the scale-up's "Checkout reports to the VP" scenario moves
 * Bilal Fischer (E1005, Checkout's EM) from Tariq Farouk to Priya Schmidt (E1003).
 */
const baseUrl = inject('baseUrl');

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await newAppContext(browser, { viewport: { width: 1440, height: 900 } });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

describe('before and after on the chart', () => {
  it('marks who moved, from whom, and counts the changes', async () => {
    await page.goto(`${baseUrl}/orgs/scaleup/scenarios/scaleup-checkout-under-vp?person=E1003`);
    await page.getByRole('button', { name: 'Show changes' }).click();
    await expect
      .poll(() => page.getByTestId('changes-summary').textContent(), { timeout: 30_000 })
      .toBe('1 moved');
    await expect
      .poll(() =>
        page.$$eval('.change-chip', (els) =>
          els.map((e) => `${(e.closest('.person-card') as HTMLElement).dataset.personId}: ${e.textContent}`),
        ),
      )
      .toEqual(['E1005: Moved from Tariq Farouk']);
    await shoot(page, 'changes-marked');
  });

  it('tells the new manager what changes for them, and the old one', async () => {
    const impact = page.locator('.impact');
    await expect.poll(() => impact.textContent()).toContain('Bilal Fischer (from Tariq Farouk)');
    await page.locator('.person-card[data-person-id="E1004"]').click();
    await expect
      .poll(() => impact.textContent(), { timeout: 30_000 })
      .toContain('Bilal Fischer (to Priya Schmidt)');
  });

  it('takes the marks off again', async () => {
    await page.getByRole('button', { name: 'Hide changes' }).click();
    await expect.poll(() => page.locator('.change-chip').count()).toBe(0);
  });
});
