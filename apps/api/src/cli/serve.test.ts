import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../db/data-lock';
import { main } from './main';
import { createTestIo } from './test-io';

const dirs: string[] = [];
// `reorg serve` uses DATABASE_URL when it is set (CI sets it): these tests are about the folder.
const savedUrl = process.env.DATABASE_URL;
beforeAll(() => {
  delete process.env.DATABASE_URL;
});
afterAll(() => {
  if (savedUrl !== undefined) process.env.DATABASE_URL = savedUrl;
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'reorg-serve-cli-'));
  dirs.push(dir);
  return dir;
};

/** Listens on a free port of 127.0.0.1 and returns the server and its port. */
function occupyPort(): Promise<{ server: Server; port: number }> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
    });
  });
}

describe('reorg serve refusals', () => {
  it('checks the port before anything is written: a port in use creates no data folder', async () => {
    const { server, port } = await occupyPort();
    try {
      const data = join(tempDir(), 'new-data');
      const t = createTestIo();
      expect(await main(['serve', '--port', String(port), '--data', data], t.io)).toBe(1);
      expect(t.stderr()).toBe(
        `reorg serve: port ${port} on 127.0.0.1 is in use by another process; stop it or start with --port N (or PORT)\n`,
      );
      expect(existsSync(data)).toBe(false);
    } finally {
      server.close();
    }
  });

  it('says a locked data folder is in use by another reorg process, not "unexpected error"', async () => {
    const data = tempDir();
    // A lock held by a live process on this host: this test process itself.
    const lock = { pid: process.pid, host: hostname(), since: '2026-01-01T00:00:00.000Z' };
    writeFileSync(join(data, LOCK_FILE), `${JSON.stringify(lock)}\n`);
    const t = createTestIo();
    expect(await main(['serve', '--port', '0', '--data', data], t.io)).toBe(1);
    expect(t.stderr()).toBe(
      `reorg serve: the data folder ${data} is in use by another reorg process (pid ${process.pid}, since 2026-01-01T00:00:00.000Z); ` +
        `stop it or use --data DIR (if no reorg process is running, delete ${join(data, LOCK_FILE)})\n`,
    );
    expect(t.stderr()).not.toContain('unexpected error');
  });
});
