import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Org } from '@reorg/model';
import autocannon from 'autocannon';
import { generateOrg } from '../../../../fixtures/index';
import { startChildServer } from '../testing/child-server';
import { createTestDatabase } from '../testing/engines';

/** What one load run measured. */
export interface LoadResult {
  engine: 'pglite' | 'postgres';
  scenario: string;
  /** Mean requests per second over the run. */
  requestsPerSecond: number;
  /** Latencies in milliseconds. */
  p50: number;
  p99: number;
  requests: number;
  non2xx: number;
  errors: number;
}

/** Options of {@link runLoad}. */
export interface LoadOptions {
  engine: 'pglite' | 'postgres';
  /** Seconds per measurement (default 5). */
  duration?: number;
  /** Concurrent connections (default 10). */
  connections?: number;
  /** People in the generated org (default 1,000). */
  people?: number;
}

/**
 * Starts the API in a child process on loopback (PGlite in a temporary data folder, or a fresh
 * PostgreSQL database on DATABASE_URL), imports a generated org, and measures with autocannon
 * from this process: GET of a scenario of that org, then one-op batches POSTed by every
 * connection, each on its own scenario with its own If-Match (so none is refused as stale).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult[]> {
  const { engine, duration = 5, connections = 10, people = 1000 } = options;
  const dataDir = mkdtempSync(join(tmpdir(), 'reorg-bench-'));
  const database = engine === 'postgres' ? await createTestDatabase('postgres') : undefined;
  const server = await startChildServer(dataDir, {
    seed: false,
    ...(database ? { databaseUrl: database.url } : {}),
  });
  try {
    if (!server.base) throw new Error(`the server did not start: ${server.stderr()}`);
    const base = server.base;
    auth = server.auth;
    const org = generateOrg({ people, seed: 7 });
    await post(base, '/api/orgs', org);
    const plan = pickMove(org);
    const ids: string[] = [];
    for (let k = 0; k < connections + 1; k++) {
      const created = (await post(base, `/api/orgs/${org.id}/scenarios`, {
        id: `bench-${k}`,
        name: `Bench ${k}`,
      })) as {
        id: string;
      };
      ids.push(created.id);
    }
    const read = await autocannon({
      url: `${base}/api/scenarios/${ids[0]}`,
      connections,
      duration,
      headers: auth,
    });
    const write = await autocannon({
      url: base,
      connections,
      duration,
      headers: auth,
      requests: [writeRequest(ids.slice(1), plan) as unknown as autocannon.Request],
    });
    return [
      summarize(engine, `GET a ${people}-person scenario`, read),
      summarize(engine, 'POST one-op batches (If-Match)', write),
    ];
  } finally {
    server.process.kill('SIGTERM');
    await server.exited;
    await database?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The admin token of the server under load. */
let auth: Record<string, string> = {};

async function post(base: string, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify(body),
  });
  if (res.status !== 201) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** An IC and two first-line managers to move them between: every such move applies. */
function pickMove(org: Org): { personId: string; managers: [string, string] } {
  const hasReports = new Set(org.people.map((p) => p.managerId));
  const firstLine = org.people.filter(
    (p) => hasReports.has(p.id) && !org.people.some((q) => q.managerId === p.id && hasReports.has(q.id)),
  );
  const ic = org.people.find((p) => !hasReports.has(p.id) && !p.aggregate && p.managerId !== null);
  if (!ic || firstLine.length < 2) throw new Error('the generated org has no IC and two first-line managers');
  return { personId: ic.id, managers: [firstLine[0]!.id, firstLine[1]!.id] };
}

/**
 * The write request: each call takes a free scenario (there is one per connection) and sends one
 * `changeManager` on top of its latest revision; the answer (201, or a 412 naming the current
 * revision) puts it back with its new revision.
 */
function writeRequest(ids: string[], plan: { personId: string; managers: [string, string] }) {
  const free = ids.map((id) => ({ id, revision: 1, moves: 0 }));
  const busy = new Map<string, { id: string; revision: number; moves: number }>();
  return {
    method: 'POST' as const,
    setupRequest: (req: Record<string, unknown>) => {
      // One scenario per connection, so one is free; after a lost response, share one (a 412 then).
      const s = free.shift() ?? [...busy.values()][0]!;
      busy.set(s.id, s);
      const managerId = plan.managers[s.moves % 2];
      return {
        ...req,
        path: `/api/scenarios/${s.id}/ops`,
        headers: { 'content-type': 'application/json', 'if-match': `"${s.revision}"`, ...auth },
        body: JSON.stringify({ ops: [{ type: 'changeManager', personId: plan.personId, managerId }] }),
      };
    },
    onResponse: (status: number, body: string) => {
      const parsed = JSON.parse(body) as {
        scenarioId?: string;
        revision?: number;
        instance?: string;
        currentRevision?: number;
      };
      const id = parsed.scenarioId ?? /\/api\/scenarios\/([^/]+)\/ops/.exec(parsed.instance ?? '')?.[1];
      const s = id ? busy.get(id) : undefined;
      if (!s) return;
      busy.delete(s.id);
      if (status === 201) {
        s.revision = parsed.revision!;
        s.moves++;
      } else if (parsed.currentRevision) {
        s.revision = parsed.currentRevision;
      }
      free.push(s);
    },
  };
}

function summarize(engine: LoadResult['engine'], scenario: string, r: autocannon.Result): LoadResult {
  return {
    engine,
    scenario,
    requestsPerSecond: Math.round(r.requests.average),
    p50: r.latency.p50,
    p99: r.latency.p99,
    requests: r.requests.total,
    non2xx: r.non2xx,
    errors: r.errors,
  };
}
