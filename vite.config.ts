import { defineConfig } from 'vitest/config';

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
          testTimeout: 60_000,
        },
      },
    ],
  },
});
