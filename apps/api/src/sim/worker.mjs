// A worker thread of the simulation pool (./pool.ts). Plain JavaScript so that Node can start it
// as it is, under `node bin/reorg.mjs` and under Vitest alike; it registers tsx itself (loader
// hooks are not inherited by worker threads) and then loads the TypeScript task.
import { register } from 'tsx/esm/api';

register();
const { runSimulationTask } = await import('./task.ts');

export default runSimulationTask;
