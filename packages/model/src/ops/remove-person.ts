import { z } from 'zod';
import { IdSchema } from '../schema/common';
import { promoteReports } from './change-manager';
import { type OpError, personNotFound } from './op-error';
import type { OpWorkspace } from './workspace';

/**
 * `removePerson`: removes a person (every record with that id). Their direct reports move to the
 * removed person's manager (to the top when there is none); the id is taken out of everyone's
 * dotted-line managers, and any team they managed is left without a manager.
 */
export const RemovePersonOpSchema = z.strictObject({
  type: z.literal('removePerson'),
  personId: IdSchema,
});
/** A validated `removePerson` op. */
export type RemovePersonOp = z.infer<typeof RemovePersonOpSchema>;

/**
 * Applies a `removePerson` op. Refuses: `not_found` for an unknown person. Cost: O(reports +
 * dotted reports + teams), plus O(n) once per batch to index reporting lines and dotted lines,
 * plus O(n) once per batch when the batch is written (a removal rewrites the people array).
 */
export function applyRemovePerson(ws: OpWorkspace, op: RemovePersonOp): OpError | null {
  const row = ws.personRow(op.personId);
  if (row < 0) return personNotFound(op.personId, 'the person to remove');
  promoteReports(ws, row);
  for (const r of ws.dottedRows(op.personId)) {
    if (ws.people.isRemoved(r) || ws.person(r).id === op.personId) continue;
    ws.setDotted(
      r,
      ws.person(r).dottedManagerIds.filter((d) => d !== op.personId),
    );
  }
  ws.teams.forEach((t, teamRow) => {
    if (t.managerId === op.personId) ws.teams.edit(teamRow).managerId = null;
  });
  ws.removePerson(op.personId);
  return null;
}
