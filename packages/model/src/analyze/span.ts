import type { ManagerReport } from '../schema/report';
import type { AnalysisContext } from './context';

/** TODO(helper): implement. */
export function analyzeSpans(_ctx: AnalysisContext): ManagerReport[] {
  return [];
}
