/** The parts of a live `revision` event that decide what to do with it. */
export interface RevisionHead {
  scenarioId: string;
  revision: number;
  /** The e-mail of who saved it. */
  author: string;
  restoredFrom: number | null;
}

/** The parts of the open session that decide it. */
export interface SessionHead {
  scenarioId: string | null;
  revision: number;
  /** Unsaved changes, and how many of them are being saved now. */
  pending: number;
  inFlight: number;
  /** A conflict is shown (nothing is applied under it without the user's say). */
  conflict: boolean;
}

/**
 * What to do with a revision from the feed, given the session: `ignore` (ours, or one we have),
 * `apply` (the next one, nothing unsaved here: apply its ops at once), or `rebase` (fetch the
 * latest and re-apply the unsaved changes on top, as after a 412).
 */
export function planRevision(
  s: SessionHead,
  e: RevisionHead,
  me: string | null,
): 'ignore' | 'apply' | 'rebase' {
  if (e.scenarioId !== s.scenarioId || e.revision <= s.revision) return 'ignore';
  // Our own save, whose answer is on its way: saveNow moves the revision on.
  if (me !== null && e.author === me && s.inFlight > 0) return 'ignore';
  if (
    e.revision === s.revision + 1 &&
    e.restoredFrom === null &&
    s.pending === 0 &&
    s.inFlight === 0 &&
    !s.conflict
  )
    return 'apply';
  return 'rebase';
}
