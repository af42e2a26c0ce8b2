import type { Op } from '@reorg/model';
import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { Database } from './client';
import { authUsers, scenarioPresence, scenarioRevisions, scenarios } from './schema';

/**
 * Key class of the per-org advisory lock an append holds while it draws the revision's `seq`
 * (two-key form: this class, `hashtext(org_id)`), so an org's revisions commit in `seq` order and
 * the org feed can resume after a `seq` without gaps. Any fixed 32-bit number.
 */
export const ORG_FEED_LOCK_CLASS = 726_201;

/** How long a presence row lives without a heartbeat, in seconds (DESIGN "Live work": gone within 30 s). */
export const PRESENCE_TIMEOUT_S = 30;

/** One revision as the live feeds send it. */
export interface FeedRevision {
  scenarioId: string;
  orgId: string;
  revision: number;
  /** The org feed's cursor (commit order within the org). */
  seq: number;
  /** The e-mail of the signed-in user who saved it. */
  author: string;
  /** Their name (as signed in), or the e-mail when they are not a user (seeded revisions). */
  authorName: string;
  /** The batch of ops saved in this revision (empty for a plain restore). */
  ops: Op[];
  /** For a restore: the revision whose state this one starts from; else null. */
  restoredFrom: number | null;
  at: Date;
}

/** What a person or team someone has selected is. */
export type PresenceSelection = { kind: 'person' | 'team'; id: string } | null;

/** Someone who has a scenario open (one row per open feed, e.g. a browser tab). */
export interface PresenceRecord {
  connectionId: string;
  email: string;
  name: string;
  selected: PresenceSelection;
  openedAt: Date;
  seenAt: Date;
}

/** The most revisions one read of a feed returns (a long catch-up is read in pages). */
export const FEED_PAGE = 200;

/**
 * The reads of the live feeds (revisions after a cursor) and the presence rows, on either engine.
 * Presence writes are single statements.
 */
export class LiveStore {
  constructor(private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  /** Revisions of a scenario after `after` (oldest first, at most {@link FEED_PAGE}, up to `upTo`). */
  async scenarioRevisionsAfter(scenarioId: string, after: number, upTo?: number): Promise<FeedRevision[]> {
    const where = and(
      eq(scenarioRevisions.scenarioId, scenarioId),
      gt(scenarioRevisions.revision, after),
      upTo === undefined ? undefined : lte(scenarioRevisions.revision, upTo),
    );
    return this.feedQuery()
      .where(where)
      .orderBy(asc(scenarioRevisions.revision))
      .limit(FEED_PAGE)
      .then(toFeed);
  }

  /** Revisions of every scenario of an org after `afterSeq`, in commit order (at most {@link FEED_PAGE}). */
  async orgRevisionsAfter(orgId: string, afterSeq: number): Promise<FeedRevision[]> {
    return this.feedQuery()
      .where(and(eq(scenarios.orgId, orgId), gt(scenarioRevisions.seq, afterSeq)))
      .orderBy(asc(scenarioRevisions.seq))
      .limit(FEED_PAGE)
      .then(toFeed);
  }

  /** The `seq` of the org's latest revision (0 when none): where a new org feed starts. */
  async latestOrgSeq(orgId: string): Promise<number> {
    const rows = await this.db
      .select({ seq: sql<string | number | null>`max(${scenarioRevisions.seq})` })
      .from(scenarioRevisions)
      .innerJoin(scenarios, eq(scenarios.id, scenarioRevisions.scenarioId))
      .where(eq(scenarios.orgId, orgId));
    return Number(rows[0]?.seq ?? 0);
  }

  /** Records an open feed of `scenarioId` (or refreshes its heartbeat). */
  async enterPresence(row: { scenarioId: string; connectionId: string; email: string; name: string }) {
    await this.db
      .insert(scenarioPresence)
      .values({
        scenarioId: row.scenarioId,
        connectionId: row.connectionId,
        userEmail: row.email,
        userName: row.name,
      })
      .onConflictDoUpdate({
        target: [scenarioPresence.scenarioId, scenarioPresence.connectionId],
        set: { seenAt: sql`now()` },
      });
  }

  /** Refreshes the heartbeat of an open feed; false when its row is gone (expired and swept). */
  async touchPresence(scenarioId: string, connectionId: string): Promise<boolean> {
    const rows = await this.db
      .update(scenarioPresence)
      .set({ seenAt: sql`now()` })
      .where(
        and(eq(scenarioPresence.scenarioId, scenarioId), eq(scenarioPresence.connectionId, connectionId)),
      )
      .returning({ id: scenarioPresence.connectionId });
    return rows.length > 0;
  }

  /**
   * Sets what the user has selected in the feed `connectionId` (theirs only: `email` must match).
   * False when there is no such open feed of theirs.
   */
  async selectInPresence(
    scenarioId: string,
    connectionId: string,
    email: string,
    selected: PresenceSelection,
  ): Promise<boolean> {
    const rows = await this.db
      .update(scenarioPresence)
      .set({ selectedKind: selected?.kind ?? null, selectedId: selected?.id ?? null, seenAt: sql`now()` })
      .where(
        and(
          eq(scenarioPresence.scenarioId, scenarioId),
          eq(scenarioPresence.connectionId, connectionId),
          eq(scenarioPresence.userEmail, email),
        ),
      )
      .returning({ id: scenarioPresence.connectionId });
    return rows.length > 0;
  }

  /** Removes an open feed (it closed). */
  async leavePresence(scenarioId: string, connectionId: string): Promise<void> {
    await this.db
      .delete(scenarioPresence)
      .where(
        and(eq(scenarioPresence.scenarioId, scenarioId), eq(scenarioPresence.connectionId, connectionId)),
      );
  }

  /** Who has the scenario open now: rows seen within {@link PRESENCE_TIMEOUT_S}, oldest first. */
  async presence(scenarioId: string): Promise<PresenceRecord[]> {
    const rows = await this.db
      .select()
      .from(scenarioPresence)
      .where(
        and(
          eq(scenarioPresence.scenarioId, scenarioId),
          sql`${scenarioPresence.seenAt} > now() - make_interval(secs => ${PRESENCE_TIMEOUT_S})`,
        ),
      )
      .orderBy(asc(scenarioPresence.openedAt), asc(scenarioPresence.connectionId));
    return rows.map((r) => ({
      connectionId: r.connectionId,
      email: r.userEmail,
      name: r.userName,
      selected:
        r.selectedKind && r.selectedId
          ? { kind: r.selectedKind as 'person' | 'team', id: r.selectedId }
          : null,
      openedAt: r.openedAt,
      seenAt: r.seenAt,
    }));
  }

  /** Deletes presence rows not seen for twice the timeout (feeds of processes that died). */
  async sweepPresence(): Promise<number> {
    const rows = await this.db
      .delete(scenarioPresence)
      .where(sql`${scenarioPresence.seenAt} < now() - make_interval(secs => ${PRESENCE_TIMEOUT_S * 2})`)
      .returning({ id: scenarioPresence.connectionId });
    return rows.length;
  }

  private feedQuery() {
    return this.db
      .select({
        scenarioId: scenarioRevisions.scenarioId,
        orgId: scenarios.orgId,
        revision: scenarioRevisions.revision,
        seq: scenarioRevisions.seq,
        author: scenarioRevisions.author,
        authorName: authUsers.name,
        ops: scenarioRevisions.ops,
        restoredFrom: scenarioRevisions.restoredFrom,
        at: scenarioRevisions.createdAt,
      })
      .from(scenarioRevisions)
      .innerJoin(scenarios, eq(scenarios.id, scenarioRevisions.scenarioId))
      .leftJoin(authUsers, eq(authUsers.email, scenarioRevisions.author))
      .$dynamic();
  }
}

function toFeed(
  rows: {
    scenarioId: string;
    orgId: string;
    revision: number;
    seq: number;
    author: string;
    authorName: string | null;
    ops: unknown;
    restoredFrom: number | null;
    at: Date;
  }[],
): FeedRevision[] {
  return rows.map((r) => ({
    ...r,
    seq: Number(r.seq),
    authorName: r.authorName || r.author,
    ops: r.ops as Op[],
  }));
}
