/**
 * @reorg/api: the reorg HTTP API (Hono) on embedded PGlite or PostgreSQL, and the `reorg`
 * command line (src/cli). The web app imports only the `AppType` type, for `hc<AppType>`.
 */
export { type AppOptions, type AppType, createApp } from './app';
export { DataFolderLockedError } from './db/data-lock';
export { type OpenedStore, openStore, type StoreLocation } from './db/open';
export { Store } from './db/store';
export { PROBLEM_TYPES, type Problem } from './problem';
export { DEFAULT_PORT, type RunningServer, type ServerOptions, startServer } from './server';
