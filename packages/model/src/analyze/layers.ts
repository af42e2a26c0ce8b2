import type { ManagerReport } from '../schema/report';
import type { AnalysisContext } from './context';

/** TODO(helper): implement. */
export function checkLayers(_ctx: AnalysisContext, _managers: ManagerReport[]): void {}
