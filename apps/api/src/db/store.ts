import type { ImportIssue, Op } from '@reorg/model';
import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import { type AuditEntry, recordAudit } from '../auth/audit';
import { type LiveBus, NotifyBus, orgTopic, type SqlExecutor, scenarioTopic } from '../live/bus';
import type { Database, Db, Engine } from './client';
import { LiveStore, ORG_FEED_LOCK_CLASS } from './live-store';
import { STARTUP_LOCK_KEY } from './migrate';
import { type NewPlan, PlanStore } from './plan-store';
import {
  headcountPlans,
  type OrgSummaryColumn,
  orgBaselines,
  orgs,
  scenarioRevisions,
  scenarioShares,
  scenarios,
} from './schema';

/** An org as stored: its immutable baseline document and how it came in. */
export interface OrgRecord {
  id: string;
  name: string;
  /** `json`, `hris` or `uk-organogram`. */
  source: string;
  /** The validated org document (the baseline). */
  document: unknown;
  summary: OrgSummaryColumn;
  /** Import warnings (`{ file?, row?, column?, message }`), empty for a JSON org. */
  warnings: ImportIssue[];
  createdAt: Date;
}

/** An org in a listing: no document. */
export type OrgListItem = Omit<OrgRecord, 'document' | 'warnings'>;

/** A scenario's identity (its state lives in its revisions). */
export interface ScenarioRecord {
  id: string;
  orgId: string;
  name: string;
  /** Who created it: the e-mail of the signed-in user (or the seed's author). */
  author: string;
  /** `private` (its author and those it is shared with) or `org` (everyone with a role on the org). */
  visibility: ScenarioVisibility;
  /** The org's baseline revision its ops apply to (1: the imported document; see `org_baselines`). */
  baselineRevision: number;
  createdAt: Date;
}

/** Who sees a scenario beyond its shares. */
export type ScenarioVisibility = 'private' | 'org';

/** What the policy module needs to know of a scenario to decide who may see it. */
export interface ScenarioGrants {
  orgId: string;
  author: string;
  visibility: ScenarioVisibility;
  shares: { with: string; access: 'view' | 'comment' | 'edit' }[];
}

/** A scenario with its latest revision: what listings and the write path need. */
export interface ScenarioHead extends ScenarioRecord {
  /** The latest revision number (1 for a new scenario). */
  revision: number;
  /** When the latest revision was saved. */
  updatedAt: Date;
}

/** One saved revision of a scenario. */
export interface RevisionRecord {
  revision: number;
  /** The batch of ops saved in this revision (validated by OpSchema when saved). */
  ops: Op[];
  author: string;
  /** For a restore: the revision whose state this one starts from; else null (starts from the previous). */
  restoredFrom: number | null;
  createdAt: Date;
}

/** What {@link Store.seedIfEmpty} stores. */
export interface SeedData {
  orgs: Omit<OrgRecord, 'createdAt'>[];
  scenarios: { scenario: Omit<ScenarioRecord, 'createdAt' | 'baselineRevision'>; ops: Op[] }[];
  /** Headcount plans saved with the seeded scenarios (default none). */
  plans?: NewPlan[];
}

/** A revision to append: the next number after the caller's expected latest. */
export interface NewRevision {
  scenarioId: string;
  revision: number;
  ops: Op[];
  author: string;
  restoredFrom?: number | null;
}

/**
 * Persistence of orgs, scenarios and revisions on either engine. Every write is one statement or
 * one short transaction with nothing else awaited inside (PGlite has one connection). Rows are
 * only ever inserted: "exists" and "conflict" results come from primary keys, so concurrent
 * processes sharing one PostgreSQL server cannot overwrite each other.
 */
export class Store {
  readonly engine: Engine;
  /** Headcount plans saved with scenarios. */
  readonly plans: PlanStore;
  /** The live feeds' reads and presence. */
  readonly live: LiveStore;
  /** Notices of committed changes, to every API process (`LISTEN/NOTIFY`). */
  readonly bus: LiveBus;
  private readonly handle: Database;

  constructor(database: Database) {
    this.handle = database;
    this.engine = database.engine;
    this.plans = new PlanStore(database);
    this.live = new LiveStore(database);
    this.bus = new NotifyBus(database);
  }

  private get db() {
    return this.handle.db;
  }

  /** The database, for the stores of other tables on it (reviews). */
  get database(): Database {
    return this.handle;
  }

  /** The Drizzle handle, for the identity module (users, roles, tokens, audit) on the same database. */
  get drizzle(): Db {
    return this.handle.db;
  }

  /** Inserts an org; `exists` when its id is taken (nothing is changed then). */
  async insertOrg(
    org: Omit<OrgRecord, 'createdAt'>,
    audit?: AuditEntry,
  ): Promise<{ status: 'created'; createdAt: Date } | { status: 'exists' }> {
    return this.db.transaction(async (tx) => {
      const rows = await tx
        .insert(orgs)
        .values(org)
        .onConflictDoNothing()
        .returning({ createdAt: orgs.createdAt });
      if (!rows[0]) return { status: 'exists' as const };
      if (audit) await recordAudit(tx, audit);
      return { status: 'created' as const, createdAt: rows[0].createdAt };
    });
  }

  /** Orgs, oldest first, without their documents. */
  async listOrgs(): Promise<OrgListItem[]> {
    return this.db
      .select({
        id: orgs.id,
        name: orgs.name,
        source: orgs.source,
        summary: orgs.summary,
        createdAt: orgs.createdAt,
      })
      .from(orgs)
      .orderBy(asc(orgs.createdAt), asc(orgs.id));
  }

  /** True when no org is stored (a fresh database, to be seeded). */
  async isEmpty(): Promise<boolean> {
    const rows = await this.db.select({ id: orgs.id }).from(orgs).limit(1);
    return rows.length === 0;
  }

  /** One org with its document, or undefined. */
  async getOrg(id: string): Promise<OrgRecord | undefined> {
    const rows = await this.db.select().from(orgs).where(eq(orgs.id, id));
    const row = rows[0];
    return row ? { ...row, warnings: row.warnings as ImportIssue[] } : undefined;
  }

  /**
   * Creates a scenario with its revision 1 (`ops`, possibly empty) in one transaction.
   * `exists` when the id is taken, `no-org` when the org does not exist (nothing stored).
   */
  async createScenario(
    scenario: Omit<ScenarioRecord, 'createdAt' | 'visibility' | 'baselineRevision'> & {
      visibility?: ScenarioVisibility;
      baselineRevision?: number;
    },
    ops: Op[],
    audit?: AuditEntry,
  ): Promise<'created' | 'exists' | 'no-org'> {
    return this.db.transaction(async (tx) => {
      const org = await tx.select({ id: orgs.id }).from(orgs).where(eq(orgs.id, scenario.orgId));
      if (org.length === 0) return 'no-org';
      const rows = await tx.insert(scenarios).values(scenario).onConflictDoNothing().returning();
      if (rows.length === 0) return 'exists';
      await lockOrgFeed(tx, scenario.orgId);
      await tx
        .insert(scenarioRevisions)
        .values({ scenarioId: scenario.id, revision: 1, ops, author: scenario.author });
      if (audit) await recordAudit(tx, audit);
      await this.publishRevision(tx, { scenarioId: scenario.id, orgId: scenario.orgId, revision: 1 });
      return 'created';
    });
  }

  /** Scenarios with their latest revision, oldest first; of one org when `orgId` is given. */
  async listScenarios(orgId?: string): Promise<ScenarioHead[]> {
    const query = this.headQuery();
    const rows = await (orgId ? query.where(eq(scenarios.orgId, orgId)) : query).orderBy(
      asc(scenarios.createdAt),
      asc(scenarios.id),
    );
    return rows.map(toHead);
  }

  /** A scenario with its latest revision, or undefined. One query. */
  async getScenarioHead(id: string): Promise<ScenarioHead | undefined> {
    const rows = await this.headQuery().where(eq(scenarios.id, id));
    return rows[0] ? toHead(rows[0]) : undefined;
  }

  /** Revisions of a scenario in order, up to `upTo` inclusive when given (empty when none). */
  async listRevisions(scenarioId: string, upTo?: number): Promise<RevisionRecord[]> {
    const where =
      upTo === undefined
        ? eq(scenarioRevisions.scenarioId, scenarioId)
        : and(eq(scenarioRevisions.scenarioId, scenarioId), lte(scenarioRevisions.revision, upTo));
    const rows = await this.db
      .select({
        revision: scenarioRevisions.revision,
        ops: scenarioRevisions.ops,
        author: scenarioRevisions.author,
        restoredFrom: scenarioRevisions.restoredFrom,
        createdAt: scenarioRevisions.createdAt,
      })
      .from(scenarioRevisions)
      .where(where)
      .orderBy(asc(scenarioRevisions.revision));
    return rows.map((r) => ({ ...r, ops: r.ops as Op[] }));
  }

  /** One revision row of a scenario, or undefined. */
  async getRevision(scenarioId: string, revision: number): Promise<RevisionRecord | undefined> {
    const rows = await this.db
      .select({
        revision: scenarioRevisions.revision,
        ops: scenarioRevisions.ops,
        author: scenarioRevisions.author,
        restoredFrom: scenarioRevisions.restoredFrom,
        createdAt: scenarioRevisions.createdAt,
      })
      .from(scenarioRevisions)
      .where(and(eq(scenarioRevisions.scenarioId, scenarioId), eq(scenarioRevisions.revision, revision)));
    const row = rows[0];
    return row ? { ...row, ops: row.ops as Op[] } : undefined;
  }

  /**
   * Appends a revision. `conflict` when that revision number exists already (another writer
   * appended first): nothing is stored, and the caller answers 412. A `revision` notice goes to
   * the scenario's and the org's live feeds when (and only if) the transaction commits.
   */
  async appendRevision(
    rev: NewRevision,
    audit?: AuditEntry,
  ): Promise<{ status: 'created'; createdAt: Date } | { status: 'conflict' }> {
    return this.db.transaction(async (tx) => {
      const orgId = await lockOrgFeedOf(tx, rev.scenarioId);
      const rows = await tx
        .insert(scenarioRevisions)
        .values({ ...rev, restoredFrom: rev.restoredFrom ?? null })
        .onConflictDoNothing()
        .returning({ createdAt: scenarioRevisions.createdAt });
      if (!rows[0]) return { status: 'conflict' as const };
      if (audit) await recordAudit(tx, { ...audit, detail: { ...audit.detail, revision: rev.revision } });
      if (orgId)
        await this.publishRevision(tx, { scenarioId: rev.scenarioId, orgId, revision: rev.revision });
      return { status: 'created' as const, createdAt: rows[0].createdAt };
    });
  }

  /** Publishes a `revision` notice on the scenario's and the org's topics, at the commit of `tx`. */
  private async publishRevision(
    tx: SqlExecutor,
    notice: { scenarioId: string; orgId: string; revision: number },
  ): Promise<void> {
    const event = { kind: 'revision' as const, ...notice };
    await this.bus.publish(scenarioTopic(notice.scenarioId), event, tx);
    await this.bus.publish(orgTopic(notice.orgId), event, tx);
  }

  /**
   * Who may see a scenario: its org, author, visibility and shares (for the policy module), or
   * undefined when there is no such scenario.
   */
  async scenarioGrants(id: string): Promise<ScenarioGrants | undefined> {
    const rows = await this.db
      .select({ orgId: scenarios.orgId, author: scenarios.author, visibility: scenarios.visibility })
      .from(scenarios)
      .where(eq(scenarios.id, id));
    const row = rows[0];
    if (!row) return undefined;
    const shares = await this.db
      .select({ with: scenarioShares.with, access: scenarioShares.access })
      .from(scenarioShares)
      .where(eq(scenarioShares.scenarioId, id));
    return {
      orgId: row.orgId,
      author: row.author,
      visibility: row.visibility as ScenarioVisibility,
      shares: shares as ScenarioGrants['shares'],
    };
  }

  /** Grants of many scenarios at once (for listings), by scenario id. */
  async scenarioGrantsMany(ids: string[]): Promise<Map<string, ScenarioGrants>> {
    const out = new Map<string, ScenarioGrants>();
    if (ids.length === 0) return out;
    const rows = await this.db
      .select({
        id: scenarios.id,
        orgId: scenarios.orgId,
        author: scenarios.author,
        visibility: scenarios.visibility,
      })
      .from(scenarios)
      .where(inArray(scenarios.id, ids));
    const shares = await this.db.select().from(scenarioShares).where(inArray(scenarioShares.scenarioId, ids));
    for (const r of rows) {
      out.set(r.id, {
        orgId: r.orgId,
        author: r.author,
        visibility: r.visibility as ScenarioVisibility,
        shares: shares
          .filter((s) => s.scenarioId === r.id)
          .map((s) => ({ with: s.with, access: s.access as 'view' | 'comment' | 'edit' })),
      });
    }
    return out;
  }

  /**
   * Shares a scenario with the org or one e-mail (replacing that share's access), audited in the
   * same transaction. The visibility column keeps what the author chose at creation.
   */
  async shareScenario(
    id: string,
    share: { with: string; access: 'view' | 'comment' | 'edit' },
    audit: AuditEntry,
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx
        .insert(scenarioShares)
        .values({ scenarioId: id, with: share.with, access: share.access })
        .onConflictDoUpdate({
          target: [scenarioShares.scenarioId, scenarioShares.with],
          set: { access: share.access },
        });
      await recordAudit(tx, audit);
    });
  }

  /**
   * Stores `seed` (orgs, then scenarios with revision 1, then plans) in one transaction, only when the
   * database holds no org yet; under the start-up advisory lock, so that several processes
   * starting together on one PostgreSQL server seed once. Returns whether it seeded.
   */
  async seedIfEmpty(seed: SeedData): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(${STARTUP_LOCK_KEY})`);
      const any = await tx.select({ id: orgs.id }).from(orgs).limit(1);
      if (any.length > 0) return false;
      if (seed.orgs.length > 0) await tx.insert(orgs).values(seed.orgs);
      for (const { scenario, ops } of seed.scenarios) {
        await tx.insert(scenarios).values(scenario);
        await tx
          .insert(scenarioRevisions)
          .values({ scenarioId: scenario.id, revision: 1, ops, author: scenario.author });
      }
      if (seed.plans?.length) await tx.insert(headcountPlans).values(seed.plans);
      return true;
    });
  }

  /** The latest baseline revision of an org: 1 until a scenario is adopted (see `org_baselines`). */
  async latestBaselineRevision(orgId: string): Promise<number> {
    const rows = await this.db
      .select({ revision: sql<number>`max(${orgBaselines.revision})` })
      .from(orgBaselines)
      .where(eq(orgBaselines.orgId, orgId));
    const latest = rows[0]?.revision;
    return latest === null || latest === undefined ? 1 : Number(latest);
  }

  /** The document of baseline `revision` (≥ 2) of an org, or undefined. */
  async getBaselineDocument(orgId: string, revision: number): Promise<unknown | undefined> {
    const rows = await this.db
      .select({ document: orgBaselines.document })
      .from(orgBaselines)
      .where(and(eq(orgBaselines.orgId, orgId), eq(orgBaselines.revision, revision)));
    return rows[0]?.document;
  }

  /** Runs a trivial query: throws when the database does not answer. */
  async ping(): Promise<void> {
    await this.db.execute(sql`select 1`);
  }

  /** Stops listening for live notices, then closes the database. */
  async close(): Promise<void> {
    await this.bus.close().catch(() => {});
    return this.handle.close();
  }

  /**
   * Scenarios joined with their latest revision: a LATERAL read of the last row of the primary
   * key index (scenario_id, revision), so its cost does not grow with the history.
   */
  private headQuery() {
    const latest = this.db
      .select({ revision: scenarioRevisions.revision, updatedAt: scenarioRevisions.createdAt })
      .from(scenarioRevisions)
      .where(eq(scenarioRevisions.scenarioId, scenarios.id))
      .orderBy(desc(scenarioRevisions.revision))
      .limit(1)
      .as('latest');
    return this.db
      .select({
        id: scenarios.id,
        orgId: scenarios.orgId,
        name: scenarios.name,
        author: scenarios.author,
        visibility: scenarios.visibility,
        baselineRevision: scenarios.baselineRevision,
        createdAt: scenarios.createdAt,
        revision: latest.revision,
        updatedAt: latest.updatedAt,
      })
      .from(scenarios)
      .innerJoinLateral(latest, sql`true`)
      .$dynamic();
  }
}

/**
 * Takes the org's feed lock for the rest of the transaction (see {@link ORG_FEED_LOCK_CLASS}), so
 * the revision inserted next draws its `seq` in commit order among the org's revisions.
 */
async function lockOrgFeed(tx: SqlExecutor, orgId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${ORG_FEED_LOCK_CLASS}, hashtext(${orgId}))`);
}

/** {@link lockOrgFeed} for the org of a scenario; its org id, or undefined when there is no such scenario. */
async function lockOrgFeedOf(tx: SqlExecutor, scenarioId: string): Promise<string | undefined> {
  const result = (await tx.execute(
    sql`select ${scenarios.orgId} as org_id, pg_advisory_xact_lock(${ORG_FEED_LOCK_CLASS}, hashtext(${scenarios.orgId})) from ${scenarios} where ${scenarios.id} = ${scenarioId}`,
  )) as { rows: { org_id: string }[] };
  return result.rows[0]?.org_id;
}

function toHead(row: {
  id: string;
  orgId: string;
  name: string;
  author: string;
  visibility: string;
  baselineRevision: number;
  createdAt: Date;
  revision: number | null;
  updatedAt: Date | string | null;
}): ScenarioHead {
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    author: row.author,
    visibility: row.visibility as ScenarioVisibility,
    baselineRevision: Number(row.baselineRevision),
    createdAt: row.createdAt,
    revision: Number(row.revision),
    updatedAt: row.updatedAt instanceof Date ? row.updatedAt : new Date(String(row.updatedAt)),
  };
}
