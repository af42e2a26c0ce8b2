import {
  type HeadcountPlan,
  type Org,
  type SimulateOptions,
  type SimulationResult,
  simulatePlan,
} from '@reorg/model';

/** What one worker runs: a plan on an org (both structured-cloned into the worker). */
export interface SimulationTask {
  org: Org;
  plan: HeadcountPlan;
  options: Pick<SimulateOptions, 'runs' | 'seed' | 'quarters'>;
}

/** The body of a pool worker: the model's `simulatePlan`, nothing else. */
export function runSimulationTask(task: SimulationTask): SimulationResult {
  return simulatePlan(task.org, task.plan, task.options);
}
