import type { ReviewEvent } from '@reorg/model';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { type AuditEntry, recordAudit } from '../auth/audit';
import type { Database } from './client';
import { commentResolutions, orgBaselines, scenarioComments, scenarioReviews } from './schema';

/** What a comment is about: the whole scenario, a person or team in it, or one revision. */
export type CommentSubject =
  | { kind: 'scenario'; id: null }
  | { kind: 'person' | 'team'; id: string }
  | { kind: 'revision'; id: string };

/** A stored comment with its current resolution. */
export interface CommentRecord {
  id: string;
  scenarioId: string;
  subject: CommentSubject;
  /** The scenario's revision when the comment was written. */
  revision: number;
  author: string;
  body: string;
  /** E-mails of the users @mentioned. */
  mentions: string[];
  createdAt: Date;
  /** The latest resolution, or null while the comment was never resolved. */
  resolution: { resolved: boolean; by: string; at: Date } | null;
}

/** A comment to store. */
export type NewComment = Omit<CommentRecord, 'createdAt' | 'resolution'>;

/** A review event as stored (`ReviewEvent` with its time). */
export type StoredReviewEvent = ReviewEvent & { at: Date };

/** An adoption to store: the new baseline revision and the review event, audited. */
export interface NewAdoption {
  orgId: string;
  /** The new baseline revision (the latest + 1; the primary key refuses a second writer). */
  baselineRevision: number;
  document: unknown;
  scenarioId: string;
  scenarioRevision: number;
  effectiveDate: string;
  author: string;
}

/**
 * Persistence of comments, review events and adoptions. Every table is append-only; every write
 * is one short transaction with its audit event inside (PGlite has one connection).
 */
export class ReviewStore {
  constructor(private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  /** Stores a comment with its audit event. */
  async addComment(comment: NewComment, audit: AuditEntry): Promise<CommentRecord> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(scenarioComments)
        .values({
          id: comment.id,
          scenarioId: comment.scenarioId,
          subjectKind: comment.subject.kind,
          subjectId: comment.subject.id,
          revision: comment.revision,
          author: comment.author,
          body: comment.body,
          mentions: comment.mentions,
        })
        .returning({ createdAt: scenarioComments.createdAt });
      await recordAudit(tx, audit);
      return { ...comment, createdAt: row!.createdAt, resolution: null };
    });
  }

  /** The comments of a scenario, oldest first, each with its latest resolution. */
  async listComments(scenarioId: string): Promise<CommentRecord[]> {
    const rows = await this.db
      .select()
      .from(scenarioComments)
      .where(eq(scenarioComments.scenarioId, scenarioId))
      .orderBy(asc(scenarioComments.createdAt), asc(scenarioComments.id));
    if (rows.length === 0) return [];
    const resolutions = await this.db
      .select()
      .from(commentResolutions)
      .where(
        inArray(
          commentResolutions.commentId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(commentResolutions.id));
    const latest = new Map<string, CommentRecord['resolution']>();
    for (const r of resolutions)
      latest.set(r.commentId, { resolved: r.resolved, by: r.actor, at: r.createdAt });
    return rows.map((r) => ({
      id: r.id,
      scenarioId: r.scenarioId,
      subject: { kind: r.subjectKind, id: r.subjectId } as CommentSubject,
      revision: r.revision,
      author: r.author,
      body: r.body,
      mentions: r.mentions,
      createdAt: r.createdAt,
      resolution: latest.get(r.id) ?? null,
    }));
  }

  /** Open (unresolved) comments per scenario, for listings. */
  async openCommentCounts(scenarioIds: string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    if (scenarioIds.length === 0) return out;
    const result = (await this.db.execute(sql`
      select c.scenario_id as id, count(*)::int as open
      from scenario_comments c
      left join lateral (
        select r.resolved from comment_resolutions r where r.comment_id = c.id order by r.id desc limit 1
      ) last on true
      where c.scenario_id in (${sql.join(
        scenarioIds.map((id) => sql`${id}`),
        sql`, `,
      )}) and coalesce(last.resolved, false) = false
      group by c.scenario_id`)) as unknown as { rows: { id: string; open: number }[] };
    for (const r of result.rows) out.set(r.id, Number(r.open));
    return out;
  }

  /** Resolves or reopens a comment, audited. */
  async setResolved(commentId: string, resolved: boolean, actor: string, audit: AuditEntry): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.insert(commentResolutions).values({ commentId, resolved, actor });
      await recordAudit(tx, audit);
    });
  }

  /** Review events of a scenario, oldest first. */
  async reviewEvents(scenarioId: string): Promise<StoredReviewEvent[]> {
    return (await this.reviewEventsMany([scenarioId])).get(scenarioId) ?? [];
  }

  /** Review events of many scenarios, oldest first, by scenario id. */
  async reviewEventsMany(scenarioIds: string[]): Promise<Map<string, StoredReviewEvent[]>> {
    const out = new Map<string, StoredReviewEvent[]>();
    if (scenarioIds.length === 0) return out;
    const rows = await this.db
      .select()
      .from(scenarioReviews)
      .where(inArray(scenarioReviews.scenarioId, scenarioIds))
      .orderBy(asc(scenarioReviews.id));
    for (const r of rows) {
      const list = out.get(r.scenarioId) ?? [];
      list.push(toEvent(r));
      out.set(r.scenarioId, list);
    }
    return out;
  }

  /** Appends a review event (submit, approve, request-changes), audited in the same transaction. */
  async addReviewEvent(scenarioId: string, event: ReviewEvent, audit: AuditEntry): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.insert(scenarioReviews).values(toRow(scenarioId, event));
      await recordAudit(tx, audit);
    });
  }

  /**
   * Stores an adoption: the new baseline revision, the `adopt` review event and the audit event,
   * in one transaction. `conflict` when that baseline revision exists already (another adoption
   * came first): nothing is stored.
   */
  async adopt(adoption: NewAdoption, audit: AuditEntry): Promise<'adopted' | 'conflict'> {
    return this.db.transaction(async (tx) => {
      const rows = await tx
        .insert(orgBaselines)
        .values({
          orgId: adoption.orgId,
          revision: adoption.baselineRevision,
          document: adoption.document,
          scenarioId: adoption.scenarioId,
          scenarioRevision: adoption.scenarioRevision,
          effectiveDate: adoption.effectiveDate,
          author: adoption.author,
        })
        .onConflictDoNothing()
        .returning({ revision: orgBaselines.revision });
      if (rows.length === 0) return 'conflict';
      await tx.insert(scenarioReviews).values(
        toRow(adoption.scenarioId, {
          kind: 'adopt',
          by: adoption.author,
          revision: adoption.scenarioRevision,
        }),
      );
      await recordAudit(tx, audit);
      return 'adopted';
    });
  }

  /** The adoption of a scenario (its baseline row without the document), or undefined. */
  async adoptionOf(scenarioId: string): Promise<
    | {
        orgId: string;
        baselineRevision: number;
        scenarioRevision: number;
        effectiveDate: string;
        author: string;
        at: Date;
      }
    | undefined
  > {
    const rows = await this.db
      .select({
        orgId: orgBaselines.orgId,
        baselineRevision: orgBaselines.revision,
        scenarioRevision: orgBaselines.scenarioRevision,
        effectiveDate: orgBaselines.effectiveDate,
        author: orgBaselines.author,
        at: orgBaselines.createdAt,
      })
      .from(orgBaselines)
      .where(eq(orgBaselines.scenarioId, scenarioId))
      .orderBy(desc(orgBaselines.revision))
      .limit(1);
    return rows[0];
  }

  /** The baseline revisions of an org after the first, oldest first (without documents). */
  async baselineHistory(orgId: string) {
    return this.db
      .select({
        revision: orgBaselines.revision,
        scenarioId: orgBaselines.scenarioId,
        scenarioRevision: orgBaselines.scenarioRevision,
        effectiveDate: orgBaselines.effectiveDate,
        author: orgBaselines.author,
        at: orgBaselines.createdAt,
      })
      .from(orgBaselines)
      .where(and(eq(orgBaselines.orgId, orgId)))
      .orderBy(asc(orgBaselines.revision));
  }
}

function toRow(scenarioId: string, e: ReviewEvent) {
  return {
    scenarioId,
    kind: e.kind,
    actor: e.by,
    revision: e.revision,
    approvers: e.kind === 'submit' ? e.approvers : [],
    role: e.kind === 'submit' ? (e.role ?? null) : null,
    comment: e.kind === 'approve' || e.kind === 'request-changes' ? (e.comment ?? null) : null,
  };
}

function toEvent(r: typeof scenarioReviews.$inferSelect): StoredReviewEvent {
  const base = { by: r.actor, revision: r.revision, at: r.createdAt };
  switch (r.kind) {
    case 'submit':
      return { ...base, kind: 'submit', approvers: r.approvers, role: r.role };
    case 'approve':
      return r.comment ? { ...base, kind: 'approve', comment: r.comment } : { ...base, kind: 'approve' };
    case 'request-changes':
      return { ...base, kind: 'request-changes', comment: r.comment ?? '' };
    default:
      return { ...base, kind: 'adopt' };
  }
}
