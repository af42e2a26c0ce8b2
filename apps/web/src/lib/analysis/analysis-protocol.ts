import type { AnalysisReport, Op, Org } from '@reorg/model';

/**
 * Messages to the analysis worker. `fetch` has the worker read the org itself (a scenario
 * revision from the API, then the unsaved entries' ops, entry by entry), so the page never copies
 * a big org into it; `load` posts the org (the fallback).
 */
export type AnalysisRequest =
  | { kind: 'fetch'; url: string; entries: Op[][]; headers?: Record<string, string> }
  | { kind: 'load'; org: Org }
  | { kind: 'apply'; ops: Op[] }
  | { kind: 'analyze'; seq: number };

/** Messages from the analysis worker: a report, or a request for the org when `fetch` failed. */
export type AnalysisResponse =
  | { kind: 'report'; seq: number; report: AnalysisReport; ms: number }
  | { kind: 'need-org'; reason: string };
