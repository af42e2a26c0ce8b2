import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChildServer } from '../testing/child-server';
import { createTestDatabase } from '../testing/engines';
import { smallOrg } from '../testing/orgs';
import { SseReader } from '../testing/sse';

/** What one live-feed load run measured (latencies in milliseconds). */
export interface LiveLoadResult {
  engine: 'pglite' | 'postgres';
  clients: number;
  /** Revisions saved (one batch each). */
  revisions: number;
  /** Achieved saves per second. */
  savesPerSecond: number;
  /** Every client received every revision, in order, once. */
  allInOrder: boolean;
  /** Clients whose sequence was not exactly the saved revisions (0 when `allInOrder`). */
  clientsOutOfOrder: number;
  /** From sending the save to a client reading its event, over every (client, revision). */
  deliveryP50: number;
  deliveryP99: number;
  deliveryMax: number;
  /** The baseline: from sending the save to its 201 (the write alone). */
  saveP50: number;
  saveP99: number;
}

/** Options of {@link runLiveLoad}; defaults are the issue's: 50 clients, 10 saves a second, 30 s. */
export interface LiveLoadOptions {
  engine: 'pglite' | 'postgres';
  clients?: number;
  savesPerSecond?: number;
  seconds?: number;
}

/**
 * Starts the API in a child process (PGlite in a temporary folder, or a fresh PostgreSQL
 * database), opens `clients` live feeds of one scenario from this process, and saves one-op
 * batches on it at `savesPerSecond` (each with If-Match on the last) for `seconds`. Checks that
 * every feed got every revision in order, and measures delivery latency against the save's own.
 */
export async function runLiveLoad(options: LiveLoadOptions): Promise<LiveLoadResult> {
  const { engine, clients = 50, savesPerSecond = 10, seconds = 30 } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'reorg-live-bench-'));
  const database = engine === 'postgres' ? await createTestDatabase('postgres') : undefined;
  const server = await startChildServer(dataDir, {
    seed: false,
    ...(database ? { databaseUrl: database.url } : {}),
  });
  const readers: SseReader[] = [];
  try {
    if (!server.base) throw new Error(`the server did not start: ${server.stderr()}`);
    const { base, auth } = server;
    const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
      const res = await fetch(`${base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...auth, ...headers },
        body: JSON.stringify(body),
      });
      if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as { revision: number };
    };
    await post('/api/orgs', smallOrg('bench'));
    await post('/api/orgs/bench/scenarios', { id: 'live', name: 'Live bench' });
    for (let k = 0; k < clients; k++) {
      const res = await fetch(`${base}/api/scenarios/live/events`, { headers: auth });
      const reader = new SseReader(res);
      readers.push(reader);
    }
    await Promise.all(readers.map((r) => r.nextNamed('ready', 60_000)));

    const total = Math.round(savesPerSecond * seconds);
    const sentAt = new Map<number, number>();
    const saveMs: number[] = [];
    const started = performance.now();
    let revision = 1;
    for (let k = 0; k < total; k++) {
      const due = started + (k * 1000) / savesPerSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const t0 = performance.now();
      sentAt.set(revision + 1, t0);
      const managerId = k % 2 === 0 ? 'linus' : 'grace';
      const saved = await post(
        '/api/scenarios/live/ops',
        { ops: [{ type: 'changeManager', personId: 'e1', managerId }] },
        { 'if-match': `"${revision}"` },
      );
      saveMs.push(performance.now() - t0);
      revision = saved.revision;
    }
    const elapsed = (performance.now() - started) / 1000;
    const expected = Array.from({ length: total }, (_, k) => k + 2);
    const delivery: number[] = [];
    let outOfOrder = 0;
    for (const reader of readers) {
      const got: number[] = [];
      for (let k = 0; k < total; k++) {
        const e = await reader.nextNamed('revision', 30_000).catch(() => undefined);
        if (!e) break;
        const rev = Number(e.id);
        got.push(rev);
        delivery.push(e.at - (sentAt.get(rev) ?? e.at));
      }
      if (got.length !== expected.length || got.some((r, k) => r !== expected[k])) outOfOrder += 1;
    }
    return {
      engine,
      clients,
      revisions: total,
      savesPerSecond: round(total / elapsed),
      allInOrder: outOfOrder === 0,
      clientsOutOfOrder: outOfOrder,
      deliveryP50: percentile(delivery, 0.5),
      deliveryP99: percentile(delivery, 0.99),
      deliveryMax: percentile(delivery, 1),
      saveP50: percentile(saveMs, 0.5),
      saveP99: percentile(saveMs, 0.99),
    };
  } finally {
    for (const r of readers) await r.close();
    server.process.kill('SIGTERM');
    await server.exited;
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return round(sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number);
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
