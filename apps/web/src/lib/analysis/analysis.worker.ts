/// <reference lib="webworker" />
import { analyzeOrg, applyOps, type Op, type Org } from '@reorg/model';
import type { AnalysisRequest, AnalysisResponse } from './analysis-protocol';

/**
 * The analysis worker: keeps its own copy of the org (fetched from the API or posted once, then
 * kept up to date with the same ops the page applies) and runs the model's `analyzeOrg` off the
 * main thread. Messages are handled one after another, so ops and requests that arrive while the
 * org is being fetched wait for it.
 */
let org: Org | null = null;
let queue: Promise<void> = Promise.resolve();

const reply = (msg: AnalysisResponse) => (self as unknown as Worker).postMessage(msg);

/** The org at a scenario revision (GET /api/scenarios/:id/revisions/:revision) with `entries` applied. */
async function fetchOrg(
  url: string,
  entries: readonly Op[][],
  headers: Record<string, string> = {},
): Promise<Org> {
  const res = await fetch(url, { headers: { ...headers, accept: 'application/json' } });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status}`);
  let next = ((await res.json()) as { state: Org }).state;
  for (const ops of entries) {
    const r = applyOps(next, ops);
    if (!r.ok) throw new Error(r.error.message);
    next = r.org;
  }
  return next;
}

async function handle(msg: AnalysisRequest): Promise<void> {
  if (msg.kind === 'fetch') {
    try {
      org = await fetchOrg(msg.url, msg.entries, msg.headers);
    } catch (error) {
      org = null;
      reply({ kind: 'need-org', reason: (error as Error).message });
    }
  } else if (msg.kind === 'load') org = msg.org;
  else if (msg.kind === 'apply' && org) {
    const r = applyOps(org, msg.ops);
    if (r.ok) org = r.org;
  } else if (msg.kind === 'analyze' && org) {
    const started = performance.now();
    const report = analyzeOrg(org);
    reply({ kind: 'report', seq: msg.seq, report, ms: performance.now() - started });
  }
}

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  queue = queue.then(() => handle(event.data));
};
