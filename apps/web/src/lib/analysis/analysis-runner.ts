import { type AnalysisReport, analyzeOrg, type Op, type Org } from '@reorg/model';
import type { AnalysisRequest, AnalysisResponse } from './analysis-protocol';

/** Orgs up to this many people are analysed on the main thread, synchronously (a few ms). */
export const INLINE_ANALYSIS_LIMIT = 3000;

/**
 * Runs the full analysis: inline for small orgs, in a worker for big ones. The worker keeps its
 * own copy of the org; `load` sends the whole org (once per scenario or rebase), `apply` only ops.
 * At most one analysis is in flight; changes made meanwhile trigger one more when it returns.
 */
export interface AnalysisRunner {
  readonly inline: boolean;
  /**
   * Gives the runner the org to analyse. With `source`, a worker reads the same org from the API
   * itself (the state at a saved revision plus the unsaved entries' ops) instead of being sent a
   * copy: posting 100k people costs the page a 0.2 s task.
   */
  load(org: Org, source?: OrgSource): void;
  apply(ops: Op[], org: Org): void;
  /** Asks for a report of the latest state; `onReport` gets it (immediately when inline). */
  request(): void;
  dispose(): void;
}

/** Where a worker can read the org: a scenario revision's URL and the ops of each unsaved entry after it. */
export interface OrgSource {
  url: string;
  entries: Op[][];
  /** Headers of the worker's request (an admin's "view as": the worker sees what the page sees). */
  headers?: Record<string, string>;
}

/** Creates a runner for an org of `size` people. */
export function createAnalysisRunner(
  size: number,
  onReport: (report: AnalysisReport, ms: number) => void,
): AnalysisRunner {
  if (size <= INLINE_ANALYSIS_LIMIT || typeof Worker === 'undefined') return inlineRunner(onReport);
  return workerRunner(onReport);
}

function inlineRunner(onReport: (report: AnalysisReport, ms: number) => void): AnalysisRunner {
  let org: Org | null = null;
  return {
    inline: true,
    load(next) {
      org = next;
    },
    apply(_ops, next) {
      org = next;
    },
    request() {
      if (!org) return;
      const started = performance.now();
      const report = analyzeOrg(org);
      onReport(report, performance.now() - started);
    },
    dispose() {
      org = null;
    },
  };
}

function workerRunner(onReport: (report: AnalysisReport, ms: number) => void): AnalysisRunner {
  const worker = new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module' });
  const post = (msg: AnalysisRequest) => worker.postMessage(msg);
  let seq = 0;
  let inFlight = false;
  let again = false;
  let wanted = false;
  // Posting a big org copies it on the main thread, and fetching it competes with the first frame
  // for the CPU: either happens after the first paint, with the latest state.
  let latest: Org | null = null;
  let loaded = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let source: OrgSource | null = null;
  /** Ops applied after `load` and before the worker got the org (a fetch must replay them too). */
  let early: Op[][] = [];
  worker.onmessage = (event: MessageEvent<AnalysisResponse>) => {
    if (event.data.kind === 'need-org') {
      // The worker could not read the org itself: send it (with every change so far).
      if (latest) post({ kind: 'load', org: latest });
      if (inFlight) send();
      return;
    }
    inFlight = false;
    if (event.data.seq === seq && !again) onReport(event.data.report, event.data.ms);
    if (again) {
      again = false;
      send();
    }
  };
  const send = () => {
    inFlight = true;
    post({ kind: 'analyze', seq: ++seq });
  };
  return {
    inline: false,
    load(org, from) {
      latest = org;
      source = from ?? null;
      early = [];
      loaded = false;
      if (timer) clearTimeout(timer);
      const start = () => {
        if (timer) clearTimeout(timer);
        timer = null;
        removeEventListener('reorg:chart-painted', start);
        if (!latest || loaded) return;
        if (source)
          post({
            kind: 'fetch',
            url: source.url,
            entries: [...source.entries, ...early],
            ...(source.headers ? { headers: source.headers } : {}),
          });
        else post({ kind: 'load', org: latest });
        loaded = true;
        if (wanted) {
          wanted = false;
          if (inFlight) again = true;
          else send();
        }
      };
      // After the chart's first frame (the copy would delay it), or soon in the other views.
      addEventListener('reorg:chart-painted', start);
      timer = setTimeout(start, 1200);
    },
    apply(ops, org) {
      latest = org;
      if (loaded) post({ kind: 'apply', ops });
      else early.push(ops);
    },
    request() {
      if (!loaded) wanted = true;
      else if (inFlight) again = true;
      else send();
    },
    dispose() {
      if (timer) clearTimeout(timer);
      worker.terminate();
    },
  };
}
