import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataLock, DataFolderLockedError, LOCK_FILE } from './data-lock';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'reorg-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A pid that is certainly dead: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('acquireDataLock', () => {
  it('creates the folder and a lock file naming this process', () => {
    const dir = join(tempDir(), 'nested', 'data');
    const lock = acquireDataLock(dir);
    const owner = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, host: hostname() });
    lock.release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('refuses a second holder while the first is alive, saying who holds it and what to do', () => {
    const dir = tempDir();
    const lock = acquireDataLock(dir);
    expect(() => acquireDataLock(dir)).toThrow(DataFolderLockedError);
    expect(() => acquireDataLock(dir)).toThrow(
      /in use by another reorg process \(pid \d+.*stop it or use --data DIR/,
    );
    lock.release();
    acquireDataLock(dir).release();
  });

  it('takes over a lock left by a dead process', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: deadPid(), host: hostname(), since: 'then' }));
    const lock = acquireDataLock(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('takes over an empty lock file (a crash between create and write)', () => {
    const dir = tempDir();
    writeFileSync(join(dir, LOCK_FILE), '');
    acquireDataLock(dir).release();
  });

  it('refuses a lock held on another host, which it cannot check', () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, LOCK_FILE),
      JSON.stringify({ pid: 1, host: `${hostname()}-other`, since: 'then' }),
    );
    expect(() => acquireDataLock(dir)).toThrow(DataFolderLockedError);
  });

  it('release leaves a lock that is no longer ours alone', () => {
    const dir = tempDir();
    const lock = acquireDataLock(dir);
    const other = JSON.stringify({ pid: process.pid + 1, host: hostname(), since: 'now' });
    writeFileSync(join(dir, LOCK_FILE), other);
    lock.release();
    expect(readFileSync(join(dir, LOCK_FILE), 'utf8')).toBe(other);
  });
});
