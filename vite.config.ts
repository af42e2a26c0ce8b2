import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { thirdPartyDataNotice } from './fixtures/third-party-data.ts';

/** The browser the web app's end-to-end suite drives (Debian's Chromium; never a downloaded one). */
const CHROMIUM = '/usr/bin/chromium';

// Tests that read ../shared/data (or REORG_DATA_DIR) skip themselves when it is absent; say so once.
const dataNotice = thirdPartyDataNotice();
if (dataNotice && !process.env.VITEST_WORKER_ID && !process.env.REORG_DATA_NOTICE_SHOWN)
  console.log(dataNotice);

/**
 * Root Vitest config: one project per package/app. `npm test` runs them all;
 * `npx vitest run --project model` runs one. Benchmarks (`*.bench.ts`) run with `npm run bench`.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'model',
          root: './packages/model',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          benchmark: { include: ['src/**/*.bench.ts'] },
        },
      },
      {
        test: {
          name: 'fixtures',
          root: './fixtures',
          environment: 'node',
          include: ['**/*.test.ts'],
          benchmark: { include: ['**/*.bench.ts'] },
        },
      },
      {
        test: {
          name: 'api',
          root: './apps/api',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          benchmark: { include: ['src/**/*.bench.ts'] },
          // REORG_CONTRACT_REPORT=FILE: how many responses each file checked against the document.
          setupFiles: ['src/testing/contract-report.ts'],
          // PGlite's first start (initdb in WASM) can take over 10 s on a busy 2-core machine.
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'web',
          root: './apps/web',
          // Pure helpers run in node; component tests opt into jsdom with `// @vitest-environment jsdom`.
          environment: 'node',
          include: ['src/**/*.test.{ts,tsx}'],
          benchmark: { include: ['src/**/*.bench.ts'] },
        },
      },
      // The web end-to-end suite (builds the app, starts the API, drives Chromium): only where Chromium is.
      ...(existsSync(CHROMIUM)
        ? [
            {
              test: {
                name: 'web-e2e',
                root: './apps/web',
                environment: 'node' as const,
                include: ['e2e/**/*.e2e.ts'],
                globalSetup: ['e2e/global-setup.ts'],
                testTimeout: 120_000,
                hookTimeout: 240_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
