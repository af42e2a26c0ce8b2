import type { HeadcountPlan } from '@reorg/model';
import { asc, eq } from 'drizzle-orm';
import { type AuditEntry, recordAudit } from '../auth/audit';
import type { Database } from './client';
import { headcountPlans, scenarios } from './schema';

/** A headcount plan as stored: saved with one scenario, never changed afterwards. */
export interface PlanRecord {
  id: string;
  scenarioId: string;
  /** The org of the scenario (joined on read). */
  orgId: string;
  name: string;
  /** The validated plan (`HeadcountPlanSchema`, defaults filled in). */
  plan: HeadcountPlan;
  /** Who saved it (the `X-Reorg-Author` header, or `anonymous`). */
  author: string;
  createdAt: Date;
}

/** A plan to insert. */
export type NewPlan = Omit<PlanRecord, 'createdAt' | 'orgId'>;

/**
 * Persistence of headcount plans on either engine. Plans are only ever inserted (a trigger
 * refuses UPDATE and DELETE); "exists" comes from the primary key, so concurrent writers of one
 * id cannot overwrite each other.
 */
export class PlanStore {
  constructor(private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  /**
   * Inserts a plan in one transaction: `no-scenario` when its scenario does not exist, `exists`
   * when its id is taken (nothing is stored then).
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
      return {
        status: 'created' as const,
        record: { ...plan, orgId: owner[0].orgId, createdAt: rows[0].createdAt },
      };
    });
  }

  /** One plan with its scenario's org, or undefined. */
  async get(id: string): Promise<PlanRecord | undefined> {
    const rows = await this.select().where(eq(headcountPlans.id, id));
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  /** The plans of one scenario, oldest first. */
  async listByScenario(scenarioId: string): Promise<PlanRecord[]> {
    const rows = await this.select()
      .where(eq(headcountPlans.scenarioId, scenarioId))
      .orderBy(asc(headcountPlans.createdAt), asc(headcountPlans.id));
    return rows.map(toRecord);
  }

  /** The plans of every scenario of one org, oldest first. */
  async listByOrg(orgId: string): Promise<PlanRecord[]> {
    const rows = await this.select()
      .where(eq(scenarios.orgId, orgId))
      .orderBy(asc(headcountPlans.createdAt), asc(headcountPlans.id));
    return rows.map(toRecord);
  }

  private select() {
    return this.db
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

function toRecord(row: Omit<PlanRecord, 'plan'> & { plan: unknown }): PlanRecord {
  return { ...row, plan: row.plan as HeadcountPlan };
}
