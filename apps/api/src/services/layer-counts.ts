import { getOrgGraph, headcountWeight, type Org } from '@reorg/model';

/** Headcount of one layer of the reporting tree, and how many of them manage someone. */
export interface LayerCount {
  /** The layer: the top person is layer 1. */
  layer: number;
  /** Records in the layer, an aggregate counted as its FTE rounded up (any status). */
  people: number;
  /** Records in the layer with at least one direct report. */
  managers: number;
}

/**
 * People per layer of an org's reporting tree, top first: the layers pyramid of the compare
 * view. Records in or below a reporting loop have no layer and are left out (they are
 * `graph.cycle` findings).
 */
export function countByLayer(org: Org): LayerCount[] {
  const g = getOrgGraph(org);
  const counts: LayerCount[] = Array.from({ length: g.maxLayer }, (_, k) => ({
    layer: k + 1,
    people: 0,
    managers: 0,
  }));
  for (let i = 0; i < g.n; i++) {
    const layer = g.layer[i]!;
    if (layer < 1) continue;
    const row = counts[layer - 1]!;
    row.people += headcountWeight(g.records[i]!);
    if (g.childOffsets[i + 1]! > g.childOffsets[i]!) row.managers++;
  }
  return counts;
}
