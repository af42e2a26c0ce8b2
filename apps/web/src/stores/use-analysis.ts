import type { AnalysisReport } from '@reorg/model';
import { useDeferredValue, useMemo } from 'react';
import { applySpanOverlay, createSpanLookup, type SpanLookup } from '../lib/analysis/span-overlay';
import { useSession } from './session-store';

/**
 * Span rows and findings per person, current to the last change (the full report with the spans
 * re-analysed since on top). O(1) per read after a drop: use it for what must repaint at once.
 */
export function useSpanLookup(): SpanLookup {
  const analysis = useSession((s) => s.analysis);
  const overlay = useSession((s) => s.spanOverlay);
  return useMemo(() => createSpanLookup(analysis, overlay), [analysis, overlay]);
}

/**
 * The whole analysis report with the locally re-analysed spans merged in, deferred: a drop
 * repaints the chart first, and views that read every finding (the findings panel, the ladder)
 * catch up in a background render. Null until the first analysis.
 */
export function useDeferredAnalysis(): AnalysisReport | null {
  const analysis = useDeferredValue(useSession((s) => s.analysis));
  const overlay = useDeferredValue(useSession((s) => s.spanOverlay));
  return useMemo(() => (analysis ? applySpanOverlay(analysis, overlay) : null), [analysis, overlay]);
}
