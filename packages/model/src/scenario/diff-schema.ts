import { z } from 'zod';

/** A person as the diff names them: enough to print a line without the org at hand. */
export const PersonRefSchema = z.object({
  id: z.string(),
  name: z.string().optional(),
  title: z.string().optional(),
  level: z.string().optional(),
  managerId: z.string().nullable(),
  teamId: z.string().nullable(),
  status: z.string(),
  /** Annual cost in the org's currency, when the record carries one. */
  cost: z.number().optional(),
});
/** A person named in a diff. */
export type PersonRef = z.infer<typeof PersonRefSchema>;

/** A team as the diff names it. */
export const TeamRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  type: z.string(),
  managerId: z.string().nullable(),
  /** Members (records whose `teamId` is this team): in `before` for a removed team, in `after` for an added one. */
  members: z.number().int(),
});
/** A team named in a diff. */
export type TeamRef = z.infer<typeof TeamRefSchema>;

const idName = { id: z.string(), name: z.string().optional() };
const nullableId = z.string().nullable();

/** A person whose solid-line manager changed: manager ids (null = at the top) and their names. */
export const ManagerChangeSchema = z.object({
  ...idName,
  from: nullableId,
  to: nullableId,
  fromName: z.string().optional(),
  toName: z.string().optional(),
});
/** One manager change. */
export type ManagerChange = z.infer<typeof ManagerChangeSchema>;

/** A person whose team changed: team ids (null = no team) and their names. */
export const TeamChangeSchema = z.object({
  ...idName,
  from: nullableId,
  to: nullableId,
  fromName: z.string().optional(),
  toName: z.string().optional(),
});
/** One team change of a person. */
export type TeamChange = z.infer<typeof TeamChangeSchema>;

/** A change of one string field of a person (level id, status, title); null = absent. */
export const FieldChangeSchema = z.object({ ...idName, from: nullableId, to: nullableId });
/** One field change. */
export type FieldChange = z.infer<typeof FieldChangeSchema>;

/** A change of annual cost (org's currency); null = no cost recorded; `delta` treats null as 0. */
export const CostChangeSchema = z.object({
  ...idName,
  from: z.number().nullable(),
  to: z.number().nullable(),
  delta: z.number(),
});
/** One cost change. */
export type CostChange = z.infer<typeof CostChangeSchema>;

/** Removed teams whose members mostly (more than half) ended up in one team `into`. */
export const TeamMergeSchema = z.object({
  into: z.string(),
  intoName: z.string(),
  from: z.array(z.string()),
  fromNames: z.array(z.string()),
});
/** One merge. */
export type TeamMerge = z.infer<typeof TeamMergeSchema>;

/** New teams whose members mostly (more than half) came from one team `from`. */
export const TeamSplitSchema = z.object({
  from: z.string(),
  fromName: z.string(),
  into: z.array(z.string()),
  intoNames: z.array(z.string()),
});
/** One split. */
export type TeamSplit = z.infer<typeof TeamSplitSchema>;

/** A team in both orgs whose own fields changed: names of the fields, with old and new values. */
export const TeamFieldsChangeSchema = z.object({
  id: z.string(),
  name: z.string(),
  fields: z.array(z.string()),
  from: z.record(z.string(), z.unknown()),
  to: z.record(z.string(), z.unknown()),
});
/** One team whose fields changed. */
export type TeamFieldsChange = z.infer<typeof TeamFieldsChangeSchema>;

/** What happened to one team a manager leads (before or after). */
export const ManagerTeamChangeSchema = z.object({
  teamId: z.string(),
  name: z.string(),
  /**
   * `created`/`removed`: the team itself; `gained`/`lost`: this manager became / stopped being its
   * manager; `kept`: same team, same manager, but members or fields changed.
   */
  change: z.enum(['created', 'removed', 'gained', 'lost', 'kept']),
  joined: z.array(z.string()),
  left: z.array(z.string()),
  fields: z.array(z.string()),
});
/** One team change seen by its manager. */
export type ManagerTeamChange = z.infer<typeof ManagerTeamChangeSchema>;

/** "What changes for me and my team" for one manager (DOMAIN.md, disruption). */
export const ManagerImpactSchema = z.object({
  managerId: z.string(),
  name: z.string().optional(),
  /** Ids of people who report to this manager after but did not before (new hires included). */
  gained: z.array(z.string()),
  /** Ids of people who reported to this manager before but not after (leavers included). */
  lost: z.array(z.string()),
  ownManagerChanged: z.object({ from: nullableId, to: nullableId }).optional(),
  teamChanges: z.array(ManagerTeamChangeSchema),
  /** People touched: gained + lost + team joiners and leavers + 1 when the own manager changed. */
  changed: z.number().int(),
});
/** One manager's view of a diff. */
export type ManagerImpact = z.infer<typeof ManagerImpactSchema>;

/**
 * The difference between two orgs, people and teams matched by id (a record that repeats an id
 * pairs with one record of that id, the nearest in the list). Lists are in record order
 * (`before`'s, then `after`'s for additions). Costs are annual, in the org's currency.
 */
export const OrgDiffSchema = z.object({
  people: z.object({
    added: z.array(PersonRefSchema),
    removed: z.array(PersonRefSchema),
    managerChanged: z.array(ManagerChangeSchema),
    teamChanged: z.array(TeamChangeSchema),
    levelChanged: z.array(FieldChangeSchema),
    costChanged: z.array(CostChangeSchema),
    statusChanged: z.array(FieldChangeSchema),
    titleChanged: z.array(FieldChangeSchema),
  }),
  teams: z.object({
    added: z.array(TeamRefSchema),
    removed: z.array(TeamRefSchema),
    merged: z.array(TeamMergeSchema),
    split: z.array(TeamSplitSchema),
    changed: z.array(TeamFieldsChangeSchema),
  }),
  /** Records (aggregates counted once each) and annual cost in `after`'s currency, before and after. */
  totals: z.object({
    currency: z.string(),
    recordsBefore: z.number().int(),
    recordsAfter: z.number().int(),
    costBefore: z.number(),
    costAfter: z.number(),
    costDelta: z.number(),
  }),
  disruption: z.object({
    /** People (in both orgs) whose solid-line manager changed. */
    managerChanged: z.number().int(),
    /** People (in both orgs) whose team changed. */
    teamChanged: z.number().int(),
    /** Distinct people with a manager or team change (additions and removals excluded). */
    affected: z.number().int(),
    /** `affected` / records in `before`, 0..1 (0 for an empty `before`). */
    share: z.number(),
    teamsCreated: z.number().int(),
    teamsRemoved: z.number().int(),
    /** Removed teams merged into another (the `from` teams of every merge). */
    teamsMerged: z.number().int(),
    /** Teams split (the `from` team of every split). */
    teamsSplit: z.number().int(),
  }),
  /** Only managers with some change, most people changed first (then by id). */
  byManager: z.array(ManagerImpactSchema),
});
/** The difference between two orgs; see {@link OrgDiffSchema}. */
export type OrgDiff = z.infer<typeof OrgDiffSchema>;
