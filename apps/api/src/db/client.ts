import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import pg from 'pg';
import * as schema from './schema';

/** The Drizzle database both engines share (PostgreSQL dialect). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

/** Which engine a {@link Database} runs on. */
export type Engine = 'pglite' | 'postgres';

/** An open database: the Drizzle handle, its engine, and how to close it. */
export interface Database {
  db: Db;
  engine: Engine;
  /** Closes the connection (PGlite: flushes and shuts the embedded server down). Idempotent. */
  close(): Promise<void>;
}

/**
 * Opens embedded PGlite. `dataDir` undefined gives an in-memory database (tests); otherwise the
 * folder is created when missing. PGlite has one connection per process: callers keep
 * transactions short and await nothing else inside them.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  const client = await PGlite.create(dataDir ? { dataDir } : {});
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  let closing: Promise<void> | undefined;
  return {
    db,
    engine: 'pglite',
    close: () => (closing ??= client.closed ? Promise.resolve() : client.close()),
  };
}

/** Opens a node-postgres pool on `url` (a `postgres://` connection string). */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // A broken idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  let closing: Promise<void> | undefined;
  return { db, engine: 'postgres', close: () => (closing ??= pool.end()) };
}
