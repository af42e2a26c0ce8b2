import type { SimulationResult } from '@reorg/model';
import { useEffect, useState } from 'react';
import {
  ApiError,
  type CompareAnswer,
  getComparison,
  listOrgPlans,
  runSimulation,
  type SavedPlan,
  type SimulationRequest,
  type SimulationTarget,
} from '../../lib/api/client';

/** A request's state: loading, its data, or the error's message. */
export type Loadable<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; message: string };

const message = (error: unknown) => (error instanceof ApiError ? error.message : String(error));

/**
 * Loads `key`'s data with `load` whenever the key changes, ignoring answers to older keys.
 * `null` for the key loads nothing (the idle state is `loading` with no request).
 */
function useLoad<T>(key: string | null, load: () => Promise<T>): Loadable<T> | null {
  const [state, setState] = useState<{ key: string; value: Loadable<T> } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key names everything `load` reads.
  useEffect(() => {
    if (key === null) return;
    let live = true;
    setState({ key, value: { status: 'loading' } });
    load().then(
      (data) => live && setState({ key, value: { status: 'ready', data } }),
      (error) => live && setState({ key, value: { status: 'error', message: message(error) } }),
    );
    return () => {
      live = false;
    };
  }, [key]);
  if (key === null) return null;
  return state?.key === key ? state.value : { status: 'loading' };
}

/** The headcount plans saved with the org's scenarios (read again when `version` changes). */
export function useOrgPlans(orgId: string, version = 0): Loadable<SavedPlan[]> {
  return useLoad(`plans\u0000${orgId}\u0000${version}`, () => listOrgPlans(orgId))!;
}

/** The comparison of the scenarios `ids` (null when none is picked). */
export function useComparison(ids: string[]): Loadable<CompareAnswer> | null {
  return useLoad(ids.length ? `compare\u0000${ids.join(',')}` : null, () => getComparison(ids));
}

/** A simulation's answer: the model's result with what it ran on. */
export type SimulationAnswer = SimulationResult & { target: SimulationTarget };

/** Answers by request, kept for the page's life: a simulation with one seed never changes. */
const simulations = new Map<string, Promise<SimulationAnswer>>();

/** The cache key of a simulation request. */
export function simulationKey(request: SimulationRequest): string {
  return JSON.stringify([
    request.planId,
    request.planRevision ?? 1,
    request.on ?? null,
    request.runs,
    request.seed,
  ]);
}

function simulate(request: SimulationRequest): Promise<SimulationAnswer> {
  const key = simulationKey(request);
  let answer = simulations.get(key);
  if (!answer) {
    answer = runSimulation(request);
    simulations.set(key, answer);
    answer.catch(() => simulations.delete(key));
  }
  return answer;
}

/** The simulations of `requests`, in order, each loading, ready or failed on its own. */
export function useSimulations(requests: SimulationRequest[]): Loadable<SimulationAnswer>[] {
  const keys = requests.map(simulationKey);
  const joined = keys.join('\n');
  const [answers, setAnswers] = useState<Map<string, Loadable<SimulationAnswer>>>(new Map());
  // biome-ignore lint/correctness/useExhaustiveDependencies: `joined` names every request.
  useEffect(() => {
    let live = true;
    requests.forEach((request, k) => {
      simulate(request).then(
        (data) => live && setAnswers((m) => new Map(m).set(keys[k]!, { status: 'ready', data })),
        (error) =>
          live && setAnswers((m) => new Map(m).set(keys[k]!, { status: 'error', message: message(error) })),
      );
    });
    return () => {
      live = false;
    };
  }, [joined]);
  return keys.map((k) => answers.get(k) ?? { status: 'loading' });
}
