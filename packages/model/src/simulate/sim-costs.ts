import type { OrgGraph } from '../graph/org-graph';

/** Annual costs used for people and hires with no cost of their own, in the org's currency. */
export interface CostFallbacks {
  /** Median cost of the individuals (not aggregates) at each level who have a cost. */
  readonly byLevel: ReadonlyMap<string, number>;
  /** Median cost of every individual with a cost; 0 when nobody has one. */
  readonly all: number;
  /** Records in the org with no cost (they take the fallback of their level). */
  readonly missing: number;
}

/** The median of `values` (mean of the two middle values for an even count); 0 when empty. */
export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The {@link CostFallbacks} of an org's records. */
export function getCostFallbacks(g: OrgGraph): CostFallbacks {
  const byLevel = new Map<string, number[]>();
  const all: number[] = [];
  let missing = 0;
  for (const p of g.records) {
    if (p.cost === undefined) {
      missing++;
      continue;
    }
    if (p.aggregate) continue;
    all.push(p.cost);
    if (p.level === undefined) continue;
    const list = byLevel.get(p.level);
    if (list) list.push(p.cost);
    else byLevel.set(p.level, [p.cost]);
  }
  return {
    byLevel: new Map([...byLevel].map(([level, costs]) => [level, median(costs)])),
    all: median(all),
    missing,
  };
}
