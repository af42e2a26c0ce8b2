/**
 * The approval state machine of a scenario (issue 14, item 4), as a pure fold over its review
 * events. A scenario starts as a `draft`; submitting it names its approvers (e-mails, or every
 * holder of a role on the org, resolved to e-mails by the caller) and puts it `in-review`; each
 * approver approves or requests changes, with a comment; when every approver has approved it is
 * `approved`; one request for changes makes it `changes-requested`; any new revision after the
 * submission resets every decision (back to `in-review`, or `draft` when none was ever
 * submitted); adoption makes it `adopted`, which is final.
 */

/** The states of a scenario's review, in the order a scenario usually goes through them. */
export const REVIEW_STATES = ['draft', 'in-review', 'changes-requested', 'approved', 'adopted'] as const;
/** One of {@link REVIEW_STATES}. */
export type ReviewStateName = (typeof REVIEW_STATES)[number];

/** One event of a scenario's review history, oldest first. `by` is an e-mail (lower case). */
export type ReviewEvent =
  | { kind: 'submit'; by: string; revision: number; approvers: string[]; role?: string | null }
  | { kind: 'approve'; by: string; revision: number; comment?: string }
  | { kind: 'request-changes'; by: string; revision: number; comment: string }
  | { kind: 'adopt'; by: string; revision: number };

/** One approver's standing: `pending` until they decide on the revision under review. */
export interface ApproverStanding {
  email: string;
  decision: 'pending' | 'approved' | 'changes-requested';
  /** The comment of their latest decision, when they gave one. */
  comment?: string;
}

/** The state of a review: what the API returns and the web app shows. */
export interface ReviewState {
  state: ReviewStateName;
  /** The revision the decisions apply to (the latest when a review is open), or null for a draft. */
  revision: number | null;
  /** Who submitted the scenario for review, null for a draft. */
  submittedBy: string | null;
  /** The role the approvers were named by (`hr`, …), when the submission named a role. */
  role: string | null;
  approvers: ApproverStanding[];
}

/** Why a review event is refused (the API answers 409 or 403 with the message). */
export type ReviewRefusal =
  | { code: 'not_in_review'; message: string }
  | { code: 'not_approver'; message: string }
  | { code: 'adopted'; message: string }
  | { code: 'not_approved'; message: string }
  | { code: 'no_approvers'; message: string };

/**
 * The review state after `events` (oldest first), at a scenario whose latest revision is
 * `latestRevision`. A submission or decision made on a revision older than the latest no longer
 * counts: the scenario changed since, so the decisions are reset (state `in-review`, every
 * approver `pending`). Events that {@link checkReviewEvent} would refuse are ignored.
 */
export function getReviewState(events: readonly ReviewEvent[], latestRevision: number): ReviewState {
  let state: ReviewState = draft();
  for (const event of events) {
    if (checkReviewEvent(state, event, event.revision) === undefined) state = step(state, event);
  }
  if (state.state !== 'adopted' && state.revision !== null && state.revision < latestRevision) {
    return {
      ...state,
      state: 'in-review',
      revision: latestRevision,
      approvers: state.approvers.map((a) => ({ email: a.email, decision: 'pending' })),
    };
  }
  return state;
}

/**
 * Whether `event` may happen now, on a scenario at `latestRevision` whose review is `state`:
 * undefined when it may, else the refusal. Submitting needs at least one approver and is allowed
 * in any state but `adopted` (a resubmission names the approvers again); approving and requesting
 * changes need an open review and an approver named in it; adopting needs `approved`.
 */
export function checkReviewEvent(
  state: ReviewState,
  event: ReviewEvent,
  latestRevision: number,
): ReviewRefusal | undefined {
  if (state.state === 'adopted') {
    return { code: 'adopted', message: 'the scenario has been adopted; its review is closed' };
  }
  switch (event.kind) {
    case 'submit':
      return event.approvers.length === 0
        ? {
            code: 'no_approvers',
            message: 'name at least one approver (an e-mail, or a role that someone holds)',
          }
        : undefined;
    case 'approve':
    case 'request-changes': {
      if (state.state === 'draft') {
        return { code: 'not_in_review', message: 'the scenario has not been submitted for approval' };
      }
      if (!state.approvers.some((a) => a.email === event.by)) {
        return {
          code: 'not_approver',
          message: `only the named approvers (${state.approvers.map((a) => a.email).join(', ')}) may decide`,
        };
      }
      return undefined;
    }
    case 'adopt': {
      const current = state.revision !== null && state.revision >= latestRevision;
      return state.state === 'approved' && current
        ? undefined
        : {
            code: 'not_approved',
            message: `only an approved scenario may be adopted (it is ${state.state})`,
          };
    }
  }
}

function draft(): ReviewState {
  return { state: 'draft', revision: null, submittedBy: null, role: null, approvers: [] };
}

function step(state: ReviewState, event: ReviewEvent): ReviewState {
  if (event.kind === 'submit') {
    const unique = [...new Set(event.approvers)];
    return {
      state: 'in-review',
      revision: event.revision,
      submittedBy: event.by,
      role: event.role ?? null,
      approvers: unique.map((email) => ({ email, decision: 'pending' })),
    };
  }
  if (event.kind === 'adopt') return { ...state, state: 'adopted', revision: event.revision };
  // A decision on a newer revision than the one under review first resets the others.
  const reset = state.revision !== null && event.revision > state.revision;
  const approvers = state.approvers.map((a): ApproverStanding => {
    if (a.email === event.by) {
      const decision = event.kind === 'approve' ? 'approved' : 'changes-requested';
      return event.comment
        ? { email: a.email, decision, comment: event.comment }
        : { email: a.email, decision };
    }
    return reset ? { email: a.email, decision: 'pending' } : a;
  });
  return {
    ...state,
    revision: Math.max(state.revision ?? 0, event.revision),
    state: stateOf(approvers),
    approvers,
  };
}

function stateOf(approvers: readonly ApproverStanding[]): ReviewStateName {
  if (approvers.some((a) => a.decision === 'changes-requested')) return 'changes-requested';
  if (approvers.length > 0 && approvers.every((a) => a.decision === 'approved')) return 'approved';
  return 'in-review';
}
