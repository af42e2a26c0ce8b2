import type { AnalysisContext } from './context';

/** TODO(helper): implement. */
export function checkGraph(_ctx: AnalysisContext): void {}
