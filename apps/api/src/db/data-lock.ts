import { closeSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

/** File name of the lock inside the data folder. */
export const LOCK_FILE = 'reorg.lock';

/** A held lock on a data folder. */
export interface DataLock {
  /** Absolute path of the lock file. */
  path: string;
  /** Removes the lock file if it is still ours. Idempotent. */
  release(): void;
}

/** Thrown when another live process holds the folder. `message` says which and what to do. */
export class DataFolderLockedError extends Error {
  override name = 'DataFolderLockedError';
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

/**
 * Takes an exclusive lock on a data folder (PGlite has none of its own, and two processes writing
 * one PGlite folder corrupt it). The lock is a file created with `O_EXCL` holding the owner's pid
 * and host. A lock left by a dead process on this host (a crash, SIGKILL) is taken over; a lock
 * of a live process, or of another host (which cannot be checked), is refused with
 * {@link DataFolderLockedError}. Creates the folder when missing.
 */
export function acquireDataLock(dataDir: string): DataLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  let waited = false;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (tryCreate(path)) return makeLock(path);
    const owner = readOwner(path);
    if (owner === 'missing') continue;
    if (owner === 'unreadable' && !waited) {
      // Perhaps another process is between creating and writing it: look again shortly.
      waited = true;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
      continue;
    }
    if (owner !== 'unreadable' && isLive(owner)) {
      const where = owner.host === hostname() ? '' : ` on ${owner.host}`;
      throw new DataFolderLockedError(
        `the data folder ${dir} is in use by another reorg process (pid ${owner.pid}${where}, since ${owner.since}); ` +
          `stop it or use --data DIR (if no reorg process is running, delete ${path})`,
      );
    }
    // Stale: move it aside atomically (only one contender wins the rename), then retry the create.
    try {
      renameSync(path, `${path}.stale-${process.pid}`);
      unlinkSync(`${path}.stale-${process.pid}`);
    } catch {
      // Someone else took it over first; the next attempt sees their lock.
    }
  }
  throw new DataFolderLockedError(`could not take the lock ${path}; another process keeps changing it`);
}

function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  const owner: LockOwner = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  writeSync(fd, `${JSON.stringify(owner)}\n`);
  closeSync(fd);
  return true;
}

function readOwner(path: string): LockOwner | 'missing' | 'unreadable' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'missing' : 'unreadable';
  }
  try {
    const owner = JSON.parse(text) as LockOwner;
    return Number.isInteger(owner.pid) && typeof owner.host === 'string' ? owner : 'unreadable';
  } catch {
    // A crash between create and write leaves an empty file: treat as stale.
    return 'unreadable';
  }
}

function isLive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  if (owner.pid === process.pid) return true;
  try {
    process.kill(owner.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function makeLock(path: string): DataLock {
  let released = false;
  return {
    path,
    release() {
      if (released) return;
      released = true;
      const owner = readOwner(path);
      if (typeof owner === 'object' && owner.pid === process.pid && owner.host === hostname()) {
        try {
          unlinkSync(path);
        } catch {
          // Already gone.
        }
      }
    },
  };
}
