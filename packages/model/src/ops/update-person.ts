import { z } from 'zod';
import { IdSchema, IsoDateSchema } from '../schema/common';
import { PERSON_STATUSES, type Person, PersonSchema } from '../schema/person';
import { describePersonRecord, formatIssues, type OpError, opError, personNotFound } from './op-error';
import type { OpWorkspace } from './workspace';

const forbidden = (message: string) => z.never({ error: message }).optional();

/**
 * The fields `updatePerson` may change. `null` clears an optional field (name, title, email,
 * level, startDate, managerSince, location, cost). `id`, `managerId` and `teamId` are refused with
 * a message naming the op to use instead.
 */
export const PersonChangesSchema = z.strictObject({
  name: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  email: z.string().nullable().optional(),
  level: z.string().nullable().optional(),
  dottedManagerIds: z.array(IdSchema).optional(),
  status: z.enum(PERSON_STATUSES).optional(),
  /** Full-time equivalent (for an aggregate: its number of posts in FTE). */
  fte: z.number().nonnegative().optional(),
  aggregate: z.boolean().optional(),
  isAssistant: z.boolean().optional(),
  startDate: IsoDateSchema.nullable().optional(),
  managerSince: IsoDateSchema.nullable().optional(),
  location: z.string().nullable().optional(),
  /** Annual loaded cost in the org's currency. */
  cost: z.number().nonnegative().nullable().optional(),
  id: forbidden("a person's id cannot change: remove the person and add them again"),
  managerId: forbidden('use changeManager to change who a person reports to'),
  teamId: forbidden('use assignTeam to move a person to another team'),
});
/** A validated set of person changes. */
export type PersonChanges = z.infer<typeof PersonChangesSchema>;

/** `updatePerson`: changes fields of a person (title, level, cost, status, FTE, location, …). */
export const UpdatePersonOpSchema = z.strictObject({
  type: z.literal('updatePerson'),
  personId: IdSchema,
  changes: PersonChangesSchema,
});
/** A validated `updatePerson` op. */
export type UpdatePersonOp = z.infer<typeof UpdatePersonOpSchema>;

/**
 * Applies an `updatePerson` op. Refuses: `not_found` for an unknown person or dotted-line manager;
 * `invalid_target` for a dotted line to oneself, or for making a person with direct reports an
 * aggregate record; `invalid_result` when the updated person fails {@link PersonSchema}.
 * Cost: O(changed fields), plus O(n) once per batch when dotted lines change.
 */
export function applyUpdatePerson(ws: OpWorkspace, op: UpdatePersonOp): OpError | null {
  const row = ws.personRow(op.personId);
  if (row < 0) return personNotFound(op.personId, 'the person to update');
  const label = describePersonRecord(ws.person(row));
  const { dottedManagerIds, id: _id, managerId: _m, teamId: _t, ...fields } = op.changes;
  if (dottedManagerIds) {
    for (const d of dottedManagerIds) {
      if (d === op.personId)
        return opError('invalid_target', `Cannot update ${label}: a dotted line to themselves.`);
      if (ws.personRow(d) < 0) return personNotFound(d, `a dotted-line manager of ${label}`);
    }
  }
  if (fields.aggregate === true && !ws.person(row).aggregate && ws.reportRows(op.personId).length > 0) {
    return opError(
      'invalid_target',
      `Cannot make ${label} an aggregate of posts: they have direct reports, and an aggregate cannot manage.`,
    );
  }
  const next: Record<string, unknown> = { ...ws.person(row) };
  for (const [key, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (value === null) delete next[key];
    else next[key] = value;
  }
  const checked = PersonSchema.safeParse(next);
  if (!checked.success) {
    return opError('invalid_result', `Cannot update ${label}: ${formatIssues(checked.error)}.`);
  }
  if (dottedManagerIds) ws.setDotted(row, [...dottedManagerIds]);
  const target = ws.editPerson(row) as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    const value = (fields as Record<string, unknown>)[key];
    if (value === null) delete target[key];
    else if (value !== undefined) target[key] = value;
  }
  return null;
}

/** Keys of {@link Person} that `updatePerson` can change (the rest are refused). */
export const UPDATABLE_PERSON_FIELDS = Object.keys(PersonChangesSchema.shape).filter(
  (k) => !['id', 'managerId', 'teamId'].includes(k),
) as (keyof Person)[];
