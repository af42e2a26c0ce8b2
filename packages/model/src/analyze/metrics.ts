import type { ManagerReport, Summary } from '../schema/report';
import type { AnalysisContext } from './context';

/** TODO(helper): implement. */
export function summarize(_ctx: AnalysisContext, _managers: ManagerReport[]): Summary {
  throw new Error('not implemented');
}
