import type { AnalysisReport, Op, Org } from '@reorg/model';

/** Messages to the analysis worker. */
export type AnalysisRequest =
  | { kind: 'load'; org: Org }
  | { kind: 'apply'; ops: Op[] }
  | { kind: 'analyze'; seq: number };

/** Messages from the analysis worker. */
export type AnalysisResponse = { kind: 'report'; seq: number; report: AnalysisReport; ms: number };
