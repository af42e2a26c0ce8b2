import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { describeWithData, thirdPartyPath } from '../../../fixtures/third-party-tests';
import { apiFetch, dragTo, launchBrowser, sessionState, shoot, waitSaved } from './browser';
import { analysed, bringIntoView, centreOf, findingKeys, findMe, undoSteps } from './chart-helpers';

/**
 * A newcomer's first hour, end to end on real input: import the UK Department of Health
 * organogram (senior + junior files, read from ../shared/data, never copied) through the UI, see
 * its findings, create a scenario, move a Deputy Director with their reports to another Director
 * by drag, add two open reqs, watch the span and ladder findings change, save, compare with the
 * baseline, simulate a headcount plan, export PNG and CSV. The tests run in order and share one
 * page; screenshots go to e2e/screenshots/story-*.png (the README's walkthrough).
 */
const baseUrl = inject('baseUrl');
const DH_SENIOR = thirdPartyPath('uk_organograms/011013-DH---Organogram-senior.csv');
const DH_JUNIOR = thirdPartyPath('uk_organograms/011013-DH---Organogram-junior.csv');

/**
 * Deputy Director - Senior Economic Advisor under Giles Denham (a Director over his span): 6
 * junior records below (9 posts by FTE).
 */
const MOVED = 'SF-MPI-100';
const GILES_DENHAM = 'SF-MPI-28';
const PETER_COATES = 'SF-PICD-33';
/** Deputy Director Compassionate Care: a post with no reports, under Jamie Rentoul (under his span). */
const COMPASSIONATE_CARE = 'SER014';
/** SER014's name is withheld (N/D) in the file: the app shows the post's title instead. */
const COMPASSIONATE_CARE_TITLE = 'Deputy Director Compassionate Care';
const JAMIE_RENTOUL = 'SER011';

/** A headcount plan for the scenario: ten policy hires in 2014, 10% annual attrition (a stated assumption). */
const PLAN_NAME = 'Policy hiring 2014';
const PLAN = {
  quarters: 8,
  startQuarter: '2014-Q1',
  attrition: { annualRate: 0.1 },
  hires: [
    { teamId: 'strategy-and-external-relations', level: 'HEO', count: 6, quarter: '2014-Q1' },
    { teamId: 'finance-nhs-directorate', level: 'SEO', count: 4, quarter: '2014-Q2' },
  ],
};

let browser: Browser;
let page: Page;
let orgId: string;
let scenarioId: string;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  // No API token here: the newcomer signs in with the link `npm start` printed.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
});

describeWithData("a newcomer's first hour on the Department of Health organogram", () => {
  it('signs in with the one-time link the first start printed, and lands on the sample orgs', async () => {
    const link = inject('signInLink');
    expect(link).toMatch(/\/signin\?token=/);
    await page.goto(baseUrl);
    await expect.poll(() => new URL(page.url()).pathname).toBe('/signin');
    await page.goto(link);
    await expect.poll(() => new URL(page.url()).pathname).not.toBe('/signin');
    await expect.poll(async () => (await page.request.get(`${baseUrl}/api/me`)).status()).toBe(200);
    await page.goto(link); // used once: a second visit is refused
    await expect.poll(() => new URL(page.url()).search).toContain('error=');
  });

  it('imports the senior and junior files from the start page, checked in the browser first', async () => {
    await page.goto(baseUrl);
    await page.getByRole('main').getByRole('button', { name: 'Import org' }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/import');
    await page.setInputFiles('[data-testid="import-files"]', [DH_SENIOR, DH_JUNIOR]);
    const cards = page.locator('.file-card');
    await expect.poll(() => cards.count()).toBe(2);
    const described = await cards.allTextContents();
    expect(described[0]).toMatch(/UK organogram: senior posts · 173 rows · 20 columns/);
    expect(described[1]).toMatch(/UK organogram: junior posts \(counts by grade\) · 976 rows · 11 columns/);
    await page.fill('#import-as-of', '2013-10-01');
    const counts = page.getByTestId('check-counts');
    await expect.poll(() => counts.textContent()).toContain('as of 2013-10-01');
    expect(await counts.textContent()).toBe(
      'Department of Health: 173 people · 6 open or planned · 976 posts counted by FTE · 8 teams and groups, as of 2013-10-01.',
    );
    await page.locator('#import-as-of').blur();
    await shoot(page, 'story-1-import');

    // Record the progress the page shows while it uploads and the server imports.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progress: string[] }).__progress = seen;
      new MutationObserver(() => {
        const text = document.querySelector('.progress-text')?.textContent;
        if (text && seen.at(-1) !== text) seen.push(text);
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByRole('button', { name: 'Import organogram' }).click();
    await page.waitForURL(/\/orgs\/department-of-health/);
    orgId = decodeURIComponent(new URL(page.url()).pathname.split('/')[2]);
    const progress = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    // Uploading (bytes sent), then the server's import and analysis; on loopback the steps can be
    // too quick for every one to be painted, so only their order is checked.
    expect(progress.length).toBeGreaterThan(0);
    const order = progress.map((t) =>
      t.startsWith('Uploading') ? 1 : t === 'Importing and analysing…' ? 2 : 0,
    );
    expect(order).not.toContain(0);
    expect([...order].sort()).toEqual(order);
  });

  it('opens the org with the findings of its baseline', async () => {
    await page.waitForSelector('.baseline .rule-row');
    expect(await page.getByTestId('baseline-severities').textContent()).toBe('1 error4 warnings149 info');
    const rules = await page.$$eval('.rule-row', (els) =>
      els.map((e) => `${(e as HTMLElement).dataset.code} ${e.querySelector('.rule-count')?.textContent}`),
    );
    expect(rules.slice(0, 6)).toEqual([
      'ladder.level_unknown 1',
      'span.under 2',
      'span.over 1',
      'span.single 1',
      'span.critical 53',
      'ladder.manager_without_reports 40',
    ]);
    const stored = (await (await apiFetch(`/api/orgs/${orgId}`)).json()) as {
      summary: { people: number; aggregates: number; asOf: string };
    };
    expect(stored.summary).toMatchObject({ people: 173, aggregates: 976, asOf: '2013-10-01' });
    await shoot(page, 'story-2-org');
  });

  it('creates a scenario and opens its chart', async () => {
    await page.getByRole('button', { name: 'New scenario' }).click();
    await page.fill('#scenario-name', 'Economics to Procurement, two policy reqs');
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.waitForSelector('.person-card');
    scenarioId = decodeURIComponent(new URL(page.url()).pathname.split('/')[4]);
    await analysed(page);
    expect((await sessionState(page)).revision).toBe(1);
    await shoot(page, 'story-3-scenario');
  });

  it('moves a Deputy Director with their reports to another Director by drag; the span findings change', async () => {
    const before = await sessionState(page);
    expect(before.managerOf[MOVED]).toBe(GILES_DENHAM);
    expect(before.spanFindings).toContain(`span.over:${GILES_DENHAM}`);
    const reportsOfMoved = Object.entries(before.managerOf)
      .filter(([, m]) => m === MOVED)
      .map(([id]) => id);
    expect(reportsOfMoved).toHaveLength(6);

    await findMe(page, 'Giles Denham', 'Giles Denham');
    const from = `.person-card[data-person-id="${MOVED}"]`;
    const to = `.person-card[data-person-id="${PETER_COATES}"]`;
    await bringIntoView(page, [from, to]);
    await dragTo(page, await centreOf(page, from), await centreOf(page, to));

    await analysed(page);
    const after = await sessionState(page);
    expect(after.managerOf[MOVED]).toBe(PETER_COATES);
    for (const id of reportsOfMoved) expect(after.managerOf[id]).toBe(MOVED);
    expect(after.spanFindings).not.toContain(`span.over:${GILES_DENHAM}`);
    expect(after.spanFindings.filter((f) => f.endsWith(`:${PETER_COATES}`))).toEqual([]);
    expect(await undoSteps(page)).toBe(1);

    await findMe(page, 'Peter Coates', 'Peter Coates');
    await page.getByRole('button', { name: 'Fit the whole chart' }).click();
    await page.waitForTimeout(400);
    await shoot(page, 'story-4-moved');
  });

  it('adds two open reqs under a Deputy Director with no team; span and ladder findings change', async () => {
    await findMe(page, 'Compassionate Care', COMPASSIONATE_CARE_TITLE);
    await expect.poll(() => page.locator('#inspector-name').textContent()).toBe(COMPASSIONATE_CARE_TITLE);
    const before = await findingKeys(page);
    expect(before).toContain(`ladder.manager_without_reports:${COMPASSIONATE_CARE}`);
    expect(before).toContain(`span.under:${JAMIE_RENTOUL}`);
    expect(before.filter((f) => f.endsWith(`:${COMPASSIONATE_CARE}`) && f.startsWith('span.'))).toEqual([]);

    const addReq = async (title: string) => {
      await page.getByRole('button', { name: 'Add open req' }).click();
      await page.fill('#req-title', title);
      await page.locator('form.inline-form').getByRole('button', { name: 'Add open req' }).click();
      await analysed(page);
    };
    await addReq('Policy Lead, Compassionate Care');
    const one = await findingKeys(page);
    expect(one).toContain(`span.single:${COMPASSIONATE_CARE}`);
    expect(one).not.toContain(`ladder.manager_without_reports:${COMPASSIONATE_CARE}`);

    await addReq('Policy Adviser, Compassionate Care');
    const two = await findingKeys(page);
    expect(two).not.toContain(`span.single:${COMPASSIONATE_CARE}`);
    expect(two).toContain(`span.under:${COMPASSIONATE_CARE}`);
    // Compassionate Care now manages people, so Jamie Rentoul has 4 managers reporting: in target.
    expect(two).not.toContain(`span.under:${JAMIE_RENTOUL}`);
    expect(await undoSteps(page)).toBe(3);
    await shoot(page, 'story-5-reqs');

    await page.getByRole('button', { name: 'Career ladder' }).click();
    await page.waitForSelector('.ladder-view');
    await page.waitForTimeout(400);
    await shoot(page, 'story-6-ladder');
  });

  it('saves the changes as a new revision (If-Match)', async () => {
    const save = page.getByRole('button', { name: 'Save', exact: true });
    if (await save.isEnabled()) await save.click();
    await waitSaved(page);
    const doc = (await (await apiFetch(`/api/scenarios/${scenarioId}`)).json()) as {
      revision: number;
      state: { people: { id: string; managerId: string | null; status: string; title?: string }[] };
    };
    expect(doc.revision).toBeGreaterThanOrEqual(2);
    const byId = new Map(doc.state.people.map((p) => [p.id, p]));
    expect(byId.get(MOVED)?.managerId).toBe(PETER_COATES);
    const reqs = doc.state.people.filter((p) => p.managerId === COMPASSIONATE_CARE);
    expect(reqs.map((p) => [p.status, p.title]).sort()).toEqual([
      ['open', 'Policy Adviser, Compassionate Care'],
      ['open', 'Policy Lead, Compassionate Care'],
    ]);
  });

  it('compares the scenario with the baseline: who changes manager', async () => {
    // The diff names who moves; the compare view counts them beside every other metric.
    const res = await apiFetch(`/api/compare?ids=${encodeURIComponent(scenarioId)}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      comparison: {
        scenarios: {
          diff: {
            people: {
              managerChanged: { id: string; fromName?: string; toName?: string }[];
              added: unknown[];
            };
            disruption: { managerChanged: number };
          };
        }[];
      };
    };
    const diff = body.comparison.scenarios[0].diff;
    expect(diff.people.managerChanged).toEqual([
      expect.objectContaining({ id: MOVED, fromName: 'Giles Denham', toName: 'Peter Coates' }),
    ]);
    expect(diff.disruption.managerChanged).toBe(1);
    expect(diff.people.added).toHaveLength(2);

    await page.getByRole('button', { name: 'Revisions' }).click();
    await page.waitForSelector('.revision');
    const saved = await page.locator('.revision-ops').allTextContents();
    // In words, with names (an unnamed post by its title), never the id.
    expect(saved.join(' ')).toMatch(/Moved [^,]+ under Peter Coates/);
    expect(saved.join(' ')).not.toContain(MOVED);
    await shoot(page, 'story-7-revisions');

    // A headcount plan saved with the scenario (there is no plan editor in the app yet: plans are
    // JSON, like fixtures/plans/*.json), so that the compare view can simulate it below.
    const plan = await apiFetch(`/api/scenarios/${encodeURIComponent(scenarioId)}/plans`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: PLAN_NAME, plan: PLAN }),
    });
    expect(plan.status).toBe(201);

    await page.getByRole('button', { name: 'Compare scenarios' }).click();
    await page.waitForSelector('[data-testid="compare-view"] .metrics-table');
    const moved = page.locator('td[data-metric="managerChanged"] .metric-value');
    await expect.poll(() => moved.allTextContents()).toEqual(['—', '1']);
    // The view's address picks the scenario and the plan: a link to share. Open it as a colleague would.
    const link = new URL(page.url());
    expect(link.searchParams.get('scenarios')).toBe(scenarioId);
    expect(link.searchParams.get('plans')).toBeTruthy();
    await page.goto(link.href);
    await page.waitForSelector('[data-testid="compare-view"] .metrics-table');
    await expect.poll(() => moved.allTextContents()).toEqual(['—', '1']);
    const headcount = page.locator('td[data-metric="people"] .metric-value');
    expect(await headcount.allTextContents()).toEqual(['173', '175']);
    await page.locator('td[data-metric="managerChanged"]').last().scrollIntoViewIfNeeded();
    await shoot(page, 'story-8-compare');
  });

  it('simulates the headcount plan over eight quarters', async () => {
    const row = page.locator('.sim-table tbody tr').filter({ hasText: PLAN_NAME });
    await row.waitFor();
    const cells = await row.locator('td').allTextContents();
    // Simulated on the scenario it is saved with. Headcount counts posts by FTE (about 1,960 at
    // the start); the end is a p10–p50–p90 band over the Monte Carlo runs (seed 1).
    expect(cells[0]).toBe('Economics to Procurement, two policy reqs');
    const [p50, p10, p90] = /^([\d,]+)p10–p90: ([\d,]+) – ([\d,]+)$/
      .exec(cells[1])!
      .slice(1)
      .map((x) => Number(x.replace(/,/g, '')));
    expect(p10).toBeLessThanOrEqual(p50);
    expect(p50).toBeLessThanOrEqual(p90);
    expect(p50).toBeGreaterThan(1800);
    expect(p50).toBeLessThan(2100);
    await page.locator('#sim-title').scrollIntoViewIfNeeded();
    await shoot(page, 'story-9-simulation');
  });

  it('exports the view as PNG and the org as CSV', async () => {
    await page.getByRole('button', { name: 'Open scenario' }).click();
    await page.waitForSelector('.person-card');
    await page.getByRole('button', { name: 'Export' }).click();
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'View as PNG' }).click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/\.png$/);
    expect(
      readFileSync(await png.path())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    await page.getByRole('button', { name: 'Export' }).click();
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Org as CSV' }).click(),
    ]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const lines = readFileSync(await csv.path(), 'utf8')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toMatch(/^Employee ID,Name,Title,Email,Level,Manager ID,Manager Name,/);
    expect(lines).toHaveLength(1 + 173 + 976 + 2);
    const moved = lines.find((l) => l.startsWith(`${MOVED},`));
    expect(moved).toContain(`,${PETER_COATES},Peter Coates,`);
    expect(lines.filter((l) => l.includes(`,${COMPASSIONATE_CARE},`) && l.includes(',open,'))).toHaveLength(
      2,
    );
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
