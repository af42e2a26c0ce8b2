/**
 * Runs `startServer` in a child process for the robustness tests:
 * `node --import tsx serve-child.ts DATA_DIR [--no-seed]`. Listens on a free port and prints
 * the URL on standard error like `reorg serve`; logs are silenced.
 */
import { silentLogger } from '../log';
import { startServer } from '../server';

const [dataDir, ...flags] = process.argv.slice(2);
try {
  await startServer({
    port: 0,
    dataDir,
    databaseUrl: '',
    seed: !flags.includes('--no-seed'),
    logger: silentLogger,
  });
} catch (error) {
  process.stderr.write(`reorg: ${(error as Error).message}\n`);
  process.exit(3);
}
