import type { OrgGraph } from '../graph/org-graph';
import { normalizeLocation, type RateCard } from '../schema/rate-card';

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

/**
 * Where the annual cost of a post came from: `own` (the record's or plan line's `cost`),
 * `rate-card` (the org's rate card: a rate for the level at the post's location, else one for the
 * level with no location), `level-median` (median of the org's people at that level),
 * `org-median` (median of everyone with a cost), or `none` (nobody has a cost: 0).
 */
export type CostSource = 'own' | 'rate-card' | 'level-median' | 'org-median' | 'none';

/** A resolved annual cost of one post and where it came from. */
export interface ResolvedCost {
  annualCost: number;
  source: CostSource;
  /** For `rate-card`: the location of the rate used (null: the level's rate for any location). */
  rateLocation?: string | null;
}

/** Rate-card lookups by `level` then normalized location ('' for the rate with no location). */
export type RateIndex = ReadonlyMap<string, ReadonlyMap<string, number>>;

/** Indexes a rate card for {@link resolveCost}. */
export function indexRateCard(card: RateCard | undefined): RateIndex {
  const out = new Map<string, Map<string, number>>();
  for (const r of card?.rates ?? []) {
    let byLocation = out.get(r.level);
    if (!byLocation) out.set(r.level, (byLocation = new Map()));
    byLocation.set(normalizeLocation(r.location) ?? '', r.annualCost);
  }
  return out;
}

/**
 * The annual cost of one post without a cost of its own: the rate card's rate for its level at
 * its location, else the level's rate with no location, else the median cost of the level, else
 * the median of everyone, else 0.
 */
export function resolveCost(
  rates: RateIndex,
  fallbacks: Pick<CostFallbacks, 'byLevel' | 'all'>,
  level: string | undefined,
  location: string | undefined,
): ResolvedCost {
  const byLocation = level === undefined ? undefined : rates.get(level);
  if (byLocation) {
    const where = normalizeLocation(location);
    const at = where === undefined ? undefined : byLocation.get(where);
    if (at !== undefined)
      return { annualCost: at, source: 'rate-card', rateLocation: location?.trim() ?? null };
    const any = byLocation.get('');
    if (any !== undefined) return { annualCost: any, source: 'rate-card', rateLocation: null };
  }
  const median = level === undefined ? undefined : fallbacks.byLevel.get(level);
  if (median !== undefined) return { annualCost: median, source: 'level-median' };
  if (fallbacks.all > 0) return { annualCost: fallbacks.all, source: 'org-median' };
  return { annualCost: 0, source: 'none' };
}
