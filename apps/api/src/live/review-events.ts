import { getReviewState } from '@reorg/model';
import { ReviewStore } from '../db/review-store';
import type { Store } from '../db/store';
import { toCommentJson } from '../services/review';
import type { ReviewFeed } from '../services/review-feed';
import { type LiveNotice, scenarioTopic } from './bus';

// Comments and approvals on the live feed of a scenario (issue 14 items 3–4 on the stream of
// item 1): the notice carries ids only, and the feed reads the committed rows to make the event.
declare module './bus' {
  interface LiveNoticeKinds {
    /** A comment was added, resolved or reopened. */
    comment: { scenarioId: string; commentId: string };
    /** The scenario's review changed: submitted, approved, changes requested, adopted. */
    approval: { scenarioId: string };
  }
}

/** The {@link ReviewFeed} on the live bus: a `comment` or `approval` notice on the scenario's topic. */
export function busReviewFeed(store: Store): ReviewFeed {
  return {
    publish(scenarioId, type, data) {
      const notice: LiveNotice =
        type === 'comment'
          ? { kind: 'comment', scenarioId, commentId: String((data as { id: string }).id) }
          : { kind: 'approval', scenarioId };
      // Live delivery is best effort: the change is committed already; a lost notice is a lost toast.
      store.bus.publish(scenarioTopic(scenarioId), notice).catch(() => {});
    },
  };
}

/** True for the notices {@link reviewEventOf} turns into events. */
export function isReviewNotice(n: {
  kind: string;
}): n is Extract<LiveNotice, { kind: 'comment' | 'approval' }> {
  return n.kind === 'comment' || n.kind === 'approval';
}

/**
 * The SSE event of a review notice, read from the database: `comment` with the comment as
 * `GET …/comments` returns it, `approval` with the review state as `GET …/review` returns it
 * (without history). Undefined when the comment or scenario is gone.
 */
export async function reviewEventOf(
  store: Store,
  notice: Extract<LiveNotice, { kind: 'comment' | 'approval' }>,
): Promise<{ event: 'comment' | 'approval'; data: string } | undefined> {
  const reviews = new ReviewStore(store.database);
  if (notice.kind === 'comment') {
    const comment = (await reviews.listComments(notice.scenarioId)).find((c) => c.id === notice.commentId);
    return comment ? { event: 'comment', data: JSON.stringify(toCommentJson(comment)) } : undefined;
  }
  const head = await store.getScenarioHead(notice.scenarioId);
  if (!head) return undefined;
  const state = getReviewState(await reviews.reviewEvents(notice.scenarioId), head.revision);
  return { event: 'approval', data: JSON.stringify({ scenarioId: notice.scenarioId, ...state }) };
}
