import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Debian's Chromium (never a downloaded browser). */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Where the suite writes its screenshots of the main views: `e2e/screenshots/` (committed, shown in
 * the READMEs) when `UPDATE_SCREENSHOTS=1`, else `e2e/screenshots-latest/` (git-ignored), so that
 * a plain test run leaves the committed pictures alone.
 */
export const SCREENSHOTS = new URL(
  process.env.UPDATE_SCREENSHOTS === '1' ? './screenshots/' : './screenshots-latest/',
  import.meta.url,
);

/** Launches headless Chromium with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** Saves a screenshot of the page as `name`.png in e2e/screenshots. */
export async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.mouse.move(1, 1);
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOTS).pathname });
}

/** The session store's state, read in the page (span findings, pending changes, revision). */
export async function sessionState(page: Page) {
  return page.evaluate(() => {
    const s = (
      window as unknown as { __reorg: { session: { getState(): Record<string, unknown> } } }
    ).__reorg.session.getState() as {
      revision: number;
      pending: unknown[];
      save: { status: string; conflict?: { label: string; message: string } };
      analysis: { findings: { code: string; subject: { id: string } }[] } | null;
      org: { people: { id: string; managerId: string | null }[] } | null;
    };
    return {
      revision: s.revision,
      pending: s.pending.length,
      save: s.save,
      spanFindings: (s.analysis?.findings ?? [])
        .filter((f) => f.code.startsWith('span.'))
        .map((f) => `${f.code}:${f.subject.id}`)
        .sort(),
      managerOf: Object.fromEntries((s.org?.people ?? []).map((p) => [p.id, p.managerId])),
    };
  });
}

/** Waits until every change is saved. */
export async function waitSaved(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const s = (
      window as unknown as {
        __reorg: { session: { getState(): { pending: unknown[]; save: { status: string } } } };
      }
    ).__reorg.session.getState();
    return s.pending.length === 0 && s.save.status === 'saved';
  });
}

/** Drags from one point to another in small steps (React Flow needs real pointer moves). */
export async function dragTo(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
  shift = false,
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  if (shift) await page.keyboard.down('Shift');
  const steps = 14;
  for (let k = 1; k <= steps; k++)
    await page.mouse.move(from.x + ((to.x - from.x) * k) / steps, from.y + ((to.y - from.y) * k) / steps);
  await page.waitForTimeout(120);
  await page.mouse.up();
  if (shift) await page.keyboard.up('Shift');
}

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Serious and critical axe-core violations on the page, as `rule (count)`. */
export async function axeViolations(p: Page): Promise<string[]> {
  await p.evaluate(AXE);
  return p.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(o: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
      }
    ).axe;
    const result = await axe.run({ resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.nodes.length})`);
  });
}

/**
 * `fetch` for the suite's own calls to the API (setting up orgs and scenarios, reading what the
 * server holds): the path is resolved against the server's URL and the request carries the suite's
 * credentials, so every test file calls the API the same way.
 */
export function apiFetch(path: string, init: RequestInit = {}): Promise<Response> {
  const base = inject('baseUrl');
  const headers = new Headers(init.headers);
  for (const [k, v] of Object.entries(suiteHeaders())) if (!headers.has(k)) headers.set(k, v);
  return fetch(new URL(path, base), { ...init, headers });
}

/** A browser context signed in as the suite's user (the options of `browser.newContext`). */
export function newAppContext(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: 1440, height: 900 },
    ...options,
    extraHTTPHeaders: { ...suiteHeaders(), ...options?.extraHTTPHeaders },
  });
}

/** A page in a new signed-in context (see {@link newAppContext}); closing the page's context is the caller's. */
export async function newAppPage(
  browser: Browser,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<Page> {
  return (await newAppContext(browser, options)).newPage();
}

/**
 * Headers every request of the suite carries: an API token of the first admin (made by the global
 * setup). The sign-in itself is tested by auth.e2e.ts, through the sign-in page.
 */
function suiteHeaders(): Record<string, string> {
  return { authorization: `Bearer ${inject('apiToken')}` };
}
