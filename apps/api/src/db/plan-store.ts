import type { HeadcountPlan } from '@reorg/model';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { type AuditEntry, recordAudit } from '../auth/audit';
import type { Database } from './client';
import { headcountPlanRevisions, headcountPlans, scenarios } from './schema';

/**
 * A headcount plan as stored, at its latest revision: saved with one scenario; each change is a
 * new revision (the first one is the `headcount_plans` row, later ones `headcount_plan_revisions`).
 */
export interface PlanRecord {
  id: string;
  scenarioId: string;
  /** The org of the scenario (joined on read). */
  orgId: string;
  /** The name at the latest revision. */
  name: string;
  /** The validated plan at the latest revision (`HeadcountPlanSchema`, defaults filled in). */
  plan: HeadcountPlan;
  /** Who saved revision 1 (the signed-in user). */
  author: string;
  /** When revision 1 was saved. */
  createdAt: Date;
  /** The latest revision, 1 for a plan never changed (the ETag of the plan routes). */
  revision: number;
  /** Who saved the latest revision, and when. */
  updatedBy: string;
  updatedAt: Date;
  /** True when the latest revision deleted the plan (its history stays). */
  deleted: boolean;
}

/** One revision of a plan. */
export interface PlanRevisionRecord {
  revision: number;
  name: string;
  plan: HeadcountPlan;
  deleted: boolean;
  author: string;
  createdAt: Date;
}

/** A plan to insert (revision 1). */
export type NewPlan = Pick<PlanRecord, 'id' | 'scenarioId' | 'name' | 'plan' | 'author'>;

/** What to change in a new revision: the name, the plan, or deleting it. */
export interface PlanChange {
  name: string;
  plan: HeadcountPlan;
  deleted: boolean;
  author: string;
}

/** The outcome of {@link PlanStore.append}. */
export type AppendPlanResult =
  | { status: 'saved'; record: PlanRecord }
  | { status: 'not-found' }
  | { status: 'conflict'; latest: number };

/**
 * Persistence of headcount plans on either engine. Rows are only ever inserted (triggers refuse
 * UPDATE and DELETE); "exists" and "conflict" come from primary keys, so concurrent writers of
 * one id or one revision cannot overwrite each other.
 */
export class PlanStore {
  constructor(private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  /**
   * Inserts a plan (revision 1) in one transaction: `no-scenario` when its scenario does not
   * exist, `exists` when its id is taken (nothing is stored then).
   */
  async insert(
    plan: NewPlan,
    audit?: AuditEntry,
  ): Promise<{ status: 'created'; record: PlanRecord } | { status: 'exists' } | { status: 'no-scenario' }> {
    return this.db.transaction(async (tx) => {
      const owner = await tx
        .select({ orgId: scenarios.orgId })
        .from(scenarios)
        .where(eq(scenarios.id, plan.scenarioId));
      if (!owner[0]) return { status: 'no-scenario' as const };
      const rows = await tx
        .insert(headcountPlans)
        .values(plan)
        .onConflictDoNothing()
        .returning({ createdAt: headcountPlans.createdAt });
      if (!rows[0]) return { status: 'exists' as const };
      if (audit) await recordAudit(tx, { ...audit, orgId: owner[0].orgId });
      const at = rows[0].createdAt;
      return {
        status: 'created' as const,
        record: {
          ...plan,
          orgId: owner[0].orgId,
          createdAt: at,
          revision: 1,
          updatedBy: plan.author,
          updatedAt: at,
          deleted: false,
        },
      };
    });
  }

  /**
   * Appends revision `expected + 1` in one transaction with its audit event: `conflict` (with the
   * latest revision) when `expected` is not the latest, `not-found` when the plan does not exist.
   */
  async append(
    id: string,
    expected: number,
    change: PlanChange,
    audit?: AuditEntry,
  ): Promise<AppendPlanResult> {
    return this.db.transaction(async (tx) => {
      const current = await this.getWith(tx, id);
      if (!current) return { status: 'not-found' as const };
      if (current.revision !== expected) return { status: 'conflict' as const, latest: current.revision };
      const rows = await tx
        .insert(headcountPlanRevisions)
        .values({ planId: id, revision: expected + 1, ...change })
        .onConflictDoNothing()
        .returning({ createdAt: headcountPlanRevisions.createdAt });
      if (!rows[0]) return { status: 'conflict' as const, latest: expected + 1 };
      if (audit) await recordAudit(tx, { ...audit, orgId: current.orgId });
      return {
        status: 'saved' as const,
        record: {
          ...current,
          name: change.name,
          plan: change.plan,
          deleted: change.deleted,
          revision: expected + 1,
          updatedBy: change.author,
          updatedAt: rows[0].createdAt,
        },
      };
    });
  }

  /** One plan at its latest revision (deleted ones too), or undefined. */
  async get(id: string): Promise<PlanRecord | undefined> {
    return this.getWith(this.db, id);
  }

  /** Every revision of a plan, oldest first (empty when there is no such plan). */
  async revisions(id: string): Promise<PlanRevisionRecord[]> {
    const first = await this.db.select().from(headcountPlans).where(eq(headcountPlans.id, id));
    if (!first[0]) return [];
    const later = await this.db
      .select()
      .from(headcountPlanRevisions)
      .where(eq(headcountPlanRevisions.planId, id))
      .orderBy(asc(headcountPlanRevisions.revision));
    const r1 = first[0];
    return [
      {
        revision: 1,
        name: r1.name,
        plan: r1.plan as HeadcountPlan,
        deleted: false,
        author: r1.author,
        createdAt: r1.createdAt,
      },
      ...later.map((r) => ({
        revision: r.revision,
        name: r.name,
        plan: r.plan as HeadcountPlan,
        deleted: r.deleted,
        author: r.author,
        createdAt: r.createdAt,
      })),
    ];
  }

  /** The plans of one scenario at their latest revision, oldest first; deleted ones left out. */
  async listByScenario(scenarioId: string): Promise<PlanRecord[]> {
    const rows = await this.select(this.db)
      .where(eq(headcountPlans.scenarioId, scenarioId))
      .orderBy(asc(headcountPlans.createdAt), asc(headcountPlans.id));
    return (await this.withLatest(this.db, rows)).filter((p) => !p.deleted);
  }

  /** The plans of every scenario of one org at their latest revision, oldest first; deleted ones left out. */
  async listByOrg(orgId: string): Promise<PlanRecord[]> {
    const rows = await this.select(this.db)
      .where(eq(scenarios.orgId, orgId))
      .orderBy(asc(headcountPlans.createdAt), asc(headcountPlans.id));
    return (await this.withLatest(this.db, rows)).filter((p) => !p.deleted);
  }

  private async getWith(db: Handle, id: string): Promise<PlanRecord | undefined> {
    const rows = await this.select(db).where(eq(headcountPlans.id, id));
    return (await this.withLatest(db, rows))[0];
  }

  /** Revision-1 rows with their latest revision applied. */
  private async withLatest(db: Handle, rows: FirstRow[]): Promise<PlanRecord[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const later = await db
      .select()
      .from(headcountPlanRevisions)
      .where(and(inArray(headcountPlanRevisions.planId, ids)))
      .orderBy(asc(headcountPlanRevisions.planId), desc(headcountPlanRevisions.revision));
    const latest = new Map<string, (typeof later)[number]>();
    for (const r of later) if (!latest.has(r.planId)) latest.set(r.planId, r);
    return rows.map((row) => {
      const last = latest.get(row.id);
      const base = {
        ...row,
        plan: row.plan as HeadcountPlan,
        revision: 1,
        updatedBy: row.author,
        updatedAt: row.createdAt,
        deleted: false,
      };
      if (!last) return base;
      return {
        ...base,
        name: last.name,
        plan: last.plan as HeadcountPlan,
        revision: last.revision,
        updatedBy: last.author,
        updatedAt: last.createdAt,
        deleted: last.deleted,
      };
    });
  }

  private select(db: Handle) {
    return db
      .select({
        id: headcountPlans.id,
        scenarioId: headcountPlans.scenarioId,
        orgId: scenarios.orgId,
        name: headcountPlans.name,
        plan: headcountPlans.plan,
        author: headcountPlans.author,
        createdAt: headcountPlans.createdAt,
      })
      .from(headcountPlans)
      .innerJoin(scenarios, eq(scenarios.id, headcountPlans.scenarioId))
      .$dynamic();
  }
}

type Handle = Pick<Database['db'], 'select'>;
type FirstRow = Omit<PlanRecord, 'plan' | 'revision' | 'updatedBy' | 'updatedAt' | 'deleted'> & {
  plan: unknown;
};
