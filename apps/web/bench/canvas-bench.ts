/**
 * Browser benchmarks of the org chart on generated 10k- and 100k-person orgs, every level
 * expanded, in Debian's Chromium: first render, median frame time while panning, and drop to
 * re-analysed, with the chart culled to the view (the app) and with every node handed to React
 * Flow (`?cull=0`). Run: `npm run bench:browser -w @reorg/web` (builds the app first; writes
 * bench/results.md). Sizes: `BENCH_SIZES=10000,100000` (default); modes: `BENCH_MODES=0,2` (indexes
 * into MODES; default all).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { generateOrg } from '../../../fixtures/index';
import { silentLogger } from '../../api/src/log';
import { startServer } from '../../api/src/server';
import { launchBrowser } from '../e2e/browser';

const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const ONLY_MODES = process.env.BENCH_MODES?.split(',').map(Number);
/** Give up on a measure after this long (the baseline with 100k nodes may never paint). */
const LIMIT_MS = 120_000;

interface Result {
  size: number;
  mode: string;
  nodes: number | null;
  firstRender: number | null;
  fromNavigation: number | null;
  panMedian: number | null;
  panP95: number | null;
  drop: number | null;
  dropCompute: number | null;
  relayout: number | null;
  note?: string;
}

/** The runs per org: the app with every level open, the same with every node handed to React Flow, the app as it opens. */
const MODES: [string, string][] = [
  ['culled, all levels open', '?depth=999'],
  ['all nodes to React Flow, all levels open', '?depth=999&cull=0'],
  ['culled, default collapse', ''],
];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];

async function firstRender(
  page: Page,
  url: string,
): Promise<{ firstRender: number; fromNavigation: number; nodes: number }> {
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('reorg:chart-painted').length > 0, null, {
    timeout: LIMIT_MS,
    polling: 100,
  });
  return page.evaluate(() => {
    const ready = performance.getEntriesByName('reorg:org-ready')[0].startTime;
    const painted = performance.getEntriesByName('reorg:chart-painted')[0].startTime;
    return {
      firstRender: painted - ready,
      fromNavigation: painted,
      nodes: document.querySelectorAll('.react-flow__node').length,
    };
  });
}

/** Drags the empty canvas for ~2 s with real mouse events and records every frame's duration. */
async function pan(page: Page): Promise<number[]> {
  const box = (await page.locator('.org-canvas').boundingBox())!;
  await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__frames = [];
    w.__stop = false;
    let last = performance.now();
    const tick = (t: number) => {
      w.__frames.push(t - last);
      last = t;
      if (!w.__stop) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const x0 = box.x + box.width - 40;
  const y0 = box.y + box.height / 2;
  for (let round = 0; round < 3; round++) {
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (let k = 1; k <= 40; k++) await page.mouse.move(x0 - k * 15, y0 - k * 6);
    await page.mouse.up();
  }
  return page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __stop: boolean };
    w.__stop = true;
    return w.__frames.slice(2);
  });
}

/** Moves first-line managers between directors through the app's own change path; time to the next paint. */
async function drops(page: Page): Promise<{ paint: number[]; compute: number[]; layout: number[] }> {
  return page.evaluate(async () => {
    type W = {
      __reorg: {
        session: {
          getState(): {
            index: { byId: Map<string, { id: string; level?: string; managerId: string | null }> };
            lastChangeMs: number;
          };
        };
        actions: { applyChange(ops: unknown[], label: string): { ok: boolean } };
      };
    };
    const w = window as unknown as W;
    const { index } = w.__reorg.session.getState();
    const people = [...index.byId.values()];
    const ems = people.filter((p) => p.level === 'M5').slice(0, 9);
    const directors = people.filter((p) => p.level === 'M6');
    const paint: number[] = [];
    const compute: number[] = [];
    const layout: number[] = [];
    const layoutAfter = (t: number) =>
      performance.getEntriesByName('reorg:layout').find((e) => e.startTime > t);
    for (let k = 0; k < ems.length; k++) {
      await new Promise((r) => setTimeout(r, 1200)); // idle: the graph index is pre-warmed meanwhile
      const target = directors.find((d) => d.id !== ems[k].managerId)!;
      const t0 = performance.now();
      const r = w.__reorg.actions.applyChange(
        [{ type: 'changeManager', personId: ems[k].id, managerId: target.id, withReports: true }],
        'bench',
      );
      if (!r.ok) continue;
      // The frame that draws the re-analysed cards (its paint follows this callback at once).
      await new Promise((res) => requestAnimationFrame(res));
      paint.push(performance.now() - t0);
      compute.push(w.__reorg.session.getState().lastChangeMs);
      for (let wait = 0; wait < 200 && !layoutAfter(t0); wait++)
        await new Promise((res) => setTimeout(res, 25));
      await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
      const done = layoutAfter(t0);
      if (done) layout.push(performance.now() - t0);
    }
    return { paint, compute, layout };
  });
}

async function measure(page: Page, url: string, size: number, mode: Result['mode']): Promise<Result> {
  const result: Result = {
    size,
    mode,
    nodes: null,
    firstRender: null,
    fromNavigation: null,
    panMedian: null,
    panP95: null,
    drop: null,
    dropCompute: null,
    relayout: null,
  };
  try {
    // The page's own wait cannot time out when its main thread never comes back (100k cards handed
    // to React Flow): give up from here, and the caller closes that browser.
    const first = await Promise.race([
      firstRender(page, url),
      new Promise<never>((_, fail) =>
        setTimeout(() => fail(new Error(`no first frame within ${LIMIT_MS / 1000} s`)), LIMIT_MS + 5000),
      ),
    ]);
    Object.assign(result, first);
    await page.waitForTimeout(1500);
    const frames = await pan(page);
    result.panMedian = median(frames);
    result.panP95 = p95(frames);
    const d = await drops(page);
    result.drop = median(d.paint);
    result.dropCompute = median(d.compute);
    result.relayout = d.layout.length > 0 ? median(d.layout) : null;
  } catch (error) {
    result.note = `stopped: ${(error as Error).message.split('\n')[0]}`;
  }
  return result;
}

async function main() {
  const { build } = await import('vite');
  await build({ root: WEB_ROOT, logLevel: 'warn', configFile: join(WEB_ROOT, 'vite.config.ts') });
  const dataDir = mkdtempSync(join(tmpdir(), 'reorg-bench-'));
  const server = await startServer({
    port: 0,
    dataDir,
    webDir: join(WEB_ROOT, 'dist'),
    handleSignals: false,
    logger: silentLogger,
    print: () => {},
    seed: false,
  });
  const results: Result[] = [];
  try {
    for (const size of SIZES) {
      const org = generateOrg({ people: size, seed: 1, emails: true });
      const imported = await fetch(`${server.url}/api/orgs`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(org),
      });
      if (imported.status !== 201)
        throw new Error(`import failed: ${imported.status} ${await imported.text()}`);
      for (const [mode, query] of MODES.filter((_, k) => !ONLY_MODES || ONLY_MODES.includes(k))) {
        const created = await fetch(`${server.url}/api/orgs/${org.id}/scenarios`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: `bench ${mode}` }),
        });
        const { id } = (await created.json()) as { id: string };
        // A browser per run: one whose page stopped answering is closed with it.
        const browser = await launchBrowser();
        const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
        // tsx names functions with a __name helper; give the page one for the evaluated callbacks.
        await page.addInitScript('window.__name = (f) => f');
        const url = `${server.url}/orgs/${org.id}/scenarios/${id}/chart${query}`;
        const r = await measure(page, url, size, mode);
        console.log(JSON.stringify(r));
        results.push(r);
        await Promise.race([browser.close(), new Promise((done) => setTimeout(done, 10_000))]);
      }
    }
  } finally {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  writeFileSync(new URL('./results.md', import.meta.url), report(results));
}

const ms = (v: number | null) =>
  v === null ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`;

function report(results: Result[]): string {
  const lines = [
    '# Org chart benchmarks (browser)',
    '',
    'Generated by `npm run bench:browser -w @reorg/web` on this machine (2 shared cores, headless Debian Chromium, 1440×900),',
    'generated orgs (`fixtures/generate.ts`, seed 1). "culled" is the app: React Flow gets only the cards in (and just around) the',
    'view; "all nodes" hands React Flow every card (`?cull=0`). "all levels open" expands every manager (`?depth=999`);',
    '"default collapse" is how the app opens an org (the top layers open, the rest collapsed with counts).',
    '',
    '- **first render**: from the scenario parsed in the page to the first frame with cards on it (`reorg:org-ready` → `reorg:chart-painted`);',
    '  "from navigation" adds loading and parsing the org JSON.',
    '- **pan**: frame durations while dragging the canvas with real mouse events (3 × 40 moves): median and 95th percentile.',
    "- **drop → re-analysed**: a `changeManager` of a first-line manager to another director through the app's own change path",
    '  (model `applyOps`, index update, span rows of the affected managers re-analysed, React render) until the frame that draws it;',
    '  "compute" is the same without rendering. The cards repaint with their new spans first; the chart is then laid out again',
    '  ("relayout": drop → new layout painted), and the full `analyzeOrg` of the whole org runs in a worker and refreshes the rest.',
    '',
    '| people | mode | nodes in DOM | first render | from navigation | pan median | pan p95 | drop → re-analysed | compute | relayout | note |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|',
  ];
  for (const r of results) {
    lines.push(
      `| ${r.size.toLocaleString('en-US')} | ${r.mode} | ${r.nodes ?? '—'} | ${ms(r.firstRender)} | ${ms(r.fromNavigation)} | ${ms(r.panMedian)} | ${ms(r.panP95)} | ${ms(r.drop)} | ${ms(r.dropCompute)} | ${ms(r.relayout)} | ${r.note ?? ''} |`,
    );
  }
  return `${lines.join('\n')}\n`;
}

await main();
