import { bench, describe } from 'vitest';
import { runLiveLoad } from './bench/live-load';
import { ENGINES } from './testing/engines';

/**
 * Live feed under load (issue 14): 50 SSE clients on one scenario while an editor saves 10
 * one-op batches a second for 30 s (`REORG_LIVE_SECONDS` to change), on PGlite and, with
 * DATABASE_URL, PostgreSQL. Each bench runs once and prints whether every client got every
 * revision in order, and the delivery latency (save sent → event read) next to its baseline,
 * the save's own latency (save sent → 201), measured in the same run.
 */
const seconds = Number(process.env.REORG_LIVE_SECONDS ?? 30);

describe(`live feed: 50 clients, 10 saves/s for ${seconds} s`, () => {
  for (const engine of ENGINES) {
    bench(
      `${engine}: every revision to every client, in order`,
      async () => {
        const r = await runLiveLoad({ engine, seconds });
        console.table([
          {
            engine: r.engine,
            clients: r.clients,
            revisions: r.revisions,
            'saves/s': r.savesPerSecond,
            'all in order': r.allInOrder,
            'delivery p50 ms': r.deliveryP50,
            'delivery p99 ms': r.deliveryP99,
            'delivery max ms': r.deliveryMax,
            'save p50 ms (baseline)': r.saveP50,
            'save p99 ms (baseline)': r.saveP99,
          },
        ]);
        if (!r.allInOrder) throw new Error(`${r.clientsOutOfOrder} clients missed or reordered revisions`);
      },
      { iterations: 1, warmupIterations: 0, time: 0, warmupTime: 0 },
    );
  }
});
