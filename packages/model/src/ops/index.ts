/**
 * Reorg operations as data: the {@link OpSchema} tagged union, {@link applyOp}/{@link applyOps}
 * (immer patches, atomic batches, stable error codes) and a pure undo/redo {@link History}.
 */
export { type AddPersonOp, AddPersonOpSchema, applyAddPerson } from './add-person';
export { type AddTeamOp, AddTeamOpSchema, applyAddTeam } from './add-team';
export { type ApplyOpsResult, applyOp, applyOps } from './apply-ops';
export { type AssignTeamOp, AssignTeamOpSchema, applyAssignTeam } from './assign-team';
export { applyChangeManager, type ChangeManagerOp, ChangeManagerOpSchema } from './change-manager';
export {
  canRedo,
  canUndo,
  createHistory,
  type History,
  type HistoryOptions,
  type HistoryStep,
  type PushEntryOptions,
  pushEntry,
  redo,
  undo,
} from './history';
export { applyMergeTeams, type MergeTeamsOp, MergeTeamsOpSchema } from './merge-teams';
export { applyMoveTeam, type MoveTeamOp, MoveTeamOpSchema } from './move-team';
export { OP_ERROR_CODES, type OpBatchError, type OpError, type OpErrorCode } from './op-error';
export {
  OP_TYPES,
  type Op,
  type OpInput,
  OpSchema,
  type OpType,
  type ParseOpResult,
  parseOp,
} from './op-schema';
export {
  applyRemoveInteraction,
  type RemoveInteractionOp,
  RemoveInteractionOpSchema,
} from './remove-interaction';
export { applyRemovePerson, type RemovePersonOp, RemovePersonOpSchema } from './remove-person';
export { applyRemoveTeam, type RemoveTeamOp, RemoveTeamOpSchema } from './remove-team';
export { applySetInteraction, type SetInteractionOp, SetInteractionOpSchema } from './set-interaction';
export { applySetRateCard, type SetRateCardOp, SetRateCardOpSchema } from './set-rate-card';
export { applySplitTeam, type SplitTeamOp, SplitTeamOpSchema } from './split-team';
export { applyUpdateLadder, type UpdateLadderOp, UpdateLadderOpSchema } from './update-ladder';
export {
  applyUpdatePerson,
  type PersonChanges,
  PersonChangesSchema,
  UPDATABLE_PERSON_FIELDS,
  type UpdatePersonOp,
  UpdatePersonOpSchema,
} from './update-person';
export { applyUpdatePolicy, type UpdatePolicyOp, UpdatePolicyOpSchema } from './update-policy';
export {
  applyUpdateTeam,
  type TeamChanges,
  TeamChangesSchema,
  type UpdateTeamOp,
  UpdateTeamOpSchema,
} from './update-team';
export { OpWorkspace } from './workspace';
