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
    /** An API token of the first admin. */
    apiToken: string;
    /** The first admin's one-time sign-in link, as `reorg serve` prints it. */
    signInLink: string;
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
  let signInLink = '';
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
    printLink: (line) => {
      signInLink = line.trim();
    },
  });
  const [admin] = await server.identity.listUsers();
  const made = admin ? await server.identity.createToken(admin.email, 'e2e', { actor: 'system' }) : undefined;
  if (!made) throw new Error('the e2e server made no first admin');
  project.provide('baseUrl', server.url);
  project.provide('apiToken', made.token);
  project.provide('signInLink', signInLink);
  return async () => {
    await server.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
