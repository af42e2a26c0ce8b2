import { parseArgs } from 'node:util';
import { DataFolderLockedError } from '../db/data-lock';
import { DEFAULT_PORT, PortInUseError, startServer } from '../server';
import { type CliIo, UsageError } from './io';

/**
 * `reorg serve [--port 8787] [--data DIR]`: runs the API and the built web app until SIGTERM or
 * SIGINT. Embedded PGlite in DIR (default `./data`), or PostgreSQL when `DATABASE_URL` is set.
 * The port defaults to `PORT` from the environment, else 8787. A port in use (checked before the
 * data folder is created or migrated) or a data folder held by another reorg process ends the
 * command with one line saying so, exit code 1.
 */
export async function runServe(args: string[], io: CliIo): Promise<number> {
  let values: { port?: string; data?: string };
  try {
    ({ values } = parseArgs({ args, options: { port: { type: 'string' }, data: { type: 'string' } } }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const portText = values.port ?? process.env.PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65_535)
    throw new UsageError(`--port must be a port number, not '${portText}'`);
  try {
    await startServer({ port, dataDir: values.data });
  } catch (error) {
    // Expected refusals read as what they are, in one line, with exit code 1.
    if (error instanceof PortInUseError || error instanceof DataFolderLockedError) {
      io.stderr(`reorg serve: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
  // The server runs until a signal closes it; keep the process alive.
  return new Promise<number>(() => {});
}
