import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { silentLogger } from '../../api/src/log';
import { startServer } from '../../api/src/server';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

const WEB_ROOT = fileURLToPath(new URL('..', import.meta.url));

/**
 * Builds the web app (apps/web/dist), starts the API on a free port with a fresh PGlite folder
 * (seeded with the sample orgs and scenarios) serving that build, and hands its URL to the tests.
 */
export default async function setup(project: TestProject) {
  const { build } = await import('vite');
  await build({ root: WEB_ROOT, logLevel: 'warn', configFile: join(WEB_ROOT, 'vite.config.ts') });
  const dataDir = mkdtempSync(join(tmpdir(), 'reorg-e2e-'));
  const server = await startServer({
    port: 0,
    // Always a fresh embedded database, even when DATABASE_URL is set (CI sets it for the API
    // tests): the suite's scenarios must not pile up in a shared PostgreSQL database across runs.
    databaseUrl: '',
    dataDir,
    webDir: join(WEB_ROOT, 'dist'),
    handleSignals: false,
    logger: silentLogger,
    print: () => {},
  });
  project.provide('baseUrl', server.url);
  return async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
