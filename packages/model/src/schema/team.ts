import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common';

/** Team Topologies team types; `stream-aligned` is the default choice (Skelton & Pais). */
export const TEAM_TYPES = ['stream-aligned', 'platform', 'enabling', 'complicated-subsystem'] as const;
/** One of {@link TEAM_TYPES}. */
export type TeamType = (typeof TEAM_TYPES)[number];

/** How hard a domain is to hold in one's head (Team Topologies, cognitive load). */
export const DOMAIN_COMPLEXITIES = ['simple', 'complicated', 'complex'] as const;
/** One of {@link DOMAIN_COMPLEXITIES}. */
export type DomainComplexity = (typeof DOMAIN_COMPLEXITIES)[number];

/** `team`: a long-lived team people belong to; `group`: a container of teams (a department, a tribe). */
export const TEAM_KINDS = ['team', 'group'] as const;
/** One of {@link TEAM_KINDS}. */
export type TeamKind = (typeof TEAM_KINDS)[number];

/** A domain a team owns, with its complexity. */
export const DomainSchema = z.object({
  name: z.string().min(1),
  complexity: z.enum(DOMAIN_COMPLEXITIES).default('simple'),
});
/** A validated domain. */
export type Domain = z.infer<typeof DomainSchema>;

/**
 * A team (or, with `kind: 'group'`, a group of teams). `managerId` is its EM/lead (a person id);
 * `parentId` is the group it belongs to. Members are the people whose `teamId` is this id.
 */
export const TeamSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  kind: z.enum(TEAM_KINDS).default('team'),
  type: z.enum(TEAM_TYPES).default('stream-aligned'),
  managerId: IdSchema.nullable().default(null),
  parentId: IdSchema.nullable().default(null),
  domains: z.array(DomainSchema).default([]),
});
/** A validated team. */
export type Team = z.infer<typeof TeamSchema>;
/** Input of {@link createTeam}: `id` and `name` are required. */
export type TeamInput = z.input<typeof TeamSchema>;

/**
 * Builds a team with defaults (`kind: 'team'`, `type: 'stream-aligned'`, no manager, no group).
 * @throws ZodError on a malformed field.
 */
export function createTeam(input: TeamInput): Team {
  return TeamSchema.parse(input);
}

/** Team Topologies interaction modes. `collaboration` and `facilitating` are temporary by nature. */
export const INTERACTION_MODES = ['collaboration', 'x-as-a-service', 'facilitating'] as const;
/** One of {@link INTERACTION_MODES}. */
export type InteractionMode = (typeof INTERACTION_MODES)[number];

/**
 * An interaction between two teams: `from` → `to` (for x-as-a-service, `from` provides the
 * service to `to`; for facilitating, `from` facilitates `to`). `expectedEnd` marks a temporary one.
 */
export const InteractionSchema = z.object({
  from: IdSchema,
  to: IdSchema,
  mode: z.enum(INTERACTION_MODES),
  since: IsoDateSchema.optional(),
  expectedEnd: IsoDateSchema.optional(),
});
/** A validated interaction. */
export type Interaction = z.infer<typeof InteractionSchema>;
/** Input of {@link createInteraction}. */
export type InteractionInput = z.input<typeof InteractionSchema>;

/** Builds an interaction. @throws ZodError on a malformed field. */
export function createInteraction(input: InteractionInput): Interaction {
  return InteractionSchema.parse(input);
}
