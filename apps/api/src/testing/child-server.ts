import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const API_DIR = fileURLToPath(new URL('../../', import.meta.url));
const CHILD = fileURLToPath(new URL('./serve-child.ts', import.meta.url));

/** A server in a child process (see `serve-child.ts`). `base` is empty when it exited instead. */
export interface ChildServer {
  process: ChildProcess;
  /** `http://127.0.0.1:PORT`, or '' when the server exited before listening. */
  base: string;
  /** Everything it wrote to standard error so far. */
  stderr: () => string;
  /** Its exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** An API token of the first admin ('' when the server exited). */
  token: string;
  /** `Authorization` header with {@link token}. */
  auth: Record<string, string>;
}

/**
 * Starts `startServer` in a child process on `dataDir` (PGlite), or on `databaseUrl`; resolves
 * once it prints its URL, or when it exits first.
 */
export function startChildServer(
  dataDir: string,
  options: { databaseUrl?: string; seed?: boolean } = {},
): Promise<ChildServer> {
  const args = ['--import', 'tsx', CHILD, dataDir];
  if (options.seed === false) args.push('--no-seed');
  if (options.databaseUrl) args.push('--database-url', options.databaseUrl);
  const child = spawn(process.execPath, args, { cwd: API_DIR, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const port = /serving http:\/\/localhost:(\d+)/.exec(stderr)?.[1];
      const token = /reorg-test-token: (\S*)/.exec(stderr)?.[1];
      if (port && token !== undefined) {
        const base = `http://127.0.0.1:${port}`;
        resolve({
          process: child,
          base,
          stderr: () => stderr,
          exited,
          token,
          auth: { authorization: `Bearer ${token}` },
        });
      }
    });
    exited.then(
      () => resolve({ process: child, base: '', stderr: () => stderr, exited, token: '', auth: {} }),
      reject,
    );
  });
}
