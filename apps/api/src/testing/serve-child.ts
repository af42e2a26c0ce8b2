/**
 * Runs `startServer` in a child process for the robustness tests and the load benchmark:
 * `node --import tsx serve-child.ts DATA_DIR [--no-seed] [--database-url URL]`. Listens on a
 * free port and prints the URL on standard error like `reorg serve`, then `reorg-test-token: T`,
 * an API token of the first admin; logs are silenced.
 * PGlite in DATA_DIR unless a database URL is given (DATABASE_URL is ignored).
 */
import { silentLogger } from '../log';
import { startServer } from '../server';

const [dataDir, ...flags] = process.argv.slice(2);
const urlFlag = flags.indexOf('--database-url');
const databaseUrl = urlFlag >= 0 ? (flags[urlFlag + 1] ?? '') : '';
try {
  const server = await startServer({
    port: 0,
    dataDir,
    databaseUrl,
    seed: !flags.includes('--no-seed'),
    logger: silentLogger,
    printLink: (line) => process.stderr.write(`reorg-test-link: ${line.trim()}\n`),
  });
  // For the tests only: an API token of the first admin (the real server never prints one).
  const [admin] = (await server.identity.listUsers()).filter((u) => u.roles.some((r) => r.role === 'admin'));
  const made = admin
    ? await server.identity.createToken(admin.email, 'tests', { actor: 'system' })
    : undefined;
  process.stderr.write(`reorg-test-token: ${made?.token ?? ''}\n`);
} catch (error) {
  process.stderr.write(`reorg: ${(error as Error).message}\n`);
  process.exit(3);
}
