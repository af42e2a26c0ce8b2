import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiFetch, axeViolations, launchBrowser, newAppContext, shoot } from './browser';

/**
 * The VP's story of issue 12 on the scale-up sample: write a headcount plan in the grid (typed and
 * pasted rows), see a cell error, save; duplicate it with a higher attrition; compare both with a
 * budget line and read P(within budget); export CSV and xlsx.
 */
const baseUrl = inject('baseUrl');

let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];
let budget = 0;

/** Pastes text into the focused-to-be cell as a spreadsheet would (a paste event with text/plain). */
async function pasteInto(p: Page, selector: string, text: string): Promise<void> {
  await p.locator(selector).focus();
  await p.locator(selector).evaluate((el, t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

const cell = (row: number, col: number) => `.plan-grid input[data-row="${row}"][data-col="${col}"]`;

beforeAll(async () => {
  browser = await launchBrowser();
  context = await newAppContext(browser, { viewport: { width: 1440, height: 1000 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  // The VP's budget: the scale-up's cost today plus 1.5%, rounded to a hundred thousand.
  const res = await apiFetch('/api/orgs/scaleup');
  const { org } = (await res.json()) as { org: { people: { cost?: number; status: string }[] } };
  const cost = org.people.reduce((s, p) => s + (p.status === 'active' ? (p.cost ?? 0) : 0), 0);
  budget = Math.round((cost * 1.015) / 1e5) * 1e5;
});

/** The plans this file saved on the scale-up sample, deleted at the end (the other files expect its two seeded plans only). */
const SEEDED = new Set(['scaleup-aggressive-growth', 'scaleup-hiring-freeze']);

afterAll(async () => {
  await browser?.close();
  const listed = (await (await apiFetch('/api/orgs/scaleup/plans')).json()) as { plans: { id: string }[] };
  for (const { id } of listed.plans.filter((p) => !SEEDED.has(p.id))) {
    const etag = (await apiFetch(`/api/plans/${id}`)).headers.get('etag') ?? '"1"';
    await apiFetch(`/api/plans/${id}`, { method: 'DELETE', headers: { 'if-match': etag } });
  }
});

describe('a VP writes, duplicates and compares headcount plans', () => {
  let firstId = '';
  let copyId = '';

  it('writes a plan in the grid: typed and pasted rows, a cell error named inline, totals per quarter', async () => {
    await page.goto(`${baseUrl}/orgs/scaleup/compare`);
    await page.getByRole('button', { name: '+ New plan' }).click();
    await page.waitForSelector('#plan-name');
    await page.fill('#plan-name', 'VP plan 2027');
    // A typed row: Tab moves across, like a spreadsheet.
    await page.getByRole('button', { name: '+ Add row' }).click();
    await page.locator(cell(0, 0)).focus();
    for (const value of ['checkout', 'L4', '3', '2027-Q1']) {
      await page.keyboard.type(value);
      await page.keyboard.press('Tab');
    }
    // Rows pasted from a spreadsheet, with a header; "Mobile" is no team of the org.
    await page.getByRole('button', { name: '+ Add row' }).click();
    await pasteInto(
      page,
      cell(1, 0),
      'Team\tLevel\tCount\tQuarter\nsearch\tL3\t4\t2027-Q2\nMobile\tL4\t2\t2027-Q3\npayments\tL5\t2\t2027-Q3\n',
    );
    await expect.poll(() => page.locator('.plan-grid tbody tr').count()).toBe(4);
    const error = page.locator('.plan-grid .cell-error');
    await expect.poll(() => error.allTextContents()).toEqual(['unknown team "Mobile"']);
    await page.fill('#plan-attrition', '15');
    await page.fill('#plan-budget', String(budget));
    await page.locator('#plan-name').scrollIntoViewIfNeeded();
    await shoot(page, 'plans-1-grid-error');
    expect(await axeViolations(page)).toEqual([]);
    // Saving with the error refuses and says why.
    await page.getByRole('button', { name: 'Save plan' }).click();
    await expect.poll(() => page.locator('.form-error').textContent()).toContain('1 cell');
    await page.fill(cell(2, 0), 'orders');
    await expect.poll(() => error.count()).toBe(0);
    expect(await page.getByTestId('plan-total-hires').textContent()).toBe('11');
    await page.getByRole('button', { name: 'Save plan' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('edit')).not.toBe('new');
    firstId = new URL(page.url()).searchParams.get('edit')!;
    await page.waitForSelector('text=revision 1');
    const saved = await (await apiFetch(`/api/plans/${firstId}`)).json();
    expect(saved.plan.hires).toEqual([
      { teamId: 'checkout', level: 'L4', count: 3, quarter: '2027-Q1' },
      { teamId: 'search', level: 'L3', count: 4, quarter: '2027-Q2' },
      { teamId: 'orders', level: 'L4', count: 2, quarter: '2027-Q3' },
      { teamId: 'payments', level: 'L5', count: 2, quarter: '2027-Q3' },
    ]);
    expect(saved.plan.attrition.annualRate).toBe(0.15);
    expect(saved.plan.budget.annualCost).toBe(budget);
  });

  it('imports a rate card from CSV for the hires without a cost, saved on the scenario', async () => {
    await page.locator('.plan-rate-card summary').click();
    await page.locator('.plan-rate-card input[type="file"]').setInputFiles({
      name: 'rates.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('level,location,annualCost\nL3,,165000\nL4,,205000\nL5,,260000\nL9,,1\n'),
    });
    await page.waitForSelector('text=rates.csv: 4 rates read');
    await expect
      .poll(() => page.locator('.rate-card-table .field-error').allTextContents())
      .toEqual(['unknown level "L9"']);
    await page.getByRole('button', { name: 'Remove rate 4' }).click();
    await page.getByLabel('Source of the rates').fill('Finance 2027 bands');
    await page.getByRole('button', { name: 'Save rate card' }).click();
    await page.waitForSelector('text=Rate card saved on the scenario');
    const plan = await (await apiFetch(`/api/plans/${firstId}`)).json();
    const scenario = await (await apiFetch(`/api/scenarios/${plan.scenarioId}`)).json();
    expect(scenario.state.rateCard).toEqual({
      source: 'Finance 2027 bands',
      rates: [
        { level: 'L3', annualCost: 165000 },
        { level: 'L4', annualCost: 205000 },
        { level: 'L5', annualCost: 260000 },
      ],
    });
  });

  it('duplicates it with a higher attrition, saved as a new revision of the copy', async () => {
    await page.getByRole('button', { name: 'Duplicate' }).click();
    await expect.poll(() => new URL(page.url()).searchParams.get('edit')).not.toBe(firstId);
    copyId = new URL(page.url()).searchParams.get('edit')!;
    await page.waitForSelector('text=revision 1');
    expect(await page.inputValue('#plan-name')).toBe('VP plan 2027 (copy)');
    await page.fill('#plan-name', 'VP plan 2027, 25% attrition');
    await page.fill('#plan-attrition', '25');
    // Seniors who move into management fill the manager bench.
    await page.getByRole('button', { name: '+ Move into management for a level' }).click();
    await page.getByLabel('Level of move into management 1').fill('L5');
    await page.getByLabel('Annual move into management of level L5, percent').fill('10');
    await page.getByRole('button', { name: 'Save revision' }).click();
    await page.waitForSelector('text=Saved as revision 2.');
    const copy = await (await apiFetch(`/api/plans/${copyId}`)).json();
    expect(copy).toMatchObject({ name: 'VP plan 2027, 25% attrition', revision: 2 });
    expect(copy.plan.attrition.annualRate).toBe(0.25);
    expect(copy.plan.promotions).toEqual({ intoManagement: { L5: 0.1 } });
  });

  it('compares both with the budget line and reads P(within budget) by the end', async () => {
    await page.getByRole('button', { name: 'Back to compare' }).click();
    await page.waitForSelector('[data-testid="compare-view"] .picker');
    // Pick exactly the two plans.
    await page.goto(`${baseUrl}/orgs/scaleup/compare?plans=${firstId},${copyId}`);
    await page.waitForFunction(() => document.querySelectorAll('.band-chart .band-area').length === 4, null, {
      timeout: 90_000,
    });
    expect(await page.locator('.band-limit[data-limit="budget"]').count()).toBe(2);
    // The hires without a cost came from the rate card, and the view says so.
    expect(await page.locator('.sim-sources').first().textContent()).toContain('the rate card');
    const shares = await page.getByTestId('p-within-budget').allTextContents();
    expect(shares).toHaveLength(2);
    for (const s of shares) expect(s).toMatch(/^(<1%|>99%|\d{1,3}%)$/);
    const pct = (s: string) => (s === '<1%' ? 0.5 : s === '>99%' ? 99.5 : Number(s.replace('%', '')));
    // More attrition, fewer people in post, a lower cost: at least as likely to stay in budget.
    expect(pct(shares[1]!)).toBeGreaterThanOrEqual(pct(shares[0]!));
    await page.evaluate(() => document.querySelector('.band-charts')?.scrollIntoView({ block: 'start' }));
    await shoot(page, 'plans-2-compare-budget');
    expect(await axeViolations(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows progress while a long simulation runs, cancels it, and runs it again', async () => {
    await page.fill('.sim-controls input[type="number"]', '4242'); // a new seed: nothing cached
    await page.selectOption('.sim-controls select >> nth=1', '5000');
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.waitForSelector('text=Cancelled: run it again when you are ready.');
    await page.getByRole('button', { name: 'Run again' }).click();
    await page.waitForSelector('.sim-progress');
    await page.waitForFunction(() => !document.querySelector('.sim-progress'), null, { timeout: 120_000 });
    expect(await page.getByTestId('p-within-budget').count()).toBe(2);
  });

  it('exports the plans and their simulated quarters as CSV and as an xlsx workbook', async () => {
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Plans CSV' }).click(),
    ]);
    const text = readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, '');
    expect(text.split('\n')[0]).toContain('Plan');
    expect(text).toContain('VP plan 2027, 25% attrition');
    expect(text).toContain('P(within budget)');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Plans xlsx' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toBe('scaleup-headcount-plans.xlsx');
    const bytes = readFileSync(await xlsx.path());
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK'); // a zip: the xlsx container
  });
});
