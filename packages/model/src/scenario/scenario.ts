import { z } from 'zod';
import { type ApplyOpsResult, applyOps } from '../ops/apply-ops';
import { type OpInput, OpSchema } from '../ops/op-schema';
import { IdSchema } from '../schema/common';
import type { Org } from '../schema/org';

/**
 * A scenario: a named variant of an org, as its baseline (the org id and the immutable baseline
 * revision it starts from) plus an ordered list of reorg ops. Its state is always recomputed from
 * the two ({@link getScenarioState}), so a scenario file is "reorg as code": reviewable in git and
 * repeatable.
 */
export const ScenarioSchema = z.object({
  id: IdSchema,
  name: z.string().min(1, 'a scenario needs a name'),
  description: z.string().optional(),
  baseline: z.object({
    orgId: IdSchema,
    /** The baseline revision the ops apply to (revisions are numbered from 1). */
    revision: z.number().int().positive(),
  }),
  ops: z.array(OpSchema).default([]),
});
/** A validated scenario (ops with their defaults filled in). */
export type Scenario = z.infer<typeof ScenarioSchema>;
/** Input of {@link createScenario}: `ops` may be left out. */
export type ScenarioInput = z.input<typeof ScenarioSchema>;

/**
 * Builds a scenario, validating every op with `OpSchema`.
 * @throws ZodError when a field or an op is malformed (use `ScenarioSchema.safeParse` to avoid throwing).
 */
export function createScenario(input: ScenarioInput): Scenario {
  return ScenarioSchema.parse(input);
}

/**
 * The state of a scenario: `ops` applied in order to `baseline` (see `applyOps`). Returns
 * `{ ok: true, org, patches, inversePatches }`, or `{ ok: false, error: { opIndex, code, message } }`
 * for the first op refused (0-based `opIndex`; nothing of the batch applies). Ops may be any JSON:
 * each is validated first (`invalid_op`). Pure; `baseline` is never changed, and the state shares
 * every untouched person and team with it.
 */
export function getScenarioState(baseline: Org, ops: readonly unknown[]): ApplyOpsResult {
  return applyOps(baseline, ops as readonly OpInput[]);
}
