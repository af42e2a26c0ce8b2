import { randomUUID } from 'node:crypto';
import type { SSEStreamingApi } from 'hono/streaming';
import { recordAudit } from '../auth/audit';
import { scenarioAccess, seesAllCompensation, visibleCompensation } from '../auth/policy';
import { ALL_ORGS, type Principal } from '../auth/principal';
import { type CompensationScope, redactCompensation } from '../auth/redact';
import type { FeedRevision, PresenceRecord } from '../db/live-store';
import type { Store } from '../db/store';
import type { Baselines } from '../services/baselines';
import { type LiveSignal, type LiveTopic, orgTopic, scenarioTopic } from './bus';
import { isReviewNotice, reviewEventOf } from './review-events';
import { RevisionReader } from './revision-reader';

/**
 * Timings of a live feed, in ms. `heartbeatMs` 15 s: under the 30–60 s idle timeouts of common
 * proxies (nginx `proxy_read_timeout` 60 s, AWS ALB 60 s), and twice per presence timeout (30 s)
 * so one late beat does not make someone vanish. `retryMs` is the EventSource reconnect delay.
 */
export const FEED_TIMINGS = { heartbeatMs: 15_000, retryMs: 2_000 } as const;

/** When this process last swept expired presence rows (a rate limit only: the rows are the truth). */
let lastSweep = 0;

/** The data of a `revision` event (DESIGN.md "Live work"), plus the author's name and a restore's origin. */
export interface RevisionEventData {
  scenarioId: string;
  revision: number;
  author: string;
  authorName: string;
  ops: unknown[];
  restoredFrom: number | null;
  at: string;
}

/** The data of a `presence` event: who has the scenario open, and what they selected. */
export interface PresenceEventData {
  scenarioId: string;
  present: {
    connectionId: string;
    email: string;
    name: string;
    selected: PresenceRecord['selected'];
    openedAt: string;
  }[];
}

/** What the feeds need: the store (reads, presence, bus) and the baselines (compensation scope). */
export interface FeedDeps {
  store: Store;
  baselines: Baselines;
  reader?: RevisionReader;
  timings?: { heartbeatMs: number; retryMs: number };
}

/** What one open feed is about, and for whom. */
export interface FeedRequest {
  principal: Principal;
  orgId: string;
  /** Last revision (scenario feed) or `seq` (org feed) the client has; the feed sends what follows. */
  cursor: number;
  /** Given for a scenario feed; absent for an org feed. */
  scenarioId?: string;
  /** Where audit entries say the request came from. */
  ip: string | null;
}

/**
 * Runs one Server-Sent Events feed until the client goes or loses access: `hello` (the
 * connection id for presence), the revisions after the cursor, `ready`, then each new revision
 * as it commits (in order, each once: the cursor only moves forward, and rows are read from the
 * database after it), `presence` on a scenario feed, and a comment line every heartbeat.
 */
export async function runFeed(stream: SSEStreamingApi, deps: FeedDeps, req: FeedRequest): Promise<void> {
  const { store } = deps;
  const timings = deps.timings ?? FEED_TIMINGS;
  const reader = deps.reader ?? new RevisionReader(store.live);
  const scope = await compensationScope(deps.baselines, req.principal, req.orgId);
  const hr = isHr(req.principal, req.orgId);
  const connectionId = randomUUID();
  const topic: LiveTopic = req.scenarioId ? scenarioTopic(req.scenarioId) : orgTopic(req.orgId);
  // Presence is the user's own: an admin viewing as someone is not shown as them.
  const present = req.scenarioId !== undefined && !req.principal.viewedBy;

  let cursor = req.cursor;
  let wantRevisions = true;
  let wantPresence = present;
  let wake: (() => void) | undefined;
  const poke = () => {
    wake?.();
    wake = undefined;
  };
  // Comments and approvals (issue 14 items 3–4): sent in the order their notices came.
  const reviewNotices: Parameters<typeof reviewEventOf>[1][] = [];
  const onSignal = (signal: LiveSignal) => {
    if (isReviewNotice(signal) && req.scenarioId) reviewNotices.push(signal);
    if (signal.kind === 'revision' || signal.kind === 'resync') wantRevisions = true;
    if ((signal.kind === 'presence' || signal.kind === 'resync') && req.scenarioId) wantPresence = true;
    poke();
  };
  const unsubscribe = store.bus.subscribe(topic, onSignal);
  stream.onAbort(poke);
  let lastPresence = '';

  const sendRevisions = async () => {
    wantRevisions = false;
    for (;;) {
      const rows = req.scenarioId
        ? await reader.scenarioAfter(req.scenarioId, cursor)
        : await reader.orgAfter(req.orgId, cursor);
      if (rows.length === 0 || stream.aborted) return;
      const allowed = req.scenarioId ? undefined : await visibleScenarioIds(store, req.principal, rows);
      for (const row of rows) {
        const id = req.scenarioId ? row.revision : row.seq;
        if (!allowed || allowed.has(row.scenarioId)) await writeRevision(row, id);
        cursor = id;
      }
    }
  };
  const writeRevision = async (row: FeedRevision, id: number) => {
    const data: RevisionEventData = {
      scenarioId: row.scenarioId,
      revision: row.revision,
      author: row.author,
      authorName: row.authorName,
      ops: row.ops,
      restoredFrom: row.restoredFrom,
      at: row.at.toISOString(),
    };
    const redacted = redactCompensation(data, scope);
    await stream.writeSSE({ event: 'revision', id: String(id), data: JSON.stringify(redacted.value) });
    if (redacted.shown > 0 && !hr) {
      await recordAudit(store.drizzle, {
        actor: req.principal.email,
        action: 'compensation.view',
        orgId: req.orgId,
        subject: `/api/scenarios/${row.scenarioId}/events#${row.revision}`,
        ip: req.ip,
        detail: { values: redacted.shown },
      });
    }
  };
  const sendPresence = async () => {
    wantPresence = false;
    if (!req.scenarioId) return;
    const rows = await store.live.presence(req.scenarioId);
    const data: PresenceEventData = {
      scenarioId: req.scenarioId,
      present: rows.map((r) => ({
        connectionId: r.connectionId,
        email: r.email,
        name: r.name,
        selected: r.selected,
        openedAt: r.openedAt.toISOString(),
      })),
    };
    const text = JSON.stringify(data);
    if (text === lastPresence) return;
    lastPresence = text;
    await stream.writeSSE({ event: 'presence', data: text });
  };
  const announcePresence = () =>
    req.scenarioId ? store.bus.publish(topic, { kind: 'presence', scenarioId: req.scenarioId }) : undefined;

  try {
    await store.bus.ready();
    if (present && req.scenarioId) {
      const p = req.principal;
      await store.live.enterPresence({
        scenarioId: req.scenarioId,
        connectionId,
        email: p.email,
        name: p.name || p.email,
      });
      await announcePresence();
    }
    await stream.writeSSE({
      event: 'hello',
      data: JSON.stringify({
        connectionId: present ? connectionId : null,
        cursor,
        heartbeatMs: timings.heartbeatMs,
      }),
      retry: timings.retryMs,
    });
    await sendRevisions();
    if (req.scenarioId) await sendPresence();
    await stream.writeSSE({ event: 'ready', data: JSON.stringify({ cursor }) });

    let nextBeat = Date.now() + timings.heartbeatMs;
    while (!stream.aborted && !store.bus.closed) {
      if (!wantRevisions && !wantPresence && reviewNotices.length === 0) {
        const wait = Math.max(0, nextBeat - Date.now());
        await new Promise<void>((resolve) => {
          wake = resolve;
          const timer = setTimeout(resolve, wait);
          timer.unref?.();
        });
        wake = undefined;
      }
      if (stream.aborted || store.bus.closed) break;
      if (wantRevisions) await sendRevisions();
      if (wantPresence) await sendPresence();
      while (reviewNotices.length > 0 && !stream.aborted) {
        const made = await reviewEventOf(store, reviewNotices.shift()!);
        if (made) await stream.writeSSE(made);
      }
      if (Date.now() >= nextBeat) {
        nextBeat = Date.now() + timings.heartbeatMs;
        if (!(await stillAllowed(store, req))) {
          await stream.writeSSE({ event: 'gone', data: JSON.stringify({ reason: 'access' }) });
          break;
        }
        await stream.write(': heartbeat\n\n');
        if (present && req.scenarioId && !(await store.live.touchPresence(req.scenarioId, connectionId))) {
          const p = req.principal;
          await store.live.enterPresence({
            scenarioId: req.scenarioId,
            connectionId,
            email: p.email,
            name: p.name || p.email,
          });
        }
        if (Date.now() - lastSweep >= timings.heartbeatMs) {
          lastSweep = Date.now();
          await store.live.sweepPresence();
        }
        // A safety net under the notices: expired presence and anything a lost notice hid.
        wantRevisions = true;
        wantPresence = req.scenarioId !== undefined;
      }
    }
  } finally {
    unsubscribe();
    if (present && req.scenarioId) {
      await store.live.leavePresence(req.scenarioId, connectionId).catch(() => {});
      await announcePresence()?.catch(() => {});
    }
  }
}

async function compensationScope(
  baselines: Baselines,
  p: Principal,
  orgId: string,
): Promise<CompensationScope> {
  if (seesAllCompensation(p, orgId)) return 'all';
  const baseline = await baselines.get(orgId);
  return baseline ? visibleCompensation(p, baseline.org) : new Set<string>();
}

function isHr(p: Principal, orgId: string): boolean {
  return p.roles.get(orgId) === 'hr' || p.roles.get(ALL_ORGS) === 'hr';
}

/** The scenarios of `rows` the principal may see (the org feed sends only those). */
async function visibleScenarioIds(store: Store, p: Principal, rows: FeedRevision[]): Promise<Set<string>> {
  const ids = [...new Set(rows.map((r) => r.scenarioId))];
  const grants = await store.scenarioGrantsMany(ids);
  return new Set(
    ids.filter((id) => {
      const g = grants.get(id);
      return g !== undefined && scenarioAccess(p, g) !== undefined;
    }),
  );
}

/** True while the principal may still see what the feed is about (a share can be withdrawn). */
async function stillAllowed(store: Store, req: FeedRequest): Promise<boolean> {
  if (!req.scenarioId) return true; // the org feed checks each revision's scenario as it goes
  const grants = await store.scenarioGrants(req.scenarioId);
  return grants !== undefined && scenarioAccess(req.principal, grants) !== undefined;
}
