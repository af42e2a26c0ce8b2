import { randomUUID } from 'node:crypto';
import {
  type ChangeRow,
  checkReviewEvent,
  getChangeList,
  getMentions,
  getReviewState,
  type RebaseOpsResult,
  type ReviewEvent,
  type ReviewRefusal,
  type ReviewState,
  rebaseOps,
} from '@reorg/model';
import type { AuditEntry } from '../auth/audit';
import type { Identity } from '../auth/identity';
import { scenarioAccess } from '../auth/policy';
import { rolesOf } from '../auth/principal';
import type { CommentRecord, CommentSubject, ReviewStore } from '../db/review-store';
import type { ScenarioGrants, ScenarioHead, Store } from '../db/store';
import type { ReviewFeed } from './review-feed';
import type { Scenarios } from './scenarios';

/** Why a review write was refused (the route answers 404, 409 or 422 with the message). */
export type ReviewWriteError =
  | { status: 404; message: string; path?: string }
  | { status: 409; code: ReviewRefusal['code'] | 'stale_baseline' | 'baseline_moved'; message: string }
  | { status: 422; message: string; path: string };

/** The review of a scenario in a listing: its state and its open comments. */
export interface ReviewSummary {
  state: ReviewState['state'];
  openComments: number;
}

/**
 * Comments, approval and adoption of scenarios (issue 14, items 3–5). Pure rules come from
 * `@reorg/model` (the review state machine, mentions, change lists, rebasing); this class reads
 * and writes them and asks the policy module who may do what. Every write is audited in its own
 * transaction and then published on the scenario's live feed through {@link ReviewFeed}.
 */
export class Review {
  constructor(
    private readonly store: Store,
    private readonly reviews: ReviewStore,
    private readonly scenarios: Scenarios,
    private readonly identity: Identity,
    private readonly feed: ReviewFeed,
  ) {}

  /** Comments of a scenario, oldest first. */
  comments(scenarioId: string): Promise<CommentRecord[]> {
    return this.reviews.listComments(scenarioId);
  }

  /**
   * Adds a comment by `author` on the scenario, a person or team of its latest state, or one of
   * its revisions. @mentions are resolved against the users who may see the scenario (a mention
   * of anyone else is left as plain text, so a comment never reveals a private scenario).
   */
  async addComment(
    head: ScenarioHead,
    input: { body: string; subject: CommentSubject },
    author: string,
    audit: Omit<AuditEntry, 'action'>,
  ): Promise<{ ok: true; comment: CommentRecord } | { ok: false; error: ReviewWriteError }> {
    const missing = await this.missingSubject(head, input.subject);
    if (missing) return { ok: false, error: missing };
    const grants = await this.store.scenarioGrants(head.id);
    const users = await this.identity.listUsers();
    const visible = users.filter(
      (u) => grants && scenarioAccess({ ...principalOf(u), via: 'token' }, grants) !== undefined,
    );
    const mentions = getMentions(
      input.body,
      visible.map((u) => u.email),
    );
    const id = `c-${randomUUID()}`;
    const comment = await this.reviews.addComment(
      {
        id,
        scenarioId: head.id,
        subject: input.subject,
        revision: head.revision,
        author,
        body: input.body,
        mentions,
      },
      {
        ...audit,
        action: 'comment.add',
        orgId: head.orgId,
        subject: head.id,
        detail: { commentId: id, on: input.subject, mentions },
      },
    );
    this.feed.publish(head.id, 'comment', toCommentJson(comment));
    return { ok: true, comment };
  }

  /** Resolves or reopens a comment of the scenario; undefined when there is no such comment. */
  async setResolved(
    head: ScenarioHead,
    commentId: string,
    resolved: boolean,
    actor: string,
    audit: Omit<AuditEntry, 'action'>,
  ): Promise<CommentRecord | undefined> {
    const found = (await this.reviews.listComments(head.id)).find((c) => c.id === commentId);
    if (!found) return undefined;
    await this.reviews.setResolved(commentId, resolved, actor, {
      ...audit,
      action: resolved ? 'comment.resolve' : 'comment.reopen',
      orgId: head.orgId,
      subject: head.id,
      detail: { commentId },
    });
    const comment = { ...found, resolution: { resolved, by: actor, at: new Date() } };
    this.feed.publish(head.id, 'comment', toCommentJson(comment));
    return comment;
  }

  /** The review state of a scenario at its latest revision, with its history. */
  async state(head: ScenarioHead): Promise<ReviewState & { history: (ReviewEvent & { at: Date })[] }> {
    const events = await this.reviews.reviewEvents(head.id);
    return { ...getReviewState(events, head.revision), history: events };
  }

  /** Review states and open comment counts of many scenarios (for listings). */
  async summaries(heads: readonly ScenarioHead[]): Promise<Map<string, ReviewSummary>> {
    const ids = heads.map((h) => h.id);
    const [events, open] = await Promise.all([
      this.reviews.reviewEventsMany(ids),
      this.reviews.openCommentCounts(ids),
    ]);
    const out = new Map<string, ReviewSummary>();
    for (const h of heads) {
      out.set(h.id, {
        state: getReviewState(events.get(h.id) ?? [], h.revision).state,
        openComments: open.get(h.id) ?? 0,
      });
    }
    return out;
  }

  /**
   * Submits the scenario for approval to `approvers` (e-mails) and/or every user holding `role`
   * on its org. Each approver must be a user who may see the scenario (share it with them first).
   */
  async submit(
    head: ScenarioHead,
    input: { approvers: string[]; role?: 'admin' | 'hr' | 'editor' | 'viewer' },
    by: string,
    audit: Omit<AuditEntry, 'action'>,
  ): Promise<{ ok: true; review: ReviewState } | { ok: false; error: ReviewWriteError }> {
    const grants = (await this.store.scenarioGrants(head.id)) as ScenarioGrants;
    const users = await this.identity.listUsers();
    const byEmail = new Map(users.map((u) => [u.email.toLowerCase(), u]));
    const approvers = input.approvers.map((a) => a.trim().toLowerCase());
    for (const [k, email] of approvers.entries()) {
      const user = byEmail.get(email);
      if (!user || scenarioAccess({ ...principalOf(user), via: 'token' }, grants) === undefined) {
        return {
          ok: false,
          error: {
            status: 422,
            path: `approvers.${k}`,
            message: `${email} is not a user who may see this scenario; add them, or share the scenario with them first`,
          },
        };
      }
    }
    if (input.role) {
      for (const u of users) {
        const p = principalOf(u);
        if (
          p.roles.get(head.orgId) === input.role ||
          (!p.roles.has(head.orgId) && p.roles.get('*') === input.role)
        ) {
          // The submitter does not approve their own scenario through a role (naming them does).
          const email = u.email.toLowerCase();
          if (email !== by.toLowerCase() && scenarioAccess({ ...p, via: 'token' }, grants) !== undefined)
            approvers.push(email);
        }
      }
    }
    const event: ReviewEvent = {
      kind: 'submit',
      by,
      revision: head.revision,
      approvers: [...new Set(approvers)],
      role: input.role ?? null,
    };
    return this.record(head, event, audit, { approvers: event.approvers, role: input.role ?? null });
  }

  /** Approves or requests changes, as a named approver; refused (409) for anyone else. */
  async decide(
    head: ScenarioHead,
    kind: 'approve' | 'request-changes',
    comment: string | undefined,
    by: string,
    audit: Omit<AuditEntry, 'action'>,
  ): Promise<{ ok: true; review: ReviewState } | { ok: false; error: ReviewWriteError }> {
    const event: ReviewEvent =
      kind === 'approve'
        ? { kind, by: by.toLowerCase(), revision: head.revision, ...(comment ? { comment } : {}) }
        : { kind, by: by.toLowerCase(), revision: head.revision, comment: comment ?? '' };
    return this.record(head, event, audit, comment ? { comment } : {});
  }

  /**
   * The change list of a scenario against the baseline it was made on: what adopting it changes
   * (or changed), one row per person, effective on `effectiveDate`.
   */
  async changeList(
    head: ScenarioHead,
    effectiveDate: string,
    atRevision = head.revision,
  ): Promise<ChangeRow[]> {
    const [baseline, state] = await Promise.all([
      this.scenarios.baselineOf(head),
      this.scenarios.stateAt(head, atRevision),
    ]);
    if (!baseline || !state) throw new Error(`scenario ${head.id} lost its baseline or state`);
    return getChangeList(baseline.org, state.org, effectiveDate);
  }

  /** The adoption of a scenario, when it was adopted. */
  adoption(scenarioId: string) {
    return this.reviews.adoptionOf(scenarioId);
  }

  /**
   * Adopts an approved scenario: its state becomes the org's next baseline revision (the old
   * one is kept), effective on `effectiveDate`. Refused (409) unless the review is approved at the
   * latest revision and the scenario is on the org's latest baseline (else: rebase it first).
   */
  async adopt(
    head: ScenarioHead,
    effectiveDate: string,
    by: string,
    audit: Omit<AuditEntry, 'action'>,
  ): Promise<
    | { ok: true; baselineRevision: number; rows: ChangeRow[]; review: ReviewState }
    | { ok: false; error: ReviewWriteError }
  > {
    const events = await this.reviews.reviewEvents(head.id);
    const review = getReviewState(events, head.revision);
    const event: ReviewEvent = { kind: 'adopt', by, revision: head.revision };
    const refusal = checkReviewEvent(review, event, head.revision);
    if (refusal) return { ok: false, error: { status: 409, code: refusal.code, message: refusal.message } };
    const latest = await this.store.latestBaselineRevision(head.orgId);
    if (latest !== head.baselineRevision) {
      return {
        ok: false,
        error: {
          status: 409,
          code: 'stale_baseline',
          message: `the scenario is on baseline ${head.baselineRevision} but the org is at baseline ${latest}: rebase it first (POST /api/scenarios/${head.id}/rebase)`,
        },
      };
    }
    const state = await this.scenarios.stateAt(head);
    if (!state) throw new Error(`scenario ${head.id} lost its state`);
    const rows = await this.changeList(head, effectiveDate);
    const stored = await this.reviews.adopt(
      {
        orgId: head.orgId,
        baselineRevision: latest + 1,
        document: state.org,
        scenarioId: head.id,
        scenarioRevision: head.revision,
        effectiveDate,
        author: by,
      },
      {
        ...audit,
        action: 'scenario.adopt',
        orgId: head.orgId,
        subject: head.id,
        detail: {
          revision: head.revision,
          baselineRevision: latest + 1,
          effectiveDate,
          changes: rows.length,
        },
      },
    );
    if (stored === 'conflict') {
      return {
        ok: false,
        error: {
          status: 409,
          code: 'baseline_moved',
          message: 'another scenario was adopted at the same time; rebase and try again',
        },
      };
    }
    const after = { ...review, state: 'adopted' as const };
    this.feed.publish(head.id, 'approval', { scenarioId: head.id, ...after });
    return { ok: true, baselineRevision: latest + 1, rows, review: after };
  }

  /** What rebasing a scenario on its org's latest baseline would keep and which ops conflict. */
  async rebasePreview(
    head: ScenarioHead,
  ): Promise<{ from: number; to: number; result: RebaseOpsResult | null }> {
    const to = await this.store.latestBaselineRevision(head.orgId);
    if (to === head.baselineRevision) return { from: head.baselineRevision, to, result: null };
    const [baseline, state] = await Promise.all([
      this.scenarios.baseline(head.orgId),
      this.scenarios.stateAt(head),
    ]);
    if (!baseline || !state) throw new Error(`scenario ${head.id} lost its baseline or state`);
    return { from: head.baselineRevision, to: baseline.revision, result: rebaseOps(baseline.org, state.ops) };
  }

  private async record(
    head: ScenarioHead,
    event: ReviewEvent,
    audit: Omit<AuditEntry, 'action'>,
    detail: Record<string, unknown>,
  ): Promise<{ ok: true; review: ReviewState } | { ok: false; error: ReviewWriteError }> {
    const events = await this.reviews.reviewEvents(head.id);
    const before = getReviewState(events, head.revision);
    const refusal = checkReviewEvent(before, event, head.revision);
    if (refusal) return { ok: false, error: { status: 409, code: refusal.code, message: refusal.message } };
    const after = getReviewState([...events, event], head.revision);
    await this.reviews.addReviewEvent(head.id, event, {
      ...audit,
      action: `review.${event.kind}`,
      orgId: head.orgId,
      subject: head.id,
      detail: { ...detail, revision: head.revision, state: after.state },
    });
    this.feed.publish(head.id, 'approval', { scenarioId: head.id, ...after });
    return { ok: true, review: after };
  }

  private async missingSubject(
    head: ScenarioHead,
    subject: CommentSubject,
  ): Promise<ReviewWriteError | undefined> {
    if (subject.kind === 'scenario') return undefined;
    if (subject.kind === 'revision') {
      const n = Number(subject.id);
      if (!Number.isInteger(n) || n < 1 || n > head.revision) {
        return {
          status: 422,
          path: 'subject.id',
          message: `no revision ${subject.id} (latest: ${head.revision})`,
        };
      }
      return undefined;
    }
    const state = await this.scenarios.stateAt(head);
    const list = subject.kind === 'person' ? state?.org.people : state?.org.teams;
    if (!list?.some((x) => x.id === subject.id)) {
      return {
        status: 422,
        path: 'subject.id',
        message: `no ${subject.kind} "${subject.id}" in the scenario`,
      };
    }
    return undefined;
  }
}

function principalOf(u: { id: string; email: string; name: string; roles: Parameters<typeof rolesOf>[0] }) {
  return { userId: u.id, email: u.email, name: u.name, roles: rolesOf(u.roles) };
}

/** The JSON of a comment, as the API returns it. */
export function toCommentJson(c: CommentRecord) {
  return {
    id: c.id,
    scenarioId: c.scenarioId,
    subject: c.subject,
    revision: c.revision,
    author: c.author,
    body: c.body,
    mentions: c.mentions,
    createdAt: c.createdAt.toISOString(),
    resolved: c.resolution?.resolved ?? false,
    resolvedBy: c.resolution?.resolved ? c.resolution.by : null,
    resolvedAt: c.resolution?.resolved ? c.resolution.at.toISOString() : null,
  };
}
