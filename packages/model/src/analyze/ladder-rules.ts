import type { AnalysisContext } from './context';

/** TODO(helper): implement. */
export function checkLadder(_ctx: AnalysisContext): void {}
