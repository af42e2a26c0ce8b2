import { z } from 'zod';
import { AddPersonOpSchema, applyAddPerson } from './add-person';
import { AddTeamOpSchema, applyAddTeam } from './add-team';
import { AssignTeamOpSchema, applyAssignTeam } from './assign-team';
import { applyChangeManager, ChangeManagerOpSchema } from './change-manager';
import { applyMergeTeams, MergeTeamsOpSchema } from './merge-teams';
import { applyMoveTeam, MoveTeamOpSchema } from './move-team';
import { formatIssues, type OpError, opError } from './op-error';
import { applyRemoveInteraction, RemoveInteractionOpSchema } from './remove-interaction';
import { applyRemovePerson, RemovePersonOpSchema } from './remove-person';
import { applyRemoveTeam, RemoveTeamOpSchema } from './remove-team';
import { applySetInteraction, SetInteractionOpSchema } from './set-interaction';
import { applySetRateCard, SetRateCardOpSchema } from './set-rate-card';
import { applySplitTeam, SplitTeamOpSchema } from './split-team';
import { applyUpdateLadder, UpdateLadderOpSchema } from './update-ladder';
import { applyUpdatePerson, UpdatePersonOpSchema } from './update-person';
import { applyUpdatePolicy, UpdatePolicyOpSchema } from './update-policy';
import { applyUpdateTeam, UpdateTeamOpSchema } from './update-team';
import type { OpWorkspace } from './workspace';

/**
 * A reorg operation: one change to an org as data, tagged by `type`. Ops arrive as JSON (from the
 * API, the CLI's `reorg apply`, the canvas); {@link applyOp} validates them with this schema first.
 */
export const OpSchema = z.discriminatedUnion('type', [
  ChangeManagerOpSchema,
  MoveTeamOpSchema,
  AssignTeamOpSchema,
  AddPersonOpSchema,
  RemovePersonOpSchema,
  UpdatePersonOpSchema,
  AddTeamOpSchema,
  RemoveTeamOpSchema,
  UpdateTeamOpSchema,
  MergeTeamsOpSchema,
  SplitTeamOpSchema,
  SetInteractionOpSchema,
  RemoveInteractionOpSchema,
  UpdateLadderOpSchema,
  UpdatePolicyOpSchema,
  SetRateCardOpSchema,
]);
/** A validated op (defaults filled in). */
export type Op = z.infer<typeof OpSchema>;
/** What a caller may pass as an op (before defaults). */
export type OpInput = z.input<typeof OpSchema>;
/** The `type` of an op. */
export type OpType = Op['type'];

type Appliers = { [K in OpType]: (ws: OpWorkspace, op: Extract<Op, { type: K }>) => OpError | null };

const APPLIERS: Appliers = {
  changeManager: applyChangeManager,
  moveTeam: applyMoveTeam,
  assignTeam: applyAssignTeam,
  addPerson: applyAddPerson,
  removePerson: applyRemovePerson,
  updatePerson: applyUpdatePerson,
  addTeam: applyAddTeam,
  removeTeam: applyRemoveTeam,
  updateTeam: applyUpdateTeam,
  mergeTeams: applyMergeTeams,
  splitTeam: applySplitTeam,
  setInteraction: applySetInteraction,
  removeInteraction: applyRemoveInteraction,
  updateLadder: applyUpdateLadder,
  updatePolicy: applyUpdatePolicy,
  setRateCard: applySetRateCard,
};

/** Every op type, in the order of {@link OpSchema}. */
export const OP_TYPES = Object.keys(APPLIERS) as OpType[];

/** Result of {@link parseOp}: the validated op, or an `invalid_op` error listing each issue's path. */
export type ParseOpResult = { ok: true; op: Op } | { ok: false; error: OpError };

/** Validates one op (unknown JSON) with {@link OpSchema}. Never throws. */
export function parseOp(input: unknown): ParseOpResult {
  const parsed = OpSchema.safeParse(input);
  if (parsed.success) return { ok: true, op: parsed.data };
  const type = (input as { type?: unknown } | null)?.type;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, error: opError('invalid_op', 'An op must be an object with a "type".') };
  }
  if (typeof type !== 'string' || !(OP_TYPES as string[]).includes(type)) {
    const got = type === undefined ? 'no "type"' : `type ${JSON.stringify(type)}`;
    return {
      ok: false,
      error: opError('invalid_op', `Unknown op: ${got}; expected one of ${OP_TYPES.join(', ')}.`),
    };
  }
  return { ok: false, error: opError('invalid_op', `Malformed ${type} op: ${formatIssues(parsed.error)}.`) };
}

/** Applies one validated op to the workspace: an error, or null when it applied. */
export function applyParsedOp(ws: OpWorkspace, op: Op): OpError | null {
  const apply = APPLIERS[op.type] as (ws: OpWorkspace, op: Op) => OpError | null;
  return apply(ws, op);
}
