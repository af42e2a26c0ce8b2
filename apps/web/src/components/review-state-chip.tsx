import type { ReviewStateName } from '../lib/api/review';
import { REVIEW_STATE_TEXT } from '../lib/review/review-words';
import './review-state-chip.css';

/** A scenario's review state (draft, in review, changes requested, approved, adopted) as a chip. */
export function ReviewStateChip({ state }: { state: ReviewStateName }) {
  return (
    <span className={`chip review-chip review-${state}`} data-review-state={state}>
      {REVIEW_STATE_TEXT[state]}
    </span>
  );
}
