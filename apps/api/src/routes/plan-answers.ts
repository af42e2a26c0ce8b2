import { randomUUID } from 'node:crypto';
import type { PlanRecord, PlanRevisionRecord } from '../db/plan-store';
import { PROBLEM_TYPES, problem } from '../problem';

/** A stored plan as the plan routes answer it (`SavedPlan`). */
export function toSavedPlan(r: PlanRecord) {
  return {
    id: r.id,
    scenarioId: r.scenarioId,
    orgId: r.orgId,
    name: r.name,
    author: r.author,
    createdAt: r.createdAt.toISOString(),
    revision: r.revision,
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt.toISOString(),
    deleted: r.deleted,
    plan: r.plan,
  };
}

/** One revision as the plan routes answer it (`PlanRevision`). */
export function toPlanRevision(r: PlanRevisionRecord) {
  return {
    revision: r.revision,
    name: r.name,
    deleted: r.deleted,
    author: r.author,
    createdAt: r.createdAt.toISOString(),
    plan: r.plan,
  };
}

/** The 404 problem of the plan routes. */
export function notFound(c: Parameters<typeof problem>[0], detail: string) {
  return problem(c, { type: PROBLEM_TYPES.notFound, title: 'Not found', status: 404, detail });
}

/** The 409 problem of an id that is taken: plans are never overwritten. */
export function planExists(c: Parameters<typeof problem>[0], id: string) {
  return problem(c, {
    type: PROBLEM_TYPES.conflict,
    title: 'Plan exists',
    status: 409,
    detail: `a headcount plan with id "${id}" exists; plans are never overwritten: choose another id or leave it out`,
    errors: [{ in: 'body', path: 'id', message: 'already exists' }],
  });
}

/** A plan id from its name: the name's slug and 8 random hex digits. */
export function generatedId(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 40);
  return `${slug || 'plan'}-${randomUUID().slice(0, 8)}`;
}
