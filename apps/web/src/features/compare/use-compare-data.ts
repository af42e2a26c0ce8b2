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

function simulate(request: SimulationRequest, signal: AbortSignal): Promise<SimulationAnswer> {
  const key = simulationKey(request);
  let answer = simulations.get(key);
  if (!answer) {
    answer = runSimulation(request, signal);
    simulations.set(key, answer);
    answer.catch(() => simulations.delete(key));
  }
  return answer;
}

/** The simulations of a panel: each one's state, and how to cancel or re-run those in flight. */
export interface SimulationsState {
  answers: Loadable<SimulationAnswer>[];
  /** When the current batch started (`performance.now()`), for the elapsed time on screen. */
  startedAt: number;
  /** Aborts the simulations still running (the server cancels them on their workers). */
  cancel: () => void;
  /** Runs the cancelled or failed ones again. */
  retry: () => void;
}

/** The message of a simulation the user cancelled. */
export const CANCELLED = 'Cancelled: run it again when you are ready.';

/**
 * The simulations of `requests`, in order, each loading, ready or failed on its own. `cancel`
 * aborts those in flight; `retry` asks again for those that did not answer.
 */
export function useSimulations(requests: SimulationRequest[]): SimulationsState {
  const keys = requests.map(simulationKey);
  const joined = keys.join('\n');
  const [answers, setAnswers] = useState<Map<string, Loadable<SimulationAnswer>>>(new Map());
  const [attempt, setAttempt] = useState(0);
  const [batch, setBatch] = useState<{ abort: AbortController; startedAt: number } | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `joined` names every request; `attempt` re-runs.
  useEffect(() => {
    let live = true;
    const abort = new AbortController();
    setBatch({ abort, startedAt: performance.now() });
    requests.forEach((request, k) => {
      setAnswers((m) =>
        m.get(keys[k]!)?.status === 'ready' ? m : new Map(m).set(keys[k]!, { status: 'loading' }),
      );
      simulate(request, abort.signal).then(
        (data) => live && setAnswers((m) => new Map(m).set(keys[k]!, { status: 'ready', data })),
        (error) =>
          live &&
          setAnswers((m) =>
            new Map(m).set(keys[k]!, {
              status: 'error',
              message: abort.signal.aborted ? CANCELLED : message(error),
            }),
          ),
      );
    });
    return () => {
      live = false;
    };
  }, [joined, attempt]);
  return {
    answers: keys.map((k) => answers.get(k) ?? { status: 'loading' }),
    startedAt: batch?.startedAt ?? performance.now(),
    cancel: () => batch?.abort.abort(),
    retry: () => setAttempt((n) => n + 1),
  };
}
