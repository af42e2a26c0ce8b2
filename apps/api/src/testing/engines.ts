import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type AppOptions, createApp } from '../app';
import { Identity } from '../auth/identity';
import type { Role } from '../auth/principal';
import { type Database, openPglite, openPostgres } from '../db/client';
import { type OpenedStore, openStore } from '../db/open';
import { createJsonLogger, silentLogger } from '../log';

/** A database engine of the tests. */
export type TestEngine = 'pglite' | 'postgres';

/** The engines the API tests run on: PGlite always, PostgreSQL when DATABASE_URL is set. */
export const ENGINES: TestEngine[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/**
 * A new, empty database for one test file: in-memory PGlite, or a new database `reorg_test_…`
 * on the DATABASE_URL server. `url` is its connection string (PostgreSQL only); `drop` removes it.
 */
export async function createTestDatabase(
  engine: TestEngine,
): Promise<{ url?: string; drop(): Promise<void> }> {
  if (engine === 'pglite') return { drop: async () => {} };
  const admin = process.env.DATABASE_URL;
  if (!admin) throw new Error('DATABASE_URL is not set');
  const name = `reorg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(admin, `create database ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => adminQuery(admin, `drop database if exists ${name} with (force)`),
  };
}

/** A raw (unmigrated) connection to a new test database. */
export async function openTestDatabase(engine: TestEngine): Promise<Database> {
  const created = await createTestDatabase(engine);
  const database = created.url ? await openPostgres(created.url) : await openPglite();
  return {
    ...database,
    close: async () => {
      await database.close();
      await created.drop();
    },
  };
}

/** A fresh, migrated store for one test file (see {@link createTestDatabase}). */
export async function openTestStore(engine: TestEngine): Promise<OpenedStore> {
  const created = await createTestDatabase(engine);
  const opened = await openStore(created.url ? { databaseUrl: created.url } : { memory: true });
  return {
    ...opened,
    close: async () => {
      await opened.close();
      await created.drop();
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

/** The admin every {@link openTestApp} app signs its requests as. */
export const TEST_ADMIN = 'admin@tests.example';

type App = ReturnType<typeof createApp>;

/**
 * The app, with `Authorization: Bearer token` on every `request()` that carries no
 * `Authorization` or `Cookie` of its own (so tests of other things need not sign in).
 */
export function signedIn(app: App, token: string): App {
  const request: App['request'] = (input, init, ...rest) => {
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    if (!headers.has('authorization') && !headers.has('cookie'))
      headers.set('authorization', `Bearer ${token}`);
    return app.request(input, { ...init, headers }, ...rest);
  };
  return new Proxy(app, { get: (target, key) => (key === 'request' ? request : Reflect.get(target, key)) });
}

/**
 * A fresh store and an app on it, for one test file, whose requests are signed in as the admin
 * {@link TEST_ADMIN} (see {@link signedIn}); `anonymous` is the same app without credentials, and
 * `tokenFor` adds a user with a role and answers an API token of theirs. CSV imports are dated
 * 2025-01-15. Set `REORG_TEST_LOGS=1` to see the app's logs (unexpected errors included).
 */
export async function openTestApp(engine: TestEngine, options: Pick<AppOptions, 'liveTimings'> = {}) {
  const opened = await openTestStore(engine);
  const logger = process.env.REORG_TEST_LOGS ? createJsonLogger() : silentLogger;
  const identity = new Identity(opened.store.drizzle, { publicUrl: 'http://localhost' });
  const anonymous = createApp({
    store: opened.store,
    webDir: false,
    today: () => '2025-01-15',
    logger,
    identity,
    ...options,
  });
  const tokenFor = async (email: string, role: Role, orgId?: string | null) => {
    await identity.addUser({ email, role, orgId }, { actor: 'system' });
    const made = await identity.createToken(email, 'tests', { actor: 'system' });
    if (!made) throw new Error(`no user ${email}`);
    return made.token;
  };
  const app = signedIn(anonymous, await tokenFor(TEST_ADMIN, 'admin'));
  return { app, anonymous, identity, tokenFor, store: opened.store, close: opened.close };
}
