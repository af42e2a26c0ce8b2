import { z } from 'zod';
import { IdSchema } from '../schema/common';
import { describePersonRecord, type OpError, opError, personNotFound, shortName } from './op-error';
import type { OpWorkspace } from './workspace';

/**
 * `changeManager`: the person now reports to `managerId` (`null`: to no one, at the top).
 * With `withReports: true` (the default) their reports come along, as when a director drags a
 * person with their team; with `false` the person's direct reports move up to the person's former
 * manager (to the top when there is none).
 */
export const ChangeManagerOpSchema = z.strictObject({
  type: z.literal('changeManager'),
  personId: IdSchema,
  managerId: IdSchema.nullable(),
  withReports: z.boolean().default(true),
});
/** A validated `changeManager` op. */
export type ChangeManagerOp = z.infer<typeof ChangeManagerOpSchema>;

/**
 * Applies a `changeManager` op to the workspace. Refuses (and changes nothing that the batch keeps):
 * `not_found` for an unknown person or manager; `cycle` when the manager is the person or reports
 * to them; `invalid_target` when the manager is an aggregate record (posts, not a person).
 * Cost: O(depth) for the loop check; with `withReports: false`, plus O(direct reports) (the first
 * time in a batch that reporting lines have changed: O(n) to index reports).
 */
export function applyChangeManager(ws: OpWorkspace, op: ChangeManagerOp): OpError | null {
  const row = ws.personRow(op.personId);
  if (row < 0) return personNotFound(op.personId, 'the person to move');
  const person = ws.person(row);
  if (op.managerId === null) {
    if (!op.withReports) promoteReports(ws, row);
    ws.setManager(row, null);
    return null;
  }
  const managerRow = ws.personRow(op.managerId);
  if (managerRow < 0)
    return personNotFound(op.managerId, `the new manager of ${describePersonRecord(person)}`);
  const manager = ws.person(managerRow);
  const what = `Cannot move ${describePersonRecord(person)} under ${describePersonRecord(manager)}`;
  if (managerRow === row) return opError('cycle', `${what}: nobody can report to themselves.`);
  if (manager.aggregate) {
    return opError(
      'invalid_target',
      `${what}: ${describePersonRecord(manager)} is an aggregate of posts, not a person who can manage.`,
    );
  }
  if (!op.withReports) promoteReports(ws, row);
  if (ws.isUnder(managerRow, row)) {
    const link = manager.managerId === person.id ? 'reports to' : 'reports indirectly to';
    return opError(
      'cycle',
      `${what}: ${shortName(manager)} ${link} ${shortName(person)}, so this would create a reporting loop.`,
    );
  }
  ws.setManager(row, op.managerId);
  return null;
}

/**
 * Moves the direct reports of the person at `row` to that person's manager, or to the top when the
 * manager is missing, is the person themself, or would be the report themself (in a dirty org).
 * Never creates a dangling manager id nor a self-report.
 */
export function promoteReports(ws: OpWorkspace, row: number): void {
  const person = ws.person(row);
  const former = person.managerId;
  const target = former !== null && former !== person.id && ws.personRow(former) >= 0 ? former : null;
  for (const r of ws.reportRows(person.id)) ws.setManager(r, target === ws.person(r).id ? null : target);
}
