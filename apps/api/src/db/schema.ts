import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';

/** The `orgs.summary` column: counts and dates copied from the document at import. */
export interface OrgSummaryColumn {
  /** Records that are not aggregates. */
  people: number;
  /** Aggregate records (posts counted by FTE). */
  aggregates: number;
  teams: number;
  /** The org's as-of date, `YYYY-MM-DD`. */
  asOf: string;
}

/**
 * Imported orgs. `document` is the validated org document (the baseline of every scenario of the
 * org); it is never updated (a trigger refuses UPDATE, see the `append-only` migration).
 * `source` is how it came in: `json`, `hris` or `uk-organogram`; `warnings` are the import warnings.
 */
export const orgs = pgTable('orgs', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  source: text('source').notNull(),
  document: jsonb('document').notNull(),
  /** Counts kept beside the document so listing orgs never reads the documents. */
  summary: jsonb('summary').$type<OrgSummaryColumn>().notNull(),
  warnings: jsonb('warnings').notNull().default(sql`'[]'::jsonb`),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Scenarios: a named variant of one org. Its state lives in its revisions. */
export const scenarios = pgTable(
  'scenarios',
  {
    id: text('id').primaryKey(),
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    name: text('name').notNull(),
    author: text('author').notNull(),
    /** `private` (its author and those it is shared with) or `org` (everyone with a role on the org). */
    visibility: text('visibility').notNull().default('private'),
    /** The org's baseline revision the scenario's ops apply to (1: the imported document). */
    baselineRevision: integer('baseline_revision').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('scenarios_org_id_idx').on(t.orgId)],
);

/**
 * Append-only history of a scenario. Revision 1 is written with the scenario; each saved batch of
 * ops appends the next number. The primary key (scenario_id, revision) is what makes two
 * concurrent writers of one revision impossible: the second insert fails and is answered 412.
 * `restored_from` marks a restore: that revision's state is the state of `restored_from` (plus its
 * own ops, none for a plain restore). Rows are never updated or deleted (a trigger refuses both).
 */
export const scenarioRevisions = pgTable(
  'scenario_revisions',
  {
    scenarioId: text('scenario_id')
      .notNull()
      .references(() => scenarios.id),
    revision: integer('revision').notNull(),
    ops: jsonb('ops').notNull(),
    author: text('author').notNull(),
    restoredFrom: integer('restored_from'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /**
     * The org feed's cursor: revisions of one org are numbered in commit order (each append holds
     * a per-org advisory lock while it draws the number; see `0005_live.sql`).
     */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.scenarioId, t.revision] }),
    check('scenario_revisions_revision_positive', sql`${t.revision} >= 1`),
    check(
      'scenario_revisions_restored_from_earlier',
      sql`${t.restoredFrom} IS NULL OR (${t.restoredFrom} >= 1 AND ${t.restoredFrom} < ${t.revision})`,
    ),
  ],
);

/**
 * Headcount plans saved with a scenario (DOMAIN.md "Simulation"). `plan` is the validated plan
 * document (`HeadcountPlanSchema` of `@reorg/model`, defaults filled in). Plans are append-only
 * like revisions: a changed plan is saved as a new plan, and a trigger refuses UPDATE and DELETE.
 */
export const headcountPlans = pgTable(
  'headcount_plans',
  {
    id: text('id').primaryKey(),
    scenarioId: text('scenario_id')
      .notNull()
      .references(() => scenarios.id),
    name: text('name').notNull(),
    plan: jsonb('plan').notNull(),
    author: text('author').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('headcount_plans_scenario_id_idx').on(t.scenarioId)],
);

/**
 * Who has a scenario open (DESIGN.md "Live work"): one row per open live feed, kept fresh by the
 * feed's heartbeat and deleted when it closes; a row not seen for the presence timeout counts as
 * gone (its process died). `selected_kind`/`selected_id` is the person or team selected there.
 */
export const scenarioPresence = pgTable(
  'scenario_presence',
  {
    scenarioId: text('scenario_id')
      .notNull()
      .references(() => scenarios.id),
    connectionId: text('connection_id').notNull(),
    userEmail: text('user_email').notNull(),
    userName: text('user_name').notNull(),
    selectedKind: text('selected_kind'),
    selectedId: text('selected_id'),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull().defaultNow(),
    seenAt: timestamp('seen_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'scenario_presence_pk', columns: [t.scenarioId, t.connectionId] }),
    index('scenario_presence_seen_at_idx').on(t.seenAt),
  ],
);

/**
 * Later revisions of a headcount plan (migration 0007): the `headcount_plans` row is revision 1;
 * each save, rename or delete appends the next number here, with the plan's name and document
 * as of that revision. A delete is a revision with `deleted` true: the history stays readable.
 * The primary key (plan_id, revision) makes two writers of one revision impossible (412).
 * Rows are never updated or deleted (a trigger refuses both).
 */
export const headcountPlanRevisions = pgTable(
  'headcount_plan_revisions',
  {
    planId: text('plan_id')
      .notNull()
      .references(() => headcountPlans.id),
    revision: integer('revision').notNull(),
    name: text('name').notNull(),
    plan: jsonb('plan').notNull(),
    deleted: boolean('deleted').notNull().default(false),
    author: text('author').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'headcount_plan_revisions_pk', columns: [t.planId, t.revision] }),
    check('headcount_plan_revisions_revision_after_first', sql`${t.revision} >= 2`),
  ],
);

export * from './auth-schema';

/**
 * Baseline revisions after the first: an adopted scenario's state becomes the org's new baseline
 * (revision 1 is `orgs.document`, kept as it was). Append-only (a trigger refuses UPDATE/DELETE).
 */
export const orgBaselines = pgTable(
  'org_baselines',
  {
    orgId: text('org_id')
      .notNull()
      .references(() => orgs.id),
    revision: integer('revision').notNull(),
    document: jsonb('document').notNull(),
    scenarioId: text('scenario_id')
      .notNull()
      .references(() => scenarios.id),
    scenarioRevision: integer('scenario_revision').notNull(),
    /** `YYYY-MM-DD`: when the change list takes effect. */
    effectiveDate: text('effective_date').notNull(),
    author: text('author').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.revision] })],
);

/**
 * Comments on a scenario, or on a person, team or revision of it (`subject_kind`, `subject_id`).
 * `revision` is the scenario's revision when it was written; `mentions` the e-mails @mentioned.
 * Append-only; resolving and reopening are rows of `comment_resolutions`.
 */
export const scenarioComments = pgTable(
  'scenario_comments',
  {
    id: text('id').primaryKey(),
    scenarioId: text('scenario_id')
      .notNull()
      .references(() => scenarios.id),
    subjectKind: text('subject_kind').notNull(),
    subjectId: text('subject_id'),
    revision: integer('revision').notNull(),
    author: text('author').notNull(),
    body: text('body').notNull(),
    mentions: jsonb('mentions').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('scenario_comments_scenario_id_idx').on(t.scenarioId)],
);

/** Resolutions and reopenings of comments, in order; the latest row is the comment's state. */
export const commentResolutions = pgTable(
  'comment_resolutions',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    commentId: text('comment_id')
      .notNull()
      .references(() => scenarioComments.id),
    resolved: boolean('resolved').notNull(),
    actor: text('actor').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('comment_resolutions_comment_id_idx').on(t.commentId)],
);

/**
 * The review history of a scenario: submissions (with the named approvers), approvals, requests
 * for changes and the adoption, oldest first (`ReviewEvent` of `@reorg/model`). Append-only.
 */
export const scenarioReviews = pgTable(
  'scenario_reviews',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    scenarioId: text('scenario_id')
      .notNull()
      .references(() => scenarios.id),
    kind: text('kind').notNull(),
    actor: text('actor').notNull(),
    revision: integer('revision').notNull(),
    approvers: jsonb('approvers').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    role: text('role'),
    comment: text('comment'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('scenario_reviews_scenario_id_idx').on(t.scenarioId)],
);
