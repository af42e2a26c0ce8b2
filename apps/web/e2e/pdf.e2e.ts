import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, newAppContext, shoot } from './browser';

/**
 * The chart as a PDF handout, on the scale-up sample's "Merge payment risk" scenario: Tariq
 * Farouk's part of the org (4 engineering managers, 36 people) on A4 landscape.
 */
const baseUrl = inject('baseUrl');
const PDFTOTEXT = '/usr/bin/pdftotext';
const TARIQ = 'E1004';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await newAppContext(browser, {
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
});

async function exportPdf(): Promise<string> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download PDF' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  return download.path();
}

describe('the chart as a PDF', () => {
  it('offers the selected manager’s part of the org, with its page count', async () => {
    await page.goto(`${baseUrl}/orgs/scaleup/scenarios/scaleup-merge-payments?person=${TARIQ}`);
    await page.getByRole('heading', { name: 'Tariq Farouk' }).waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'Chart as PDF…' }).click();
    await expect.poll(() => page.getByLabel('Tariq Farouk and everyone below').isChecked()).toBe(true);
    // Tariq's page holds his 4 EMs; three of them have 7–11 reports (over 6): a page each.
    expect(await page.getByTestId('pdf-page-count').textContent()).toBe('4 pages');
    await shoot(page, 'pdf-dialog');
  });

  it.skipIf(!existsSync(PDFTOTEXT))(
    'downloads a real PDF: 4 pages, the names as text, page numbers',
    async () => {
      const file = await exportPdf();
      const text = execFileSync(PDFTOTEXT, ['-layout', file, '-']).toString();
      const pages = text.split('\f').filter((p) => p.trim());
      expect(pages).toHaveLength(4);
      expect(pages[0]).toContain('Tariq Farouk');
      expect(pages[0]).toContain('Lucia Hansen › Priya Schmidt ›');
      expect(pages[0]).toContain('continued on page 2');
      expect(pages[1]).toContain('Bilal Fischer');
      expect(pages[3]).toContain('Page 4 of 4');
    },
  );

  it('counts the pages of the whole org on A3', async () => {
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: 'Chart as PDF…' }).click();
    await page.getByLabel('The whole org').check();
    const a4 = Number((await page.getByTestId('pdf-page-count').textContent())?.split(' ')[0]);
    await page.getByLabel('Paper').selectOption('a3');
    const a3 = Number((await page.getByTestId('pdf-page-count').textContent())?.split(' ')[0]);
    expect(a4).toBeGreaterThan(10);
    expect(a3).toBeLessThanOrEqual(a4);
    await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  });
});
