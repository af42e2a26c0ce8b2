/**
 * The hook through which comments and review decisions reach the live feed of a scenario
 * (`GET /api/scenarios/:id/events`, issue 14 items 1–2, DESIGN.md "Live work"): one function,
 * called after the change is committed. The app's default is `busReviewFeed` (`live/review-events`):
 * a notice with ids on the live bus (PostgreSQL NOTIFY across processes, in-process on PGlite),
 * which each open feed turns into a `comment` or `approval` event read from the database.
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

/** A feed that publishes nothing (for tools and tests that run without live feeds). */
export const silentReviewFeed: ReviewFeed = { publish: () => {} };
