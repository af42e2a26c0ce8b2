import type { AnalysisContext } from './context';

/** TODO(helper): implement. */
export function checkPeopleOnLadder(_ctx: AnalysisContext): void {}
