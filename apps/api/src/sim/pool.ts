import { availableParallelism } from 'node:os';
import type { SimulationResult } from '@reorg/model';
import Piscina from 'piscina';
import type { SimulationTask } from './task';

/** Simulations waiting for a worker, per worker thread, before the pool refuses more: 4. */
export const DEFAULT_QUEUE_PER_THREAD = 4;

/** Options of {@link SimulationPool}. */
export interface SimulationPoolOptions {
  /** Worker threads: default the machine's cores minus one (the request thread keeps one), at least 1. */
  threads?: number;
  /** Simulations that may wait for a worker: default {@link DEFAULT_QUEUE_PER_THREAD} × threads. */
  queueLimit?: number;
}

/** The pool's state, for `GET /api/simulations/pool`. */
export interface PoolStatus {
  threads: number;
  queueLimit: number;
  /** Simulations on a worker now. */
  running: number;
  /** Simulations waiting for a worker. */
  queued: number;
}

/** Thrown by {@link SimulationPool.run} when every worker is busy and the queue is full. */
export class QueueFullError extends Error {
  constructor(
    /** Seconds after which a retry is likely to be accepted (mean recent duration × backlog). */
    readonly retryAfterSeconds: number,
    readonly status: PoolStatus,
  ) {
    super(
      `the simulation queue is full (${status.running} running on ${status.threads} workers, ${status.queued} waiting); retry in ${retryAfterSeconds} s`,
    );
    this.name = 'QueueFullError';
  }
}

/** The default number of worker threads: cores − 1, at least 1. */
export function defaultThreads(): number {
  return Math.max(1, availableParallelism() - 1);
}

const WORKER = new URL('./worker.mjs', import.meta.url).href;

/**
 * Headcount-plan simulations on worker threads (piscina), so the thread that answers requests
 * never runs one. At most `threads + queueLimit` simulations are accepted at a time; beyond that
 * {@link run} throws {@link QueueFullError}. A simulation whose signal aborts leaves the queue, or
 * its worker is terminated (and replaced) when it is already running. Threads start on first use
 * and are not kept alive when idle (they never hold the process open).
 */
export class SimulationPool {
  readonly threads: number;
  readonly queueLimit: number;
  private pending = 0;
  private piscina?: Piscina<SimulationTask, SimulationResult>;
  /** Durations of the last few simulations, in ms (for Retry-After). */
  private readonly recent: number[] = [];

  constructor(options: SimulationPoolOptions = {}) {
    this.threads = Math.max(1, Math.floor(options.threads ?? defaultThreads()));
    this.queueLimit = Math.max(0, Math.floor(options.queueLimit ?? DEFAULT_QUEUE_PER_THREAD * this.threads));
  }

  /** How busy the pool is now. */
  status(): PoolStatus {
    const running = Math.min(this.pending, this.threads);
    return { threads: this.threads, queueLimit: this.queueLimit, running, queued: this.pending - running };
  }

  /**
   * Runs one simulation on a worker.
   * @throws QueueFullError when `threads + queueLimit` simulations are already accepted.
   * @throws the pool's AbortError when `signal` aborts first.
   */
  async run(task: SimulationTask, signal?: AbortSignal): Promise<SimulationResult> {
    if (this.pending >= this.threads + this.queueLimit) {
      throw new QueueFullError(this.retryAfter(), this.status());
    }
    this.piscina ??= new Piscina({
      filename: WORKER,
      minThreads: 0,
      maxThreads: this.threads,
      idleTimeout: 30_000,
      // Our own count bounds the queue; piscina's would refuse with a bare Error.
      maxQueue: Number.POSITIVE_INFINITY,
    });
    this.pending++;
    const started = performance.now();
    try {
      const result = await this.piscina.run(task, { signal: signal ?? null });
      this.recent.push(performance.now() - started);
      if (this.recent.length > 8) this.recent.shift();
      return result;
    } finally {
      this.pending--;
    }
  }

  /** Stops every worker (running simulations are rejected). */
  async close(): Promise<void> {
    await this.piscina?.destroy();
    this.piscina = undefined;
  }

  private retryAfter(): number {
    const mean = this.recent.length ? this.recent.reduce((a, b) => a + b, 0) / this.recent.length : 2000;
    const backlog = (this.pending - this.threads + 1) / this.threads;
    return Math.min(120, Math.max(1, Math.ceil((mean * Math.max(1, backlog)) / 1000)));
  }
}
