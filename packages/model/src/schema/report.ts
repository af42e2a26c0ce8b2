import { z } from 'zod';
import { PERSON_STATUSES } from './person';
import { RULE_CODES, type RuleCode } from './rules';

/** Finding severities, most severe first. */
export const SEVERITIES = ['error', 'warning', 'info'] as const;
/** One of {@link SEVERITIES}. */
export type Severity = (typeof SEVERITIES)[number];

/** What a finding is about. `id` is a person, team or level id, `from->to` for an interaction, the org id for `org`. */
export const FindingSubjectSchema = z.object({
  kind: z.enum(['person', 'team', 'level', 'interaction', 'org']),
  id: z.string(),
});
/** The subject of a finding. */
export type FindingSubject = z.infer<typeof FindingSubjectSchema>;

/**
 * One rule's result. `message` names the people/teams and numbers; `fix` says how to resolve it;
 * `data` carries the numbers (counts, targets, ids) for tools; `source` is where the default comes from.
 */
export const FindingSchema = z.object({
  code: z.enum(RULE_CODES as [RuleCode, ...RuleCode[]]),
  severity: z.enum(SEVERITIES),
  subject: FindingSubjectSchema,
  message: z.string(),
  fix: z.string(),
  data: z.record(z.string(), z.unknown()),
  source: z.string(),
});
/** A finding. */
export type Finding = z.infer<typeof FindingSchema>;

/** Manager roles, read from the structure below the manager (DOMAIN.md "Span of control"). */
export const MANAGER_ROLES = ['first-line', 'manager-of-managers', 'executive'] as const;
/** One of {@link MANAGER_ROLES}. */
export type ManagerRole = (typeof MANAGER_ROLES)[number];

/** Span statuses; the first that applies wins: critical, over, single, under, ok. */
export const SPAN_STATUSES = ['ok', 'under', 'over', 'critical', 'single'] as const;
/** One of {@link SPAN_STATUSES}. */
export type SpanStatus = (typeof SPAN_STATUSES)[number];

/** The span buckets of the distribution: 1, 2–3, 4–5, 6–8, 9–12, 13+ direct reports. */
export const SPAN_BUCKETS = ['1', '2-3', '4-5', '6-8', '9-12', '13+'] as const;
/** One of {@link SPAN_BUCKETS}. */
export type SpanBucket = (typeof SPAN_BUCKETS)[number];

const RangeSchema = z.object({ min: z.number(), max: z.number() });

/**
 * One manager's span of control. `directReports` counts every record reporting to the manager
 * (assistants included; an aggregate as its FTE rounded up); `countedSpan` excludes assistants and,
 * for managers of managers and executives, counts only the reports who manage someone.
 */
export const ManagerReportSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  layer: z.number().int(),
  directReports: z.number().int(),
  countedSpan: z.number().int(),
  /** ICs (non-managers, assistants aside) reporting directly to a manager of managers or executive. */
  directIcs: z.number().int(),
  role: z.enum(MANAGER_ROLES),
  target: RangeSchema,
  /** Which target applied: `new-manager`, `experienced-junior`, `experienced-senior`, `manager-of-managers`, `executive`. */
  targetKind: z.string(),
  status: z.enum(SPAN_STATUSES),
  /** True when an aggregate reports to this manager: the structure below is unknown. */
  estimated: z.boolean(),
  /**
   * Weekly hours of 1:1s: direct reports x 30 min + skip-level reports x 30 min / 4.33 [1on1];
   * `null` on an estimated span (posts counted by FTE report directly: how many people hold them,
   * and so how many 1:1s there are, is unknown), with the reason in `weeklyOneOnOneHoursNote`.
   */
  weeklyOneOnOneHours: z.number().nullable(),
  /** Why `weeklyOneOnOneHours` is `null` (present only then), e.g. `n/a, posts counted by FTE`. */
  weeklyOneOnOneHoursNote: z.string().optional(),
  /** People in this manager's subtree, the manager excluded, aggregates counted by FTE rounded up. */
  subtreeSize: z.number().int(),
});
/** One manager's row of the report. */
export type ManagerReport = z.infer<typeof ManagerReportSchema>;

/** Headcount, FTE and annual cost of a team or group (cost in the org's currency). */
export const TeamReportSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['team', 'group']),
  type: z.string(),
  parentId: z.string().nullable(),
  managerId: z.string().nullable(),
  /** Records whose teamId is this team (for a group: of all teams below it), aggregates excluded. */
  headcount: z.number().int(),
  fte: z.number(),
  /** Annual cost in the org's currency of every member with a cost (all statuses). */
  cost: z.number(),
});
/** One team's or group's row of the report. */
export type TeamReport = z.infer<typeof TeamReportSchema>;

const StatusCountsSchema = z.object(
  Object.fromEntries(PERSON_STATUSES.map((s) => [s, z.number()])) as {
    [K in (typeof PERSON_STATUSES)[number]]: z.ZodNumber;
  },
);

/** Org-wide metrics. */
export const SummarySchema = z.object({
  /** Records that are not aggregates, any status. */
  people: z.number().int(),
  /** Aggregate records (posts counted by FTE). */
  aggregates: z.number().int(),
  /** Sum of every record's FTE (default 1). */
  fte: z.number(),
  /** Non-aggregate records with at least one direct report. */
  managers: z.number().int(),
  /** Non-aggregate records with no direct reports (people only: aggregates not included). */
  ics: z.number().int(),
  /** `ics` per manager, 2 decimals: the same records as `ics` (aggregates not included); 0 with no managers. */
  icsPerManager: z.number(),
  /** Posts of the aggregates, each aggregate's FTE rounded up (aggregates never manage, so all are IC posts). */
  aggregatePosts: z.number().int(),
  /** `ics` plus `aggregatePosts`, per manager, 2 decimals (aggregates included); 0 with no managers. */
  icsAndPostsPerManager: z.number(),
  /** Deepest layer; the top person is layer 1. */
  maxLayer: z.number().int(),
  /**
   * People (not aggregates) with no manager: the heads of the org. Records whose manager id matches
   * no record are `graph.dangling_manager` findings and are not counted here.
   */
  roots: z.number().int(),
  headcountByStatus: StatusCountsSchema,
  fteByStatus: StatusCountsSchema,
  /** Managers by direct reports (assistants aside): 1, 2–3, 4–5, 6–8, 9–12, 13+. */
  spanDistribution: z.object(
    Object.fromEntries(SPAN_BUCKETS.map((b) => [b, z.number()])) as {
      [K in SpanBucket]: z.ZodNumber;
    },
  ),
  /** Median and mean direct reports (assistants aside) over managers; 0 with no managers. */
  medianSpan: z.number(),
  meanSpan: z.number(),
  /** Annual cost in the org's currency: total and by status. */
  cost: z.object({ total: z.number(), byStatus: StatusCountsSchema }),
  findings: z.object({ error: z.number(), warning: z.number(), info: z.number() }),
  /** Checks skipped because the data lacks what they need (one `analysis.check_skipped` finding each). */
  skippedChecks: z.array(z.object({ rule: z.string(), reason: z.string() })),
});
/** The report's summary. */
export type Summary = z.infer<typeof SummarySchema>;

/** The public analysis report (`reorg analyze --format json`, `GET …/analysis`). */
export const AnalysisReportSchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  asOf: z.string(),
  currency: z.string(),
  summary: SummarySchema,
  managers: z.array(ManagerReportSchema),
  teams: z.array(TeamReportSchema),
  findings: z.array(FindingSchema),
});
/** The analysis report. */
export type AnalysisReport = z.infer<typeof AnalysisReportSchema>;
