import type { HeadcountPlan, HeadcountPlanInput } from '@reorg/model';
import { call, client, type SavedPlan } from './client';

/**
 * The calls of the plan editor: save a new plan with a scenario, save a revision (If-Match, as
 * for scenarios), rename, duplicate, delete (a revision marked deleted) and read the revisions.
 * Each throws an `ApiError` (412: the plan changed meanwhile; 422: the plan is invalid).
 */

/** Saves a new plan with a scenario (revision 1). */
export async function createPlan(
  scenarioId: string,
  name: string,
  plan: HeadcountPlanInput,
): Promise<SavedPlan> {
  const res = client.api.scenarios[':id'].plans.$post({
    param: { id: scenarioId },
    json: { name, plan: plan as HeadcountPlan },
  });
  return call<SavedPlan>(res);
}

/** Saves a new revision of a plan on top of `revision`: a new plan document, a new name, or both. */
export async function updatePlan(
  id: string,
  revision: number,
  change: { name?: string; plan?: HeadcountPlanInput },
): Promise<SavedPlan> {
  const res = client.api.plans[':id'].$put({
    param: { id },
    json: change as { name?: string; plan?: HeadcountPlan },
    header: { 'if-match': `"${revision}"` },
  });
  return call<SavedPlan>(res);
}

/** Copies a plan into a new plan of the same scenario. */
export async function duplicatePlan(id: string, name?: string): Promise<SavedPlan> {
  const res = client.api.plans[':id'].duplicate.$post({ param: { id }, json: name ? { name } : {} });
  return call<SavedPlan>(res);
}

/** Deletes a plan (a revision marked deleted: its history stays). */
export async function deletePlan(id: string, revision: number): Promise<SavedPlan> {
  const res = client.api.plans[':id'].$delete({ param: { id }, header: { 'if-match': `"${revision}"` } });
  return call<SavedPlan>(res);
}

/** One saved plan at its latest revision. */
export async function getPlan(id: string): Promise<SavedPlan> {
  return call<SavedPlan>(client.api.plans[':id'].$get({ param: { id } }));
}
