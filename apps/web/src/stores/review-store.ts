import { create } from 'zustand';
import {
  addComment,
  type CommentSubject,
  decide,
  getReview,
  listComments,
  type Review,
  type ScenarioComment,
  setCommentResolved,
  submitForApproval,
} from '../lib/api/review';
import { loadScenarios } from './catalog-store';
import { useSession } from './session-store';

/**
 * The review store: comments and approval of the open scenario. Loaded when a scenario opens,
 * refreshed by {@link receiveReviewEvent} (the live feed's `comment` and `approval` events) and,
 * as a safety net while the scenario is open, every {@link REVIEW_POLL_MS}.
 */
export interface ReviewStoreState {
  scenarioId: string | null;
  comments: ScenarioComment[];
  review: Review | null;
  /** Open comments per person or team id (the badges on the cards). */
  openBySubject: Map<string, number>;
  panelOpen: boolean;
  error: string | null;
}

/**
 * How often the open scenario's comments and review are read again (ms): a safety net under the
 * live feed's events (a lost notice, a feed that is down), as often as the feed's heartbeat.
 */
export const REVIEW_POLL_MS = 15_000;

export const useReview = create<ReviewStoreState>()(() => ({
  scenarioId: null,
  comments: [],
  review: null,
  openBySubject: new Map(),
  panelOpen: false,
  error: null,
}));

/** Open comments by person or team id. */
export function countOpenBySubject(comments: readonly ScenarioComment[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of comments) {
    if (c.resolved || (c.subject.kind !== 'person' && c.subject.kind !== 'team')) continue;
    out.set(c.subject.id, (out.get(c.subject.id) ?? 0) + 1);
  }
  return out;
}

function setComments(comments: ScenarioComment[]): void {
  useReview.setState({ comments, openBySubject: countOpenBySubject(comments) });
}

/** Merges one comment (new or changed) into the list, keeping the order of creation. */
export function mergeComment(list: readonly ScenarioComment[], c: ScenarioComment): ScenarioComment[] {
  const k = list.findIndex((x) => x.id === c.id);
  if (k >= 0) return list.map((x, i) => (i === k ? c : x));
  return [...list, c].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

/** Reads the comments and review of `scenarioId` (and makes it the store's scenario). */
export async function loadReview(scenarioId: string): Promise<void> {
  if (useReview.getState().scenarioId !== scenarioId) {
    useReview.setState({ scenarioId, comments: [], review: null, openBySubject: new Map(), error: null });
  }
  try {
    const [comments, review] = await Promise.all([listComments(scenarioId), getReview(scenarioId)]);
    if (useReview.getState().scenarioId !== scenarioId) return;
    setComments(comments);
    useReview.setState({ review, error: null });
  } catch (e) {
    useReview.setState({ error: (e as Error).message });
  }
}

/** Applies a `comment` or `approval` event of the live feed to the open scenario. */
export function receiveReviewEvent(event: 'comment' | 'approval', data: unknown): void {
  const s = useReview.getState();
  const d = data as { scenarioId?: string };
  if (!s.scenarioId || d.scenarioId !== s.scenarioId) return;
  if (event === 'comment') setComments(mergeComment(s.comments, data as ScenarioComment));
  else useReview.setState({ review: { ...(data as Review), history: s.review?.history } });
}

/** Comments on the scenario (or a person, team or revision of it). */
export async function postComment(body: string, subject: CommentSubject): Promise<void> {
  const id = useReview.getState().scenarioId;
  if (!id) return;
  const c = await addComment(id, body, subject);
  setComments(mergeComment(useReview.getState().comments, c));
}

/** Resolves or reopens a comment. */
export async function resolveComment(commentId: string, resolved: boolean): Promise<void> {
  const id = useReview.getState().scenarioId;
  if (!id) return;
  const c = await setCommentResolved(id, commentId, resolved);
  setComments(mergeComment(useReview.getState().comments, c));
}

/** Submits the open scenario for approval. */
export async function submitReview(approvers: string[], role?: 'hr'): Promise<void> {
  const id = useReview.getState().scenarioId;
  if (!id) return;
  useReview.setState({ review: await submitForApproval(id, approvers, role) });
  await refreshListing();
}

/** Approves or asks for changes on the open scenario. */
export async function decideReview(kind: 'approve' | 'request-changes', comment: string): Promise<void> {
  const id = useReview.getState().scenarioId;
  if (!id) return;
  useReview.setState({ review: await decide(id, kind, comment) });
  await refreshListing();
}

/** Reads the org's scenario list again (it shows each one's review state). */
export async function refreshListing(): Promise<void> {
  const orgId = useSession.getState().orgId;
  if (orgId) await loadScenarios(orgId).catch(() => {});
}

/** Opens or closes the side panel. */
export function setReviewPanel(open: boolean): void {
  useReview.setState({ panelOpen: open });
}
