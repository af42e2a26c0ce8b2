import { createHash } from 'node:crypto';
import { type HeadcountPlan, type Org, parseHeadcountPlan, type SimulationResult } from '@reorg/model';
import type { PlanRecord } from '../db/plan-store';
import type { Store } from '../db/store';
import { Lru } from '../lru';
import { QueueFullError, SimulationPool } from '../sim/pool';
import type { Baselines } from './baselines';
import type { Scenarios } from './scenarios';

/** What to simulate: on an org's baseline or a scenario (at a revision), a plan given or saved. */
export interface SimulationRequest {
  orgId?: string;
  scenarioId?: string;
  revision?: number;
  plan?: HeadcountPlan;
  planId?: string;
  runs: number;
  seed: number;
  quarters?: number;
}

/**
 * The most work one simulation may take: runs × quarters × people (posts in the org plus planned
 * hires) ≤ 1,000,000,000, about 7 s of one core (the 10k-person bench does 80,000,000 in ~0.6 s).
 */
export const MAX_SIMULATION_WORK = 1_000_000_000;

/** What a simulation ran on. */
export interface SimulationTarget {
  orgId: string;
  /** Null for a baseline. */
  scenarioId: string | null;
  revision: number | null;
  /** The saved plan, or null for a plan given in the request. */
  planId: string | null;
}

/** Why a simulation could not run: a missing org, scenario, revision or plan, or a plan of another org. */
export type SimulationRefusal =
  | { reason: 'not-found'; field: 'orgId' | 'scenarioId' | 'revision' | 'planId'; detail: string }
  | { reason: 'other-org'; detail: string }
  | { reason: 'too-big'; work: number; cap: number; detail: string }
  | { reason: 'queue-full'; retryAfterSeconds: number; detail: string }
  | { reason: 'cancelled'; detail: string };

/** The result of {@link Simulations.run}. */
export type SimulationOutcome =
  | { ok: true; result: SimulationResult; target: SimulationTarget }
  | ({ ok: false } & SimulationRefusal);

/**
 * Headcount-plan simulations over HTTP: resolves the org or scenario state and the plan, then
 * runs the model's `simulatePlan`. Results are cached per process by (state, plan, runs, seed,
 * quarters): a state at a revision never changes and the simulation is deterministic, so a cached
 * result is always the one a new run would give.
 */
export class Simulations {
  private readonly results = new Lru<string, SimulationResult>(64);

  /** The worker threads simulations run on (never the request thread). */
  readonly pool: SimulationPool;

  constructor(
    private readonly store: Store,
    private readonly baselines: Baselines,
    private readonly scenarios: Scenarios,
    pool?: SimulationPool,
  ) {
    this.pool = pool ?? new SimulationPool();
  }

  /**
   * Runs (or recalls) one simulation on the pool. Never throws for user input: refusals say what
   * is missing, that the work is above {@link MAX_SIMULATION_WORK}, that the queue is full, or
   * that `signal` aborted (the client went away) before it finished.
   */
  async run(request: SimulationRequest, signal?: AbortSignal): Promise<SimulationOutcome> {
    const plan = await this.resolvePlan(request);
    if (!plan.ok) return plan;
    const scenarioId = request.scenarioId ?? (request.orgId ? undefined : plan.record?.scenarioId);
    const state = scenarioId
      ? await this.scenarioState(scenarioId, request.revision)
      : await this.baselineState(request.orgId!);
    if (!state.ok) return state;
    if (plan.record && plan.record.orgId !== state.target.orgId) {
      return {
        ok: false,
        reason: 'other-org',
        detail: `plan "${plan.record.id}" is saved with a scenario of org "${plan.record.orgId}", not "${state.target.orgId}"`,
      };
    }
    const target: SimulationTarget = { ...state.target, planId: plan.record?.id ?? null };
    const key = cacheKey(target, plan.plan, request);
    let result = this.results.get(key);
    if (!result) {
      const quarters = request.quarters ?? plan.plan.quarters;
      const work = request.runs * quarters * simulationPosts(state.org, plan.plan);
      if (work > MAX_SIMULATION_WORK) {
        const n = (x: number) => x.toLocaleString('en-US');
        return {
          ok: false,
          reason: 'too-big',
          work,
          cap: MAX_SIMULATION_WORK,
          detail: `runs × quarters × people = ${n(request.runs)} × ${quarters} × ${n(work / request.runs / quarters)} = ${n(work)} is above the cap of ${n(MAX_SIMULATION_WORK)}; ask for fewer runs or quarters`,
        };
      }
      const options = { runs: request.runs, seed: request.seed, quarters: request.quarters };
      try {
        result = await this.pool.run({ org: state.org, plan: plan.plan, options }, signal);
      } catch (error) {
        if (error instanceof QueueFullError) {
          return {
            ok: false,
            reason: 'queue-full',
            retryAfterSeconds: error.retryAfterSeconds,
            detail: error.message,
          };
        }
        if (signal?.aborted) return { ok: false, reason: 'cancelled', detail: 'the client went away' };
        throw error;
      }
      this.results.set(key, result);
    }
    return { ok: true, result, target };
  }

  private async resolvePlan(
    request: SimulationRequest,
  ): Promise<{ ok: true; plan: HeadcountPlan; record?: PlanRecord } | ({ ok: false } & SimulationRefusal)> {
    if (request.plan) return { ok: true, plan: request.plan };
    const id = request.planId!;
    const record = await this.store.plans.get(id);
    if (!record) return notFound('planId', `no headcount plan with id "${id}"`);
    const parsed = parseHeadcountPlan(record.plan);
    if (!parsed.ok) throw new Error(`stored plan ${id} no longer validates: ${parsed.issues.length} issues`);
    return { ok: true, plan: parsed.plan, record };
  }

  private async baselineState(
    orgId: string,
  ): Promise<
    { ok: true; org: Org; target: Omit<SimulationTarget, 'planId'> } | ({ ok: false } & SimulationRefusal)
  > {
    const baseline = await this.baselines.get(orgId);
    if (!baseline) return notFound('orgId', `no org with id "${orgId}"`);
    return {
      ok: true,
      org: baseline.org,
      target: { orgId, scenarioId: null, revision: null },
    };
  }

  private async scenarioState(
    scenarioId: string,
    revision?: number,
  ): Promise<
    { ok: true; org: Org; target: Omit<SimulationTarget, 'planId'> } | ({ ok: false } & SimulationRefusal)
  > {
    const head = await this.scenarios.head(scenarioId);
    if (!head) return notFound('scenarioId', `no scenario with id "${scenarioId}"`);
    const state = await this.scenarios.stateAt(head, revision);
    if (!state) {
      return notFound(
        'revision',
        `scenario "${scenarioId}" has no revision ${revision} (latest: ${head.revision})`,
      );
    }
    return {
      ok: true,
      org: state.org,
      target: { orgId: head.orgId, scenarioId, revision: state.revision },
    };
  }
}

/** Posts a simulation counts: one per person, ceil(FTE) per aggregate, one per planned hire. */
export function simulationPosts(org: Org, plan: HeadcountPlan): number {
  let posts = 0;
  for (const p of org.people) posts += p.aggregate ? Math.max(0, Math.ceil(p.fte)) : 1;
  for (const h of plan.hires) posts += h.count;
  return Math.max(1, posts);
}

function notFound(
  field: 'orgId' | 'scenarioId' | 'revision' | 'planId',
  detail: string,
): { ok: false } & SimulationRefusal {
  return { ok: false, reason: 'not-found', field, detail };
}

function cacheKey(target: SimulationTarget, plan: HeadcountPlan, request: SimulationRequest): string {
  const digest = createHash('sha256').update(JSON.stringify(plan)).digest('base64url');
  const where = target.scenarioId
    ? `scenario\u0000${target.scenarioId}\u0000${target.revision}`
    : `org\u0000${target.orgId}`;
  return [where, digest, request.runs, request.seed, request.quarters ?? ''].join('\u0000');
}
