import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { generateOrg } from '../../../fixtures/index';
import { apiFetch, launchBrowser, newAppPage, waitSaved } from './browser';

/**
 * An org big enough (8,000 people) for the analysis to run in its worker: the worker reads the
 * scenario from the API itself (no copy of the org posted from the page), follows the page's
 * changes, and its reports agree with the server's analysis of the same revision.
 */
const baseUrl = inject('baseUrl');
const org = generateOrg({ people: 8000, seed: 5, id: 'e2e-big', name: 'Big generated org' });

let browser: Browser;
let page: Page;
let scenarioId: string;
const errors: string[] = [];
const workerFetches: string[] = [];

type Report = {
  summary: { people: number; managers: number; findings: { error: number; warning: number; info: number } };
  findings: { code: string; subject: { id: string } }[];
  managers: { id: string; directReports: number }[];
};

const reportsOf = (r: Report, id: string) => r.managers.find((m) => m.id === id)?.directReports ?? 0;

/** Waits for the page's full analysis of its latest state and returns it. */
async function pageReport(p: Page): Promise<Report> {
  await p.waitForFunction(
    () => {
      const s = (
        window as unknown as {
          __reorg: { session: { getState(): { analysis: unknown; analysisPending: boolean } } };
        }
      ).__reorg.session.getState();
      return s.analysis !== null && !s.analysisPending;
    },
    null,
    { timeout: 60_000 },
  );
  return p.evaluate(() => {
    const s = (
      window as unknown as { __reorg: { session: { getState(): { analysis: unknown } } } }
    ).__reorg.session.getState();
    return s.analysis as Report;
  });
}

async function serverReport(): Promise<Report> {
  const res = await apiFetch(`/api/scenarios/${scenarioId}/analysis`);
  expect(res.status).toBe(200);
  return (await res.json()) as Report;
}

const spanKeys = (r: Report) =>
  r.findings
    .filter((f) => f.code.startsWith('span.'))
    .map((f) => `${f.code}:${f.subject.id}`)
    .sort();

beforeAll(async () => {
  const imported = await apiFetch(`/api/orgs`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(org),
  });
  expect(imported.status).toBe(201);
  const created = await apiFetch(`/api/orgs/${org.id}/scenarios`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Big org drops' }),
  });
  scenarioId = ((await created.json()) as { id: string }).id;
  browser = await launchBrowser();
  page = await newAppPage(browser, { viewport: { width: 1440, height: 900 } });
  page.on('pageerror', (e) => errors.push(e.message));
  page.context().on('request', (r) => {
    if (r.url().includes('/revisions/')) workerFetches.push(new URL(r.url()).pathname);
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

describe('a big org (analysis in a worker)', () => {
  it('analyses the scenario as the server does, the worker reading the saved revision itself', async () => {
    await page.goto(`${baseUrl}/orgs/${org.id}/scenarios/${scenarioId}/chart`);
    await page.locator('.person-card').first().waitFor({ timeout: 60_000 });
    const mine = await pageReport(page);
    const theirs = await serverReport();
    expect(mine.summary.people).toBe(8000);
    expect(mine.summary).toEqual(theirs.summary);
    expect(spanKeys(mine)).toEqual(spanKeys(theirs));
    expect(workerFetches).toEqual([`/api/scenarios/${scenarioId}/revisions/1`]);
  });

  it('follows a drop: the worker applies the same ops, and agrees with the server after the save', async () => {
    const before = await pageReport(page);
    const moved = await page.evaluate(() => {
      type P = { id: string; level?: string; managerId: string | null };
      const w = window as unknown as {
        __reorg: {
          session: { getState(): { index: { byId: Map<string, P> } } };
          actions: { applyChange(ops: unknown[], label: string): { ok: boolean } };
        };
      };
      const people = [...w.__reorg.session.getState().index.byId.values()];
      const em = people.find((p) => p.level === 'M5')!;
      const director = people.find((p) => p.level === 'M6' && p.id !== em.managerId)!;
      const r = w.__reorg.actions.applyChange(
        [{ type: 'changeManager', personId: em.id, managerId: director.id, withReports: true }],
        'Move a team',
      );
      return { ok: r.ok, em: em.id, from: em.managerId, to: director.id };
    });
    expect(moved.ok).toBe(true);
    await waitSaved(page);
    const mine = await pageReport(page);
    const theirs = await serverReport();
    expect(mine.summary).toEqual(theirs.summary);
    expect(spanKeys(mine)).toEqual(spanKeys(theirs));
    expect(reportsOf(mine, moved.to)).toBe(reportsOf(before, moved.to) + 1);
    expect(reportsOf(mine, moved.from!)).toBe(reportsOf(before, moved.from!) - 1);
    expect(errors).toEqual([]);
  });
});
