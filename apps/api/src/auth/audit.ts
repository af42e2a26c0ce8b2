import { desc, lt } from 'drizzle-orm';
import type { Db } from '../db/client';
import { auditEvents } from '../db/schema';

/**
 * One line of the audit trail: who (`actor`, an e-mail or `system`), what (`action`, e.g.
 * `scenario.ops`, `org.import`, `role.change`, `token.create`, `compensation.view`), on what
 * (`orgId`, `subject`: a scenario, plan, user or token id), from where (`ip`) and details.
 */
export interface AuditEntry {
  actor: string;
  action: string;
  orgId?: string | null;
  subject?: string | null;
  ip?: string | null;
  detail?: Record<string, unknown>;
}

/** A stored audit event. */
export interface AuditEvent extends Required<Omit<AuditEntry, 'detail'>> {
  id: number;
  /** ISO 8601 time. */
  at: string;
  detail: Record<string, unknown>;
}

/** A Drizzle handle or transaction: what {@link recordAudit} writes with. */
type Writer = Pick<Db, 'insert'>;

/**
 * Appends an audit event. Pass the transaction of the change it records, so that both are
 * stored or neither is (issue 11: "in the same transaction as the change").
 */
export async function recordAudit(db: Writer, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    actor: entry.actor,
    action: entry.action,
    orgId: entry.orgId ?? null,
    subject: entry.subject ?? null,
    ip: entry.ip ?? null,
    detail: entry.detail ?? {},
  });
}

/** Audit events newest first, `limit` (1–500) of them, older than event id `before` when given. */
export async function listAudit(
  db: Db,
  options: { limit: number; before?: number },
): Promise<{ events: AuditEvent[]; next: number | null }> {
  const query = db.select().from(auditEvents);
  const rows = await (options.before !== undefined ? query.where(lt(auditEvents.id, options.before)) : query)
    .orderBy(desc(auditEvents.id))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit);
  return {
    events: page.map((r) => ({
      id: Number(r.id),
      at: (r.at instanceof Date ? r.at : new Date(String(r.at))).toISOString(),
      actor: r.actor,
      action: r.action,
      orgId: r.orgId,
      subject: r.subject,
      ip: r.ip,
      detail: r.detail as Record<string, unknown>,
    })),
    next: rows.length > options.limit ? Number(page.at(-1)?.id) : null,
  };
}
