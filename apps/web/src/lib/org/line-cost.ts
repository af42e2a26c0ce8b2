import { getCostTotal } from '../cost';
import { getReports, type OrgIndex } from './org-index';

/**
 * The annual cost of everyone below a person in the reporting line (not the person), or `null`
 * when some of them have no cost the caller can see and `seesAll` is false (a partial sum would
 * understate it; shown as "hidden"). O(people below).
 */
export function getReportingLineCost(index: OrgIndex, id: string, seesAll: boolean): number | null {
  const below: { cost?: number | undefined }[] = [];
  const stack = [...getReports(index, id)];
  const seen = new Set<string>();
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    const person = index.byId.get(next);
    if (person) below.push(person);
    stack.push(...getReports(index, next));
  }
  return getCostTotal(below, seesAll);
}
