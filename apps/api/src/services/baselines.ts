import { type AnalysisReport, analyzeOrg, loadOrg, type Org } from '@reorg/model';
import type { OrgRecord, Store } from '../db/store';
import { Lru } from '../lru';

/** A stored org with one of its baseline revisions loaded (migrated and validated). */
export interface Baseline {
  record: OrgRecord;
  org: Org;
  /**
   * The baseline revision: 1 is the imported document (`record.document`); each adopted scenario
   * adds the next (`org_baselines`), and the old ones are kept.
   */
  revision: number;
}

/**
 * Reads baselines through a per-process cache keyed by (org, baseline revision). Baseline
 * revisions are immutable rows, so a cached one is never stale; which revision is the latest is
 * asked of the database each time (one indexed read), so an adoption made by another process is
 * seen at once. Stored documents go through `loadOrg` on the way out, so documents written by an
 * older reorg are migrated when read.
 */
export class Baselines {
  private readonly cache = new Lru<string, Baseline>(32);
  private readonly reports = new Lru<string, AnalysisReport>(64);

  constructor(private readonly store: Store) {}

  /** The latest baseline of org `id`, or undefined when there is no such org. */
  async get(id: string): Promise<Baseline | undefined> {
    return this.getAt(id, await this.store.latestBaselineRevision(id));
  }

  /** Baseline `revision` of org `id`, or undefined when there is no such org or revision. */
  async getAt(id: string, revision: number): Promise<Baseline | undefined> {
    const key = `${id}\u0000${revision}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const record = await this.store.getOrg(id);
    if (!record) return undefined;
    const document = revision === 1 ? record.document : await this.store.getBaselineDocument(id, revision);
    if (document === undefined) return undefined;
    const loaded = loadOrg(document);
    if (!loaded.ok) {
      throw new Error(
        `stored org ${id} baseline ${revision} no longer loads: ${loaded.issues.length} issues`,
      );
    }
    const baseline = { record, org: loaded.org, revision };
    this.cache.set(key, baseline);
    return baseline;
  }

  /** The analysis of a baseline at `asOf` (default the org's own), cached. */
  analyze(baseline: Baseline, asOf?: string): AnalysisReport {
    const key = `${baseline.record.id}\u0000${baseline.revision}\u0000${asOf ?? ''}`;
    const hit = this.reports.get(key);
    if (hit) return hit;
    const report = analyzeOrg(baseline.org, asOf ? { asOf } : {});
    this.reports.set(key, report);
    return report;
  }
}
