/**
 * The hook through which comments and review decisions reach the live feed of a scenario
 * (`GET /api/scenarios/:id/events`, issue 14 items 1–2, DESIGN.md "Live work"): one function,
 * called after the change is committed. Until the feed is wired in, the default does nothing;
 * the feed replaces it (through `AppOptions.reviewFeed`) with one that publishes on its stream
 * (PostgreSQL NOTIFY across processes, in-process on PGlite).
 */
export interface ReviewFeed {
  /**
   * Publishes one event on the scenario's stream: `comment` (a new, resolved or reopened
   * comment: the comment as the API returns it) or `approval` (the review state after a
   * submission, decision or adoption). Must not throw: a feed that is down loses live delivery,
   * never the stored change.
   */
  publish(scenarioId: string, type: 'comment' | 'approval', data: unknown): void;
}

/** The feed used until the live feed is wired in: it publishes nothing. */
export const silentReviewFeed: ReviewFeed = { publish: () => {} };
