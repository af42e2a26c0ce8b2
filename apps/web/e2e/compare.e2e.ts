import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiFetch, axeViolations, launchBrowser, newAppContext, shoot } from './browser';

/**
 * The compare view end to end: the scale-up sample's two seeded scenarios and its two seeded
 * headcount plans, on the built app served by the real API, in Debian's Chromium.
 */
const baseUrl = inject('baseUrl');

const SCENARIOS = ['scaleup-merge-payments', 'scaleup-checkout-under-vp'];
const PLANS = ['scaleup-aggressive-growth', 'scaleup-hiring-freeze'];
const compareUrl = `${baseUrl}/orgs/scaleup/compare?scenarios=${SCENARIOS.join(',')}&plans=${PLANS.join(',')}`;

let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

/** What the API says, to check the page against. */
async function apiComparison() {
  const res = await apiFetch(`/api/compare?ids=${SCENARIOS.join(',')}`);
  expect(res.status).toBe(200);
  return (await res.json()) as {
    comparison: { baseline: { metrics: { people: number; managers: number } }; scenarios: { id: string }[] };
  };
}

/** Waits until both charts draw one band per plan. */
async function waitForBands(p: Page, plans: number): Promise<void> {
  await p.waitForFunction(
    (n) => document.querySelectorAll('.band-chart .band-area').length === 2 * n,
    plans,
    { timeout: 60_000 },
  );
}

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newAppContext(browser, { viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
});

describe('the compare view', () => {
  it('opens from the sidebar with the org’s scenarios and both seeded plans picked', async () => {
    await page.goto(`${baseUrl}/orgs/scaleup`);
    await page.getByRole('button', { name: 'Compare scenarios' }).click();
    await page.waitForSelector('[data-testid="compare-view"] .metrics-table');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/orgs/scaleup/compare');
    const url = new URL(page.url());
    expect(url.searchParams.get('plans')).toBe(PLANS.join(','));
    const picked = url.searchParams.get('scenarios')?.split(',') ?? [];
    expect(picked).toEqual(expect.arrayContaining(SCENARIOS));
    await waitForBands(page, 2);
  });

  it('shows the metrics of the baseline and two scenarios side by side, with the API’s numbers', async () => {
    await page.goto(compareUrl);
    await page.waitForSelector('.metrics-table');
    const api = await apiComparison();
    const headers = await page.locator('.metrics-table thead th.col-head .col-name').allInnerTexts();
    expect(headers.map((h) => h.trim())).toEqual([
      'Baseline',
      'Merge payment risk into payments',
      'Checkout reports to the VP',
    ]);
    const cells = (key: string) => page.locator(`td[data-metric="${key}"] .metric-value`).allInnerTexts();
    const { people, managers } = api.comparison.baseline.metrics;
    expect(await cells('people')).toEqual([people, people, people].map((n) => n.toLocaleString('en-US')));
    expect((await cells('managers'))[0]).toBe(String(managers));
    expect(await cells('managerChanged')).toEqual([
      '—',
      expect.stringMatching(/^\d+$/),
      expect.stringMatching(/^\d+$/),
    ]);
    expect(await page.locator('.span-bars').count()).toBe(3);
    expect(await page.locator('.pyramid').count()).toBe(3);
    expect(await page.locator('.pyramid').first().locator('.pyramid-row').count()).toBeGreaterThanOrEqual(4);
  });

  it('simulates both seeded plans and draws p10–p90 bands and the p50 line over quarters', async () => {
    await waitForBands(page, 2);
    const paths = await page
      .locator('.band-chart .band-area')
      .evaluateAll((els) => els.map((e) => e.getAttribute('d') ?? ''));
    for (const d of paths) expect(d).toMatch(/^M[\d.,L]+Z$/);
    expect(await page.locator('.band-chart .band-line').count()).toBe(4);
    // 8 quarters plus the start for the growth plan, 4 plus the start for the freeze, in each chart.
    expect(await page.locator('.band-chart .band-dot').count()).toBe(2 * (9 + 5));
    const ticks = await page
      .locator('.band-chart')
      .first()
      .locator('.band-x-axis text')
      .evaluateAll((els) => els.map((e) => e.textContent));
    expect(ticks[0]).toBe('2026 Q4');
    expect(ticks.at(-1)).toBe('2028 Q4');
    const rows = await page.locator('.sim-table tbody tr').allInnerTexts();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Aggressive growth, higher attrition');
    expect(rows[1]).toContain('Hiring freeze');
    expect(rows[0]).toMatch(/\+\d+/);
    expect(rows[1]).toMatch(/−\d+/);
    // The whole view in one picture: as tall as its scrolling body's content.
    const needed = await page.evaluate(() => {
      const body = document.querySelector('.compare-body')!;
      return Math.ceil(body.getBoundingClientRect().top + body.scrollHeight);
    });
    await page.setViewportSize({ width: 1440, height: needed });
    await page.waitForTimeout(300);
    await shoot(page, 'compare');
    await page.setViewportSize({ width: 1440, height: 900 });
  });

  it('exports the comparison table as CSV, formulas defused', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .locator('#metrics-title')
        .locator('xpath=../..')
        .getByRole('button', { name: 'Export CSV' })
        .click(),
    ]);
    expect(download.suggestedFilename()).toBe('scaleup-comparison.csv');
    const text = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe(
      'Group,Metric,Baseline,Merge payment risk into payments,Δ Merge payment risk into payments,Checkout reports to the VP,Δ Checkout reports to the VP',
    );
    const { people } = (await apiComparison()).comparison.baseline.metrics;
    expect(lines).toContain(`Headcount and cost,Headcount,${people},${people},0,${people},0`);
    expect(lines.some((l) => l.startsWith('Layers,People in layer 1,1,1,0'))).toBe(true);
  });

  it('re-runs the plans on the baseline when asked', async () => {
    await page.getByRole('combobox', { name: 'Simulate on' }).selectOption('baseline');
    await expect
      .poll(() => page.locator('.sim-legend').textContent(), { timeout: 60_000 })
      .toContain('on Baseline (Orbitmart');
    await waitForBands(page, 2);
  });

  it('has no serious or critical axe-core violations, and raised no page errors', async () => {
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
