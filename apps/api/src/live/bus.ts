import { sql } from 'drizzle-orm';
import type { Database } from '../db/client';

/**
 * The live bus (DESIGN.md "Live work"): notices that something changed, published with
 * PostgreSQL `NOTIFY` on one channel and received by every API process through its one listening
 * connection (`LISTEN`); on PGlite the same, inside the one process. A notice carries ids only:
 * subscribers read what changed from the database (the one shared truth), after their own cursor,
 * so a lost or coalesced notice only delays an event, never loses or repeats one.
 */

/** The PostgreSQL channel every notice travels on. */
export const LIVE_CHANNEL = 'reorg_live';

/** PostgreSQL's limit on a NOTIFY payload is 8000 bytes; a notice must stay below it. */
export const NOTIFY_PAYLOAD_LIMIT = 7999;

/** What a notice is about: one scenario's feed, or one org's (every scenario of it). */
export type LiveTopic = `scenario:${string}` | `org:${string}`;

/** The topic of a scenario's feed. */
export function scenarioTopic(scenarioId: string): LiveTopic {
  return `scenario:${scenarioId}`;
}

/** The topic of an org's feed. */
export function orgTopic(orgId: string): LiveTopic {
  return `org:${orgId}`;
}

/**
 * The kinds of notice and their fields (ids only). A new kind of live event (comments,
 * approvals) adds one entry here (or merges one into this interface from its own module) and a
 * case where the feed turns notices into events.
 */
export interface LiveNoticeKinds {
  /** A revision was appended (committed) to a scenario of an org. */
  revision: { scenarioId: string; orgId: string; revision: number };
  /** Someone opened or closed a scenario, or changed what they have selected in it. */
  presence: { scenarioId: string };
}

/** A notice of one kind: `{ kind, …its fields }`. */
export type LiveNotice = {
  [K in keyof LiveNoticeKinds]: { kind: K } & LiveNoticeKinds[K];
}[keyof LiveNoticeKinds];

/** What a subscriber receives: a notice, or `resync` when notices may have been lost (reconnect). */
export type LiveSignal = LiveNotice | { kind: 'resync' };

/** Called with each signal of a topic; must not throw (errors are swallowed). */
export type LiveListener = (signal: LiveSignal) => void;

/** Anything that runs SQL: the database or an open transaction. */
export interface SqlExecutor {
  execute(query: ReturnType<typeof sql>): Promise<unknown>;
}

/** Publishes notices and delivers them to this process's subscribers. */
export interface LiveBus {
  /**
   * Publishes `notice` on `topic` to every process. Given the transaction that made the change,
   * the notice is delivered only if and when it commits (PostgreSQL sends a transaction's
   * NOTIFYs at commit, never on rollback).
   * @throws when the encoded notice exceeds {@link NOTIFY_PAYLOAD_LIMIT} (a notice holds ids only).
   */
  publish(topic: LiveTopic, notice: LiveNotice, tx?: SqlExecutor): Promise<void>;
  /** Delivers every notice of `topic` to `listener` until the returned function is called. */
  subscribe(topic: LiveTopic, listener: LiveListener): () => void;
  /** Resolves once this process listens (notices published after it are delivered). */
  ready(): Promise<void>;
  /** True once {@link close} was called: open feeds end. */
  readonly closed: boolean;
  /** Stops listening; every subscriber gets a last `resync` so that it wakes and sees {@link closed}. */
  close(): Promise<void>;
}

/** The encoded form of a notice on the channel. */
export function encodeNotice(topic: LiveTopic, notice: LiveNotice): string {
  const payload = JSON.stringify({ t: topic, n: notice });
  if (Buffer.byteLength(payload) > NOTIFY_PAYLOAD_LIMIT) {
    throw new Error(
      `a live notice of kind ${notice.kind} is ${Buffer.byteLength(payload)} bytes, over the ${NOTIFY_PAYLOAD_LIMIT}-byte NOTIFY limit: notices carry ids only`,
    );
  }
  return payload;
}

/** The topic and notice of a payload, or undefined when it is not one (ignored). */
export function decodeNotice(payload: string): { topic: LiveTopic; notice: LiveNotice } | undefined {
  try {
    const v = JSON.parse(payload) as { t?: unknown; n?: { kind?: unknown } };
    if (typeof v.t !== 'string' || !v.n || typeof v.n.kind !== 'string') return undefined;
    return { topic: v.t as LiveTopic, notice: v.n as LiveNotice };
  } catch {
    return undefined;
  }
}

/**
 * The bus on a database: `pg_notify` to publish, one `LISTEN` per process (started on the first
 * subscription, or by {@link LiveBus.ready}), fanned out in memory to this process's subscribers.
 */
export class NotifyBus implements LiveBus {
  private readonly listeners = new Map<LiveTopic, Set<LiveListener>>();
  private listening: Promise<() => Promise<void>> | undefined;
  closed = false;

  constructor(private readonly database: Pick<Database, 'db' | 'listen'>) {}

  async publish(topic: LiveTopic, notice: LiveNotice, tx?: SqlExecutor): Promise<void> {
    const payload = encodeNotice(topic, notice);
    await (tx ?? this.database.db).execute(sql`select pg_notify(${LIVE_CHANNEL}, ${payload})`);
  }

  subscribe(topic: LiveTopic, listener: LiveListener): () => void {
    let set = this.listeners.get(topic);
    if (!set) {
      set = new Set();
      this.listeners.set(topic, set);
    }
    set.add(listener);
    void this.ready().catch(() => {});
    return () => {
      const current = this.listeners.get(topic);
      current?.delete(listener);
      if (current?.size === 0) this.listeners.delete(topic);
    };
  }

  async ready(): Promise<void> {
    if (this.closed) throw new Error('the live bus is closed');
    this.listening ??= this.database.listen(LIVE_CHANNEL, {
      onNotify: (payload) => this.dispatch(payload),
      onReconnect: () => this.broadcast({ kind: 'resync' }),
    });
    try {
      await this.listening;
    } catch (error) {
      this.listening = undefined; // the next subscriber tries again
      throw error;
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.broadcast({ kind: 'resync' });
    const stop = await this.listening?.catch(() => undefined);
    this.listeners.clear();
    await stop?.();
  }

  /** How many subscribers this process has (for tests and the health of the feed). */
  get subscriberCount(): number {
    let n = 0;
    for (const set of this.listeners.values()) n += set.size;
    return n;
  }

  private dispatch(payload: string): void {
    if (this.listeners.size === 0) return;
    const decoded = decodeNotice(payload);
    if (!decoded) return;
    for (const listener of [...(this.listeners.get(decoded.topic) ?? [])]) call(listener, decoded.notice);
  }

  private broadcast(signal: LiveSignal): void {
    for (const set of this.listeners.values()) for (const listener of [...set]) call(listener, signal);
  }
}

function call(listener: LiveListener, signal: LiveSignal): void {
  try {
    listener(signal);
  } catch {
    // A subscriber's failure is its own; the others still get the notice.
  }
}
