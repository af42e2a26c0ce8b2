import { join, resolve } from 'node:path';
import { type Database, openPglite, openPostgres } from './client';
import { acquireDataLock, type DataLock } from './data-lock';
import { type MigrateResult, migrate } from './migrate';
import { Store } from './store';

/** Where the data lives: a PostgreSQL URL, a PGlite data folder, or memory (tests). */
export type StoreLocation = { databaseUrl: string } | { dataDir: string } | { memory: true };

/** An open, migrated store, and how to close it (database, then the folder lock). */
export interface OpenedStore {
  store: Store;
  /** Human-readable description of where the data is (no password). */
  where: string;
  migrations: MigrateResult;
  close(): Promise<void>;
}

/**
 * Opens the store and applies pending migrations. With `dataDir`, the folder is locked first
 * (a second process is refused with a `DataFolderLockedError`) and PGlite keeps its files in
 * `dataDir/pglite`. Everything opened is closed again when opening fails.
 */
export async function openStore(location: StoreLocation): Promise<OpenedStore> {
  let lock: DataLock | undefined;
  let database: Database | undefined;
  try {
    let where: string;
    if ('databaseUrl' in location) {
      database = await openPostgres(location.databaseUrl);
      where = `PostgreSQL ${redactUrl(location.databaseUrl)}`;
    } else if ('dataDir' in location) {
      lock = acquireDataLock(location.dataDir);
      database = await openPglite(join(resolve(location.dataDir), 'pglite'));
      where = `PGlite in ${resolve(location.dataDir)}`;
    } else {
      database = await openPglite();
      where = 'PGlite in memory';
    }
    const migrations = await migrate(database.db);
    const store = new Store(database);
    const held = lock;
    let closing: Promise<void> | undefined;
    return {
      store,
      where,
      migrations,
      close: () =>
        (closing ??= store.close().finally(() => {
          held?.release();
        })),
    };
  } catch (error) {
    await database?.close().catch(() => {});
    lock?.release();
    throw error;
  }
}

/** A connection string without its password, for logs and messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}
