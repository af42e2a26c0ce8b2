import { useEffect } from 'react';
import { ReviewStateChip } from '../../components/review-state-chip';
import { canAdoptOn } from '../../lib/auth/review-permissions';
import { useMe } from '../../stores/me-store';
import { loadReview, REVIEW_POLL_MS, setReviewPanel, useReview } from '../../stores/review-store';
import { useSession } from '../../stores/session-store';
import { ApprovalSection } from './approval-section';
import { CommentsSection } from './comments-section';
import { RebaseSection } from './rebase-section';
import './review.css';

/** Keeps the review store on the open scenario: loads it, and reads it again after each save and every few seconds. */
function useReviewSync(scenarioId: string | null, revision: number) {
  useEffect(() => {
    if (!scenarioId) return;
    void loadReview(scenarioId);
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void loadReview(scenarioId);
    }, REVIEW_POLL_MS);
    return () => clearInterval(timer);
  }, [scenarioId]);
  useEffect(() => {
    // A new revision resets the approvals: read the review again.
    if (scenarioId && revision > 0) void loadReview(scenarioId);
  }, [scenarioId, revision]);
}

/** The side panel: a newer baseline (rebase), approval, then the comments. */
function ReviewPanel({ onOpenScenario }: { onOpenScenario: (id: string) => void }) {
  const identity = useMe((s) => s.identity);
  const access = useSession((s) => s.access);
  const orgId = useSession((s) => s.orgId);
  const error = useReview((s) => s.error);
  const me = identity.status === 'signed-in' ? identity.me.user.email : null;
  const canComment = access ? access.level !== 'view' : true;
  return (
    <aside className="review-panel" aria-label="Comments and approval">
      <div className="review-panel-head">
        <h2>Review</h2>
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => setReviewPanel(false)}>
          Close
        </button>
      </div>
      {error && <p className="form-error">{error}</p>}
      <RebaseSection onOpen={onOpenScenario} />
      <ApprovalSection me={me} canEdit={access?.edit ?? true} canAdopt={canAdoptOn(identity, orgId)} />
      <CommentsSection canComment={canComment} />
    </aside>
  );
}

/**
 * "Review" in the top bar: the review state and open comments; opens the side panel.
 * `onOpenScenario` opens another scenario (the one a rebase makes).
 */
export function ReviewButton({ onOpenScenario }: { onOpenScenario: (id: string) => void }) {
  const scenarioId = useSession((s) => s.scenarioId);
  const revision = useSession((s) => s.revision);
  const review = useReview((s) => s.review);
  const open = useReview((s) => s.comments.filter((c) => !c.resolved).length);
  const panelOpen = useReview((s) => s.panelOpen);
  useReviewSync(scenarioId, revision);
  if (!scenarioId) return null;
  return (
    <>
      <button
        type="button"
        className="btn btn-sm review-button"
        aria-expanded={panelOpen}
        onClick={() => setReviewPanel(!panelOpen)}
      >
        Review
        {review && <ReviewStateChip state={review.state} />}
        {open > 0 && (
          <span className="count-badge" title={`${open} open comment${open === 1 ? '' : 's'}`}>
            {open}
            <span className="sr-only"> open comment{open === 1 ? '' : 's'}</span>
          </span>
        )}
      </button>
      {panelOpen && <ReviewPanel onOpenScenario={onOpenScenario} />}
    </>
  );
}
