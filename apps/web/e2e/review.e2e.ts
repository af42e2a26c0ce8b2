import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { apiFetch, launchBrowser, SCREENSHOTS, shoot } from './browser';

/**
 * Comments, approval and adoption end to end (issue 14, items 3–5), with two browser contexts
 * signed in as two users: a director (editor) and an HR partner (hr). The director comments with
 * an @mention; it appears for the HR partner; the director submits the scenario for approval to
 * her; she approves it and adopts it; the change list CSV lists exactly the two moved people.
 * The suite imports its own copy of the startup org, so adopting it changes no other file's data.
 */
const baseUrl = inject('baseUrl');
const noSignIn = (await apiFetch('/api/me')).status === 404;
if (noSignIn) console.log('review.e2e: skipped: GET /api/me answers 404 (this server has no sign-in)');

const ORG = 'review-e2e';
const DIRECTOR = 'director-review@example.com';
const HR = 'hrp-review@example.com';
// Yusuf (E110) moves from Jae-won's Payments to Kofi's Growth; Emeka (E137) from Risk to Mobile.
const OPS = [
  { type: 'changeManager', personId: 'E110', managerId: 'E112' },
  { type: 'assignTeam', personId: 'E110', teamId: 'growth' },
  { type: 'changeManager', personId: 'E137', managerId: 'E127' },
  { type: 'assignTeam', personId: 'E137', teamId: 'mobile' },
];

let browser: Browser;
const contexts: BrowserContext[] = [];
const errors: string[] = [];
let scenarioId = '';
let otherId = '';

async function json<T>(res: Response, status: number): Promise<T> {
  expect(res.status, await res.clone().text()).toBe(status);
  return (await res.json()) as T;
}

const post = (path: string, body: unknown) =>
  apiFetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** A page of a fresh context, signed in with the user's one-time link. */
async function signedInPage(signInLink: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  const u = new URL(signInLink, baseUrl);
  await page.goto(new URL(u.pathname + u.search, baseUrl).toString());
  await page.waitForLoadState('networkidle');
  return page;
}

beforeAll(async () => {
  if (noSignIn) return;
  const startup = JSON.parse(
    readFileSync(new URL('../../../fixtures/orgs/startup.json', import.meta.url), 'utf8'),
  ) as Record<string, unknown>;
  await json(await post('/api/orgs', { ...startup, id: ORG, name: 'Review Co' }), 201);
  const director = await json<{ signInLink: string }>(
    await post('/api/users', { email: DIRECTOR, role: 'editor', orgId: ORG }),
    201,
  );
  const hr = await json<{ signInLink: string }>(
    await post('/api/users', { email: HR, role: 'hr', orgId: ORG }),
    201,
  );
  const created = await json<{ id: string }>(
    await post(`/api/orgs/${ORG}/scenarios`, { name: 'Q3 team moves', visibility: 'org', ops: OPS }),
    201,
  );
  scenarioId = created.id;
  // Another scenario on the same baseline: Deepa to Jae-won (still fine after the adoption) and
  // Kofi under Yusuf (a loop once Yusuf reports to Kofi).
  otherId = (
    await json<{ id: string }>(
      await post(`/api/orgs/${ORG}/scenarios`, {
        name: 'Growth under Yusuf',
        visibility: 'org',
        ops: [
          { type: 'changeManager', personId: 'E138', managerId: 'E105' },
          { type: 'changeManager', personId: 'E112', managerId: 'E110' },
        ],
      }),
      201,
    )
  ).id;
  browser = await launchBrowser();
  directorPage = await signedInPage(director.signInLink);
  hrPage = await signedInPage(hr.signInLink);
});

let directorPage: Page;
let hrPage: Page;

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
});

const chart = () => `${baseUrl}/orgs/${ORG}/scenarios/${scenarioId}/chart`;
const panel = (p: Page) => p.locator('.review-panel');

async function openPanel(p: Page): Promise<void> {
  await p.goto(chart());
  await p.waitForSelector('.person-card');
  await p.getByRole('button', { name: /^Review/ }).click();
  await p.waitForSelector('.review-panel');
}

describe.skipIf(noSignIn)('comments, approval and adoption with two users', () => {
  it('shows a comment with an @mention to the other user, with a badge on the card', async () => {
    await openPanel(directorPage);
    await openPanel(hrPage);
    // The director selects Yusuf and comments on him, mentioning the HR partner.
    await directorPage.locator('.person-card[data-person-id="E110"]').first().click();
    await directorPage.selectOption('#comment-subject', 'selected');
    await directorPage.fill(
      '.comment-input',
      'Yusuf moves to Growth in Q3: @hrp-review please check the level',
    );
    await directorPage.getByRole('button', { name: 'Post comment' }).click();
    await expect.poll(() => directorPage.locator('.comment').count()).toBe(1);
    // It reaches the HR partner's open page without a reload, with the mention marked.
    const theirs = panel(hrPage).locator('.comment');
    // Through the live feed: well before the 15 s safety-net poll.
    await expect.poll(() => theirs.count(), { timeout: 5_000 }).toBe(1);
    expect(await theirs.locator('.mention').textContent()).toBe('@hrp-review');
    await expect
      .poll(() => hrPage.locator('.toast').textContent())
      .toBe(`${DIRECTOR} mentioned you in a comment`);
    expect(await theirs.locator('.comment-head').textContent()).toContain('Yusuf Quinn');
    await expect
      .poll(() => hrPage.locator('.person-card[data-person-id="E110"] .comment-flag').count(), {
        timeout: 15_000,
      })
      .toBe(1);
    const stored = await json<{ comments: { mentions: string[]; subject: unknown }[] }>(
      await apiFetch(`/api/scenarios/${scenarioId}/comments`),
      200,
    );
    expect(stored.comments[0]).toMatchObject({ mentions: [HR], subject: { kind: 'person', id: 'E110' } });
    await shoot(hrPage, 'review-panel');
    await hrPage
      .locator('.person-card[data-person-id="E110"]')
      .first()
      .screenshot({ path: new URL('review-card-badge.png', SCREENSHOTS).pathname });
  });

  it('submits for approval, the named approver approves, and the state shows in the lists', async () => {
    await panel(directorPage).locator('#approvers').fill(HR);
    await panel(directorPage).getByRole('button', { name: 'Submit for approval' }).click();
    await expect
      .poll(() => panel(directorPage).locator('[data-review-state]').first().textContent())
      .toBe('In review');
    // The director is not an approver: no Approve button for her.
    expect(await panel(directorPage).getByRole('button', { name: 'Approve' }).count()).toBe(0);
    const approve = panel(hrPage).getByRole('button', { name: 'Approve' });
    await expect.poll(() => approve.count(), { timeout: 15_000 }).toBe(1);
    await panel(hrPage).getByLabel('Comment on your decision').fill('Levels check out');
    await approve.click();
    await expect
      .poll(() => panel(hrPage).locator('[data-review-state]').first().textContent())
      .toBe('Approved');
    await expect
      .poll(() => panel(directorPage).locator('[data-review-state]').first().textContent(), {
        timeout: 15_000,
      })
      .toBe('Approved');
    await directorPage.goto(`${baseUrl}/orgs/${ORG}`);
    const card = directorPage.locator('.org-card', { hasText: 'Q3 team moves' });
    await expect.poll(() => card.locator('[data-review-state]').textContent()).toBe('Approved');
  });

  it('adopts it as the new baseline, and the change list CSV lists exactly the moved people', async () => {
    await panel(hrPage)
      .getByRole('button', { name: /Adopt as the new baseline/ })
      .click();
    const dialog = hrPage.locator('.adopt-dialog');
    await dialog.locator('#effective-date').fill('2026-07-01');
    await expect.poll(() => dialog.locator('.adopt-table tbody tr').count()).toBe(2);
    expect(await dialog.locator('.announcements').textContent()).toContain('1 joins your team (Yusuf Quinn)');
    await shoot(hrPage, 'review-adopt');
    await dialog.getByRole('button', { name: 'Adopt', exact: true }).click();
    await expect.poll(() => dialog.getByTestId('adopted').textContent()).toContain('Baseline 2');
    // The CSV as the HR partner downloads it (her session, the dialog's link).
    const href = (await dialog.getByRole('link', { name: 'Workday CSV' }).getAttribute('href')) as string;
    const csv = await hrPage.evaluate(async (url) => (await fetch(url)).text(), href);
    const lines = csv.trim().split('\r\n');
    expect(lines[0].split(',').slice(0, 7)).toEqual([
      'Employee ID',
      'Worker',
      'Effective Date',
      'Reason',
      'Manager Employee ID',
      'Manager',
      'Supervisory Organization',
    ]);
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(['E110', 'E137']);
    expect(lines[1]).toContain('2026-07-01');
    await expect
      .poll(() => panel(hrPage).locator('[data-review-state]').first().textContent())
      .toBe('Adopted');
    // The org's baseline is the adopted state.
    const org = await json<{ org: { people: { id: string; managerId: string | null }[] } }>(
      await apiFetch(`/api/orgs/${ORG}`),
      200,
    );
    expect(org.org.people.find((p) => p.id === 'E110')?.managerId).toBe('E112');
    expect(errors).toEqual([]);
  });

  it('offers the other scenario a rebase onto the new baseline, with its conflict named by op', async () => {
    await directorPage.goto(`${baseUrl}/orgs/${ORG}/scenarios/${otherId}/chart`);
    await directorPage.waitForSelector('.person-card');
    await directorPage.getByRole('button', { name: /^Review/ }).click();
    const section = directorPage.locator('.rebase-section');
    await expect.poll(() => section.count()).toBe(1);
    expect(await section.textContent()).toContain('1 of its ops still apply and 1 conflict');
    expect(await section.locator('.conflict-list li').textContent()).toMatch(/^Op 2 \(changeManager\): /);
    await shoot(directorPage, 'review-rebase');
    await section.getByRole('button', { name: 'Rebase into a new scenario' }).click();
    await expect
      .poll(() => new URL(directorPage.url()).pathname)
      .toMatch(new RegExp(`/scenarios/${otherId}-b2-`));
    await directorPage.waitForSelector('.person-card');
    const s = await directorPage.evaluate(
      () =>
        (
          window as unknown as { __reorg: { session: { getState(): { scenarioName: string } } } }
        ).__reorg.session.getState().scenarioName,
    );
    expect(s).toBe('Growth under Yusuf (rebased)');
    expect(errors).toEqual([]);
  });
});
