import type { TeamReport } from '../schema/report';
import type { AnalysisContext } from './context';

/** TODO(helper): implement. */
export function analyzeTeams(_ctx: AnalysisContext): TeamReport[] {
  return [];
}
