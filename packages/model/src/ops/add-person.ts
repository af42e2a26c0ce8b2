import { z } from 'zod';
import { PersonSchema } from '../schema/person';
import {
  describePersonRecord,
  type OpError,
  opError,
  personNotFound,
  shortName,
  teamNotFound,
} from './op-error';
import type { OpWorkspace } from './workspace';

/**
 * `addPerson`: adds a person (any {@link PersonSchema} input, unknown fields refused; defaults filled in). Open
 * requisitions and planned hires are people too, with `status: 'open'` or `'planned'`.
 */
export const AddPersonOpSchema = z.strictObject({
  type: z.literal('addPerson'),
  person: z.strictObject(PersonSchema.shape),
});
/** A validated `addPerson` op. */
export type AddPersonOp = z.infer<typeof AddPersonOpSchema>;

/**
 * Applies an `addPerson` op. Refuses: `duplicate_id` when the id is taken; `not_found` for an
 * unknown manager, team or dotted-line manager; `cycle` for a person who would report to
 * themselves (or close a loop through records that already named this id as their manager);
 * `invalid_target` for an aggregate record as manager. Cost: O(depth + dotted lines).
 */
export function applyAddPerson(ws: OpWorkspace, op: AddPersonOp): OpError | null {
  const p = op.person;
  const label = describePersonRecord(p);
  if (ws.personRow(p.id) >= 0) {
    const other = describePersonRecord(ws.person(ws.personRow(p.id)));
    return opError('duplicate_id', `Cannot add ${label}: the id "${p.id}" is already used by ${other}.`);
  }
  let managerRow = -1;
  if (p.managerId !== null) {
    if (p.managerId === p.id)
      return opError('cycle', `Cannot add ${label}: nobody can report to themselves.`);
    managerRow = ws.personRow(p.managerId);
    if (managerRow < 0) return personNotFound(p.managerId, `the manager of ${label}`);
    const manager = ws.person(managerRow);
    if (manager.aggregate) {
      return opError(
        'invalid_target',
        `Cannot add ${label} under ${describePersonRecord(manager)}: an aggregate of posts cannot manage.`,
      );
    }
  }
  if (p.teamId !== null && ws.teamRow(p.teamId) < 0) return teamNotFound(p.teamId, `the team of ${label}`);
  for (const d of p.dottedManagerIds) {
    if (d === p.id) return opError('invalid_target', `Cannot add ${label}: a dotted line to themselves.`);
    if (ws.personRow(d) < 0) return personNotFound(d, `a dotted-line manager of ${label}`);
  }
  const row = ws.addPerson({ ...p, dottedManagerIds: [...p.dottedManagerIds] });
  if (managerRow >= 0 && ws.isUnder(managerRow, row)) {
    const manager = ws.person(managerRow);
    return opError(
      'cycle',
      `Cannot add ${label} under ${describePersonRecord(manager)}: ${shortName(manager)} already reports to "${p.id}", so this would create a reporting loop.`,
    );
  }
  return null;
}
