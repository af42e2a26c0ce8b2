import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createApp } from '../app';
import { type OpenedStore, openStore } from '../db/open';

/** The engines the API tests run on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const ENGINES: ('pglite' | 'postgres')[] = process.env.DATABASE_URL
  ? ['pglite', 'postgres']
  : ['pglite'];

/**
 * Opens a fresh, migrated store for one test file: in-memory PGlite, or a new database
 * `reorg_test_…` on the DATABASE_URL server (dropped again by `close`). Test files never share data.
 */
export async function openTestStore(engine: 'pglite' | 'postgres'): Promise<OpenedStore> {
  if (engine === 'pglite') return openStore({ memory: true });
  const admin = process.env.DATABASE_URL;
  if (!admin) throw new Error('DATABASE_URL is not set');
  const name = `reorg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(admin, `create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const opened = await openStore({ databaseUrl: url.toString() });
  return {
    ...opened,
    close: async () => {
      await opened.close();
      await adminQuery(admin, `drop database if exists ${name} with (force)`);
    },
  };
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh store and an app on it, for one test file. */
export async function openTestApp(engine: 'pglite' | 'postgres') {
  const opened = await openTestStore(engine);
  const app = createApp({ store: opened.store, webDir: false, today: () => '2025-01-15' });
  return { app, store: opened.store, close: opened.close };
}
