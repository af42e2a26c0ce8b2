import type { AnalysisContext } from './context';

/** TODO(helper): implement. */
export function checkInteractions(_ctx: AnalysisContext): void {}
