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
  /**
   * Listens to PostgreSQL notifications on `channel` (`LISTEN`): on a dedicated connection of its
   * own (PostgreSQL; reconnected after a failure, then `onReconnect` is called, since notifications
   * sent meanwhile are lost), or on the one PGlite connection. Resolves once listening, with the
   * function that stops.
   */
  listen(channel: string, handlers: NotificationHandlers): Promise<() => Promise<void>>;
}

/** What {@link Database.listen} calls. */
export interface NotificationHandlers {
  /** A notification's payload (at most 8000 bytes, PostgreSQL's limit). */
  onNotify(payload: string): void;
  /** The listening connection was lost and is back: anything may have been missed. */
  onReconnect?(): void;
}

/** Waits between attempts to reconnect a lost listening connection, in ms (doubling up to the last). */
const LISTEN_RETRY_MS = [250, 500, 1000, 2000, 5000] as const;

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
    async listen(channel, handlers) {
      const stop = await client.listen(channel, (payload) => handlers.onNotify(payload));
      return async () => {
        if (!client.closed) await stop();
      };
    },
  };
}

/** Opens a node-postgres pool on `url` (a `postgres://` connection string). */
export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // A broken idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  let closing: Promise<void> | undefined;
  return {
    db,
    engine: 'postgres',
    close: () => (closing ??= pool.end()),
    listen: (channel, handlers) => listenPostgres(url, channel, handlers),
  };
}

/**
 * A dedicated connection that `LISTEN`s on `channel` (a pooled one would be handed to queries and
 * lose its LISTEN). After a failure it reconnects with a growing pause and calls `onReconnect`.
 */
async function listenPostgres(
  url: string,
  channel: string,
  handlers: NotificationHandlers,
): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const connect = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on('notification', (m) => {
      if (m.channel === channel) handlers.onNotify(m.payload ?? '');
    });
    // A lost connection emits `error` and then `end`; `end` alone decides to reconnect.
    c.on('error', () => {});
    try {
      await c.connect();
      await c.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
    } catch (error) {
      await c.end().catch(() => {});
      throw error;
    }
    c.once('end', () => {
      if (!stopped) retry(0);
    });
    client = c;
  };
  const retry = (attempt: number) => {
    const wait = LISTEN_RETRY_MS[Math.min(attempt, LISTEN_RETRY_MS.length - 1)];
    timer = setTimeout(() => {
      if (stopped) return;
      connect().then(
        () => handlers.onReconnect?.(),
        () => retry(attempt + 1),
      );
    }, wait);
    timer.unref();
  };
  await connect();
  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    await client?.end().catch(() => {});
  };
}
