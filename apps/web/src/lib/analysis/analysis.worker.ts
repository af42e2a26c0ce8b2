/// <reference lib="webworker" />
import { analyzeOrg, applyOps, type Org } from '@reorg/model';
import type { AnalysisRequest, AnalysisResponse } from './analysis-protocol';

/**
 * The analysis worker: keeps its own copy of the org (loaded once, then kept up to date with the
 * same ops the page applies) and runs the model's `analyzeOrg` off the main thread.
 */
let org: Org | null = null;

self.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const msg = event.data;
  if (msg.kind === 'load') org = msg.org;
  else if (msg.kind === 'apply' && org) {
    const r = applyOps(org, msg.ops);
    if (r.ok) org = r.org;
  } else if (msg.kind === 'analyze' && org) {
    const started = performance.now();
    const report = analyzeOrg(org);
    const reply: AnalysisResponse = { kind: 'report', seq: msg.seq, report, ms: performance.now() - started };
    (self as unknown as Worker).postMessage(reply);
  }
};
