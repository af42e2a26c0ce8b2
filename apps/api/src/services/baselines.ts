import { type AnalysisReport, analyzeOrg, loadOrg, type Org } from '@reorg/model';
import type { OrgRecord, Store } from '../db/store';
import { Lru } from '../lru';

/** A stored org with its baseline loaded (migrated and validated). */
export interface Baseline {
  record: OrgRecord;
  org: Org;
}

/**
 * Reads baselines through a per-process cache. Baselines are immutable rows, so a cached one is
 * never stale; the cache only saves parsing. Stored documents go through `loadOrg` on the way
 * out, so documents written by an older reorg are migrated when read.
 */
export class Baselines {
  private readonly cache = new Lru<string, Baseline>(32);
  private readonly reports = new Lru<string, AnalysisReport>(64);

  constructor(private readonly store: Store) {}

  /** The baseline of org `id`, or undefined when there is no such org. */
  async get(id: string): Promise<Baseline | undefined> {
    const hit = this.cache.get(id);
    if (hit) return hit;
    const record = await this.store.getOrg(id);
    if (!record) return undefined;
    const loaded = loadOrg(record.document);
    if (!loaded.ok) {
      throw new Error(`stored org ${id} no longer loads: ${loaded.issues.length} issues`);
    }
    const baseline = { record, org: loaded.org };
    this.cache.set(id, baseline);
    return baseline;
  }

  /** The analysis of the baseline of org `id` at `asOf` (default the org's own), cached. */
  analyze(baseline: Baseline, asOf?: string): AnalysisReport {
    const key = `${baseline.record.id}\u0000${asOf ?? ''}`;
    const hit = this.reports.get(key);
    if (hit) return hit;
    const report = analyzeOrg(baseline.org, asOf ? { asOf } : {});
    this.reports.set(key, report);
    return report;
  }
}
