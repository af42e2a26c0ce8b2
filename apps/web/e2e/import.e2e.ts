import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { itWithData, thirdPartyPath } from '../../../fixtures/third-party-tests';
import { apiFetch, axeViolations, launchBrowser, newAppPage, shoot } from './browser';

/**
 * Importing from the UI: GitLab's public team page (an HRIS-style CSV read from ../shared/data)
 * with the manager column changed in the mapping preview; row errors listed before anything is
 * uploaded; a refusal of the server (problem+json) listed plainly.
 */
const baseUrl = inject('baseUrl');
const GITLAB = thirdPartyPath('gitlab/gitlab_team_members_2022-11.csv');
const STARTUP_JSON = fileURLToPath(new URL('../../../fixtures/orgs/startup.json', import.meta.url));
const IMPORTS = (p: string) => fileURLToPath(new URL(`../../../fixtures/imports/${p}`, import.meta.url));

let browser: Browser;
let page: Page;
const errors: string[] = [];

async function openImport(p: Page): Promise<void> {
  await p.goto(baseUrl);
  await p.getByRole('navigation').getByRole('button', { name: 'Import org' }).click();
  await p.waitForSelector('.drop-zone');
}

beforeAll(async () => {
  browser = await launchBrowser();
  page = await newAppPage(browser, { viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
});

afterAll(async () => {
  await browser?.close();
});

describe('importing from the UI', () => {
  itWithData("imports GitLab's team page with the manager read from another column", async () => {
    await openImport(page);
    await page.setInputFiles('[data-testid="import-files"]', GITLAB);
    await page.waitForSelector('.mapping-table');
    expect(await page.locator('.file-card').textContent()).toMatch(
      /gitlab_team_members_2022-11\.csv.*HRIS export \(one row per person\) · 1,368 rows · 10 columns/,
    );
    const manager = page.getByLabel('Column for Manager', { exact: true });
    expect(await manager.inputValue()).toBe('reports_to');
    expect(await page.getByLabel('Column for Employee id').inputValue()).toBe('slug');
    expect(await page.locator('.unmatched').textContent()).toBe(
      'Not read: "gitlab_handle", "placeholder", "job_family_path", "reports_to_resolved", "resolution"',
    );

    // reports_to names 450 managers who are not in the file; reports_to_resolved leaves them blank.
    await manager.selectOption('reports_to_resolved');
    expect(await page.locator('tr[data-field="manager"] .chip-changed').textContent()).toBe('Changed');
    expect(await page.locator('.unmatched').textContent()).toBe(
      'Not read: "gitlab_handle", "placeholder", "job_family_path", "reports_to", "resolution"',
    );
    const previewHead = await page.locator('.preview-table thead').textContent();
    expect(previewHead).toContain('Managerreports_to_resolved');
    await page.fill('#import-name', 'GitLab team, Nov 2022');
    await page.fill('#import-as-of', '2022-11-11');
    const counts = page.getByTestId('check-counts');
    await expect
      .poll(() => counts.textContent())
      .toBe(
        'GitLab team, Nov 2022: 1,368 people · 32 open or planned · 268 teams and groups, as of 2022-11-11.',
      );
    await page.locator('#import-as-of').blur();
    await shoot(page, 'story-gitlab-mapping');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('main').getByRole('button', { name: 'Import org', exact: true }).click();
    await page.waitForURL(/\/orgs\/gitlab-team-nov-2022(-\d+)?$/);
    const orgId = new URL(page.url()).pathname.split('/')[2];
    await page.waitForSelector('.baseline .rule-row');
    expect(await page.getByTestId('baseline-severities').textContent()).toBe('1 error585 warnings49 info');
    const codes = await page.$$eval('.rule-row', (els) => els.map((e) => (e as HTMLElement).dataset.code));
    expect(codes).toContain('graph.multiple_roots');
    expect(codes).not.toContain('graph.dangling_manager');
    expect(await axeViolations(page)).toEqual([]);

    const doc = (await (await apiFetch(`/api/orgs/${orgId}`)).json()) as {
      name: string;
      summary: { asOf: string };
      org: { people: { id: string; managerId: string | null }[] };
    };
    expect([doc.name, doc.summary.asOf]).toEqual(['GitLab team, Nov 2022', '2022-11-11']);
    const managerOf = new Map(doc.org.people.map((p) => [p.id, p.managerId]));
    expect(managerOf.get('3mm4')).toBeNull(); // reports_to "hailey-p", unresolved
    expect(managerOf.get('aakriti.gupta')).toBe('juan-silva');
  });

  it('lists row errors with their row and column, and uploads nothing (axe-core finds no serious issue)', async () => {
    await openImport(page);
    const csv = [
      'Employee ID,Name,Job Title,Manager ID,Level,Annual Cost,Start Date',
      'p1,Pat,CTO,,M7,250000,2020-01-01',
      'p2,Sam,Engineering Manager,p1,M5,lots,2021-02-30',
      ',Kim,Engineer,p2,L4,120000,2022-01-01',
    ].join('\n');
    await page.setInputFiles('[data-testid="import-files"]', {
      name: 'people-with-errors.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(csv),
    });
    const table = page.getByRole('table', { name: 'Errors found in the files' });
    await table.waitFor();
    const rows = await table
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    expect(rows).toEqual([
      ['people-with-errors.csv', '3', 'Annual Cost', '"lots" is not a number'],
      ['people-with-errors.csv', '4', 'Employee ID', 'missing employee id'],
    ]);
    // A date that cannot be read (2021-02-30) is a warning on its row, not an error.
    expect(await page.locator('#check-title').textContent()).toBe('2 problems to fix before importing');
    expect(
      await page.getByRole('main').getByRole('button', { name: 'Import org', exact: true }).isDisabled(),
    ).toBe(true);
    await page.locator('.check-failed').scrollIntoViewIfNeeded();
    await shoot(page, 'story-import-errors');
    expect(await axeViolations(page)).toEqual([]);
  });

  it("lists the server's refusal plainly (an org document whose id is taken)", async () => {
    await openImport(page);
    await page.setInputFiles('[data-testid="import-files"]', STARTUP_JSON);
    await page.waitForSelector('.check-ok');
    await page.getByRole('main').getByRole('button', { name: 'Import org', exact: true }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('The server refused the import: Org exists');
    expect(await alert.textContent()).toContain('HTTP 409');
    expect(await alert.textContent()).toContain('an org with id "startup" exists');
  });

  it('reads a d3-org-chart CSV (id, parentId, name, lastName) with parentId as the manager', async () => {
    await openImport(page);
    await page.setInputFiles('[data-testid="import-files"]', IMPORTS('d3-org-chart-like.csv'));
    await page.waitForSelector('.mapping-table');
    expect(await page.getByLabel('Column for Manager', { exact: true }).inputValue()).toBe('parentId');
    expect(await page.getByLabel('Column for Job title', { exact: true }).inputValue()).toBe('position');
    const counts = page.getByTestId('check-counts');
    await expect
      .poll(() => counts.textContent())
      .toMatch(/^d3-org-chart-like: 7 people · 3 teams and groups, as of \d{4}-\d{2}-\d{2}\.$/);
    await page.fill('#import-name', 'Org chart sample');
    await page.getByRole('main').getByRole('button', { name: 'Import org', exact: true }).click();
    await page.waitForURL(/\/orgs\/org-chart-sample(-\d+)?$/);
    const orgId = new URL(page.url()).pathname.split('/')[2];
    const doc = (await (await apiFetch(`/api/orgs/${orgId}`)).json()) as {
      org: { people: { id: string; name: string; managerId: string | null }[] };
    };
    // O-1 at the top; O-2 and O-6 under O-1; O-3 under O-2; O-4, O-5 under O-3; O-7 under O-6.
    expect(doc.org.people.map((p) => `${p.id}<${p.managerId ?? ''}`)).toEqual([
      'O-1<',
      'O-2<O-1',
      'O-3<O-2',
      'O-4<O-3',
      'O-5<O-3',
      'O-6<O-1',
      'O-7<O-6',
    ]);
    expect(doc.org.people[3].name).toBe('Samir Tahir');
  });

  it('reads a Backstage catalog beside its HR file, with the mapping preview of the HR file', async () => {
    await openImport(page);
    await page.setInputFiles('[data-testid="import-files"]', [
      IMPORTS('backstage/org.yaml'),
      IMPORTS('backstage/people.csv'),
    ]);
    await page.waitForSelector('.mapping-table');
    expect(await page.locator('#files-title').textContent()).toBe('HRIS export + Backstage catalog');
    expect(await page.locator('.file-card[data-kind="backstage"]').textContent()).toContain(
      'Backstage catalog (Groups and Users)',
    );
    await page.fill('#import-as-of', '2024-01-31');
    const counts = page.getByTestId('check-counts');
    await expect
      .poll(() => counts.textContent())
      .toBe('org: 4 people · 4 teams and groups, as of 2024-01-31.');
    await page.fill('#import-name', 'ACME catalog');
    await shoot(page, 'import-backstage');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('main').getByRole('button', { name: 'Import org', exact: true }).click();
    await page.waitForURL(/\/orgs\/acme-catalog(-\d+)?$/);
    const orgId = new URL(page.url()).pathname.split('/')[2];
    const doc = (await (await apiFetch(`/api/orgs/${orgId}`)).json()) as {
      org: {
        people: { id: string; teamId: string | null; managerId: string | null }[];
        teams: { id: string }[];
      };
    };
    expect(doc.org.people.map((p) => `${p.id} ${p.teamId} <${p.managerId ?? ''}`)).toEqual([
      'e1 engineering <',
      'e2 payments <e1',
      'e3 payments <e1',
      'e4 platform <e1',
    ]);
    expect(doc.org.teams.map((t) => t.id)).toEqual(['acme', 'engineering', 'payments', 'platform']);
  });

  it('reads a Team API folder alone, as teams only, and says the people rules are skipped', async () => {
    await openImport(page);
    await page.setInputFiles('[data-testid="import-folder"]', IMPORTS('team-api'));
    await page.waitForSelector('#files-title');
    expect(await page.locator('#files-title').textContent()).toBe('Team API (4 files)');
    expect(await page.locator('.file-card').count()).toBe(4); // README.md skipped
    await page.fill('#import-as-of', '2024-01-31');
    const counts = page.getByTestId('check-counts');
    await expect
      .poll(() => counts.textContent())
      .toBe('Imported teams: 0 people · 4 teams and groups · 4 team interactions, as of 2024-01-31.');
    expect(await page.getByTestId('check-teams-only').textContent()).toContain(
      'only teams files were given, with no people',
    );
    await shoot(page, 'import-team-api');
    await page.fill('#import-name', 'Team API sample');
    await page.getByRole('main').getByRole('button', { name: 'Import org', exact: true }).click();
    await page.waitForURL(/\/orgs\/team-api-sample(-\d+)?$/);
    const orgId = new URL(page.url()).pathname.split('/')[2];
    const doc = (await (await apiFetch(`/api/orgs/${orgId}`)).json()) as {
      org: { interactions: { from: string; to: string; mode: string }[] };
    };
    expect(doc.org.interactions.map((x) => `${x.from} -> ${x.to}`)).toEqual([
      'payments-platform -> checkout',
      'checkout -> fraud-models',
      'fraud-models -> Ledger',
      'payments-platform -> search',
    ]);
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
