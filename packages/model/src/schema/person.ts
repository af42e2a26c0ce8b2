import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common';

/**
 * Person statuses: `active` (in post), `open` (an open requisition / vacancy), `planned`
 * (a future hire), `leaving` (has given notice, or the post is being eliminated).
 */
export const PERSON_STATUSES = ['active', 'open', 'planned', 'leaving'] as const;
/** One of {@link PERSON_STATUSES}. */
export type PersonStatus = (typeof PERSON_STATUSES)[number];

/**
 * A person in the org, or an **aggregate** record (`aggregate: true`) standing for a number of
 * posts whose individuals are unknown (e.g. a UK organogram junior row: `fte` posts of one grade).
 *
 * Relations are ids: `managerId` (solid line, `null` at the top), `dottedManagerIds` (matrix
 * lines, never counted in span or layers), `teamId`. Reverse lookups live in the graph index.
 */
export const PersonSchema = z.object({
  id: IdSchema,
  /** Display name; absent when the source withholds it (e.g. "N/D"). */
  name: z.string().optional(),
  title: z.string().optional(),
  email: z.string().optional(),
  /** A level id of the org's ladder (e.g. `L4`, `M5`, `G7`). */
  level: z.string().optional(),
  managerId: IdSchema.nullable().default(null),
  dottedManagerIds: z.array(IdSchema).default([]),
  teamId: IdSchema.nullable().default(null),
  status: z.enum(PERSON_STATUSES).default('active'),
  /** Full-time equivalent: 1 for a full-time person; for an aggregate, the number of posts in FTE. */
  fte: z.number().nonnegative().default(1),
  /** True for a record that stands for `fte` posts rather than one known person. */
  aggregate: z.boolean().default(false),
  /** Assistants never count in their manager's span of control (Orgvue). */
  isAssistant: z.boolean().default(false),
  startDate: IsoDateSchema.optional(),
  /** When this person started managing people; within 12 months of the as-of date = new manager. */
  managerSince: IsoDateSchema.optional(),
  location: z.string().optional(),
  /** Annual loaded cost in the org's currency (for an aggregate: of all its posts together). */
  cost: z.number().nonnegative().optional(),
});

/** A validated person record (defaults filled in). */
export type Person = z.infer<typeof PersonSchema>;
/** What a caller may pass to {@link createPerson}: `id` is required, everything else has a default. */
export type PersonInput = z.input<typeof PersonSchema>;

/**
 * Builds a person with defaults (`status: 'active'`, `fte: 1`, no manager, no team).
 * @throws ZodError when a field has the wrong shape (use `PersonSchema.safeParse` to avoid throwing).
 */
export function createPerson(input: PersonInput): Person {
  return PersonSchema.parse(input);
}

/** True when the record is a manager-able individual rather than an aggregate of posts. */
export function isIndividual(p: Pick<Person, 'aggregate'>): boolean {
  return !p.aggregate;
}
