import type { FeedRevision, LiveStore } from '../db/live-store';

/**
 * Reads feed revisions for every open feed of this process, sharing one query among the feeds
 * that ask for the same page at once (after a notice, every feed of a scenario asks for the rows
 * after the same cursor). Nothing is kept once a read is answered: the database stays the truth.
 */
export class RevisionReader {
  private readonly inFlight = new Map<string, Promise<FeedRevision[]>>();

  constructor(private readonly live: LiveStore) {}

  /** Revisions of a scenario after `after`, oldest first (one page). */
  scenarioAfter(scenarioId: string, after: number): Promise<FeedRevision[]> {
    return this.shared(`s\u0000${scenarioId}\u0000${after}`, () =>
      this.live.scenarioRevisionsAfter(scenarioId, after),
    );
  }

  /** Revisions of an org after `afterSeq`, in commit order (one page). */
  orgAfter(orgId: string, afterSeq: number): Promise<FeedRevision[]> {
    return this.shared(`o\u0000${orgId}\u0000${afterSeq}`, () =>
      this.live.orgRevisionsAfter(orgId, afterSeq),
    );
  }

  private shared(key: string, read: () => Promise<FeedRevision[]>): Promise<FeedRevision[]> {
    const running = this.inFlight.get(key);
    if (running) return running;
    const started = read().finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, started);
    return started;
  }
}
