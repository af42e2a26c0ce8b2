import { type AddressInfo, createServer } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app';
import type { OidcSettings } from './auth/auth';
import { Identity } from './auth/identity';
import { LOOPBACK_HOSTS } from './auth/middleware';
import { openStore, type StoreLocation } from './db/open';
import { createJsonLogger, type Logger } from './log';
import { seedIfEmpty } from './seed';

/** Options of {@link startServer}; every one has a default. */
export interface ServerOptions {
  /** TCP port; default `PORT` from the environment, else 8787. 0 picks a free port. */
  port?: number;
  /** Interface to listen on; default `HOST` from the environment, else 127.0.0.1 (this machine only). */
  host?: string;
  /** PGlite data folder when no database URL is given; default `./data`. */
  dataDir?: string;
  /** PostgreSQL connection string; default `DATABASE_URL` from the environment. */
  databaseUrl?: string;
  /** Folder of the built web app (default `apps/web/dist`). */
  webDir?: string;
  /** Seed the sample orgs and scenarios into an empty database (default true). */
  seed?: boolean;
  /** Close cleanly and exit on SIGTERM and SIGINT (default true). */
  handleSignals?: boolean;
  /** Structured logs (default: JSON lines on standard output). */
  logger?: Logger;
  /** Where the start-up lines go (default standard error). */
  print?: (line: string) => void;
  /**
   * Where the first admin's one-time sign-in link goes on a data folder with no users (default
   * standard output, as Jupyter prints its token URL).
   */
  printLink?: (line: string) => void;
}

/** A running server. */
export interface RunningServer {
  /** `http://localhost:PORT` (or the host it listens on). */
  url: string;
  port: number;
  /** Users, sessions and tokens of this server. */
  identity: Identity;
  /** Stops accepting requests, lets in-flight ones finish (up to 5 s), closes the database and the lock. */
  close(): Promise<void>;
}

/** Thrown when the port to listen on is taken; `message` is one line saying which and what to do. */
export class PortInUseError extends Error {
  override name = 'PortInUseError';
  constructor(port: number, host: string) {
    super(`port ${port} on ${host} is in use by another process; stop it or start with --port N (or PORT)`);
  }
}

/**
 * Resolves when `port` on `host` can be listened on (by listening and closing at once); rejects
 * with {@link PortInUseError} when it is taken, or with the socket's error. Port 0 always can.
 */
export function checkPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, host) : error),
    );
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** Default port of `reorg serve`. */
export const DEFAULT_PORT = 8787;

/**
 * Starts `reorg serve`: checks the port is free, opens the store (PostgreSQL when a database URL
 * is given, else PGlite in the data folder, locked against a second process), applies
 * migrations, seeds an empty database, serves the API and the web app, and prints the URL.
 * @throws PortInUseError when the port is taken (checked before the data folder is touched);
 * DataFolderLockedError when another process holds the data folder. Nothing stays open after a
 * failed start.
 */
export async function startServer(options: ServerOptions = {}): Promise<RunningServer> {
  const print = options.print ?? ((line: string) => process.stderr.write(`${line}\n`));
  const logger = options.logger ?? createJsonLogger();
  const port = options.port ?? (process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${port}`);
  const host = options.host ?? process.env.HOST ?? '127.0.0.1';
  const databaseUrl = options.databaseUrl ?? process.env.DATABASE_URL;
  const location: StoreLocation = databaseUrl ? { databaseUrl } : { dataDir: options.dataDir ?? './data' };

  // Before anything is written: a server that cannot listen must not create, migrate or seed a
  // data folder. (Another process may still take the port in between; listen then says so too.)
  await checkPortFree(port, host);
  const opened = await openStore(location);
  let server: ReturnType<typeof serve> | undefined;
  try {
    if (opened.migrations.applied.length > 0) {
      logger.info('migrated', { applied: opened.migrations.applied });
    }
    if (options.seed !== false && (await seedIfEmpty(opened.store))) {
      print('reorg: seeded the sample orgs (startup, scaleup) and scenarios');
    }
    let url = '';
    const identity = new Identity(opened.store.drizzle, {
      publicUrl: () => process.env.REORG_PUBLIC_URL || url,
      oidc: oidcFromEnv(),
    });
    const loopback = host === '127.0.0.1' || host === 'localhost' || host === '::1';
    const app = createApp({
      store: opened.store,
      logger,
      identity,
      ...(loopback ? { allowedHosts: LOOPBACK_HOSTS } : {}),
      ...(options.webDir ? { webDir: options.webDir } : {}),
    });
    const listening = await listen(app.fetch, port, host);
    server = listening.server;
    const shown = host === '127.0.0.1' || host === '0.0.0.0' || host === '::' ? 'localhost' : host;
    url = `http://${shown}:${listening.port}`;
    print(`reorg: serving ${url} (data: ${opened.where})`);
    const link = await identity.firstStart();
    if (link) {
      const printLink = options.printLink ?? ((line: string) => process.stdout.write(`${line}\n`));
      print(
        `reorg: no users yet: made the first admin (${process.env.REORG_ADMIN_EMAIL || 'admin@reorg.local'}); sign in within 24 h with:`,
      );
      printLink(`    ${link}`);
    }
    // Live feeds never end by themselves: end them first, so that closing waits for nothing.
    const close = shutdown(listening.server, opened.close, () => opened.store.bus.close());
    if (options.handleSignals !== false) installSignalHandlers(close, print);
    return { url, port: listening.port, identity, close };
  } catch (error) {
    server?.close();
    await opened.close();
    throw error;
  }
}

/** Single sign-on from `REORG_OIDC_ISSUER`, `REORG_OIDC_CLIENT_ID`, `REORG_OIDC_CLIENT_SECRET` (all three, or none). */
export function oidcFromEnv(env = process.env): OidcSettings | undefined {
  const issuer = env.REORG_OIDC_ISSUER;
  const clientId = env.REORG_OIDC_CLIENT_ID;
  const clientSecret = env.REORG_OIDC_CLIENT_SECRET;
  if (!issuer && !clientId && !clientSecret) return undefined;
  if (!issuer || !clientId || !clientSecret) {
    throw new Error(
      'single sign-on needs all of REORG_OIDC_ISSUER, REORG_OIDC_CLIENT_ID and REORG_OIDC_CLIENT_SECRET',
    );
  }
  return { issuer, clientId, clientSecret };
}

function listen(
  fetch: Parameters<typeof serve>[0]['fetch'],
  port: number,
  host: string,
): Promise<{ server: ReturnType<typeof serve>; port: number }> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname: host }, (info: AddressInfo) => {
      server.off('error', onError);
      resolve({ server, port: info.port });
    });
    const onError = (error: NodeJS.ErrnoException) => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port, host) : error);
    };
    server.once('error', onError);
  });
}

/**
 * Ends the live feeds (`endFeeds`), closes the HTTP server (in-flight requests get up to 5 s), then
 * the store. Idempotent.
 */
function shutdown(
  server: ReturnType<typeof serve>,
  closeStore: () => Promise<void>,
  endFeeds: () => Promise<void>,
): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () =>
    (closing ??= (async () => {
      await endFeeds().catch(() => {});
      await new Promise<void>((resolve) => {
        const http = server as unknown as {
          close(cb: () => void): void;
          closeIdleConnections?: () => void;
          closeAllConnections?: () => void;
        };
        const force = setTimeout(() => http.closeAllConnections?.(), 5000);
        force.unref();
        http.close(() => {
          clearTimeout(force);
          resolve();
        });
        http.closeIdleConnections?.();
      });
      await closeStore();
    })());
}

function installSignalHandlers(close: () => Promise<void>, print: (line: string) => void): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      print(`reorg: ${signal} again, exiting now`);
      process.exit(1);
    }
    stopping = true;
    print(`reorg: ${signal}, closing`);
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        print(`reorg: error while closing: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
