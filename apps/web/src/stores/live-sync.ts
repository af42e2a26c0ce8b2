import { applyOps, type Op } from '@reorg/model';
import { apiFetch } from '../lib/api/client';
import type { ScenarioComment } from '../lib/api/review';
import { getViewAs } from '../lib/auth/view-as';
import { describeRevision } from '../lib/live/describe-change';
import { planRevision } from '../lib/live/plan-revision';
import { useMe } from './me-store';
import { colorOf, type PresenceSelection, usePresence } from './presence-store';
import { receiveReviewEvent, useReview } from './review-store';
import { resetState } from './session-actions';
import { notify, useSession } from './session-store';
import { rebase } from './session-sync';
import { useView } from './view-store';

/** A `revision` event of the live feed (`GET /api/scenarios/:id/events`). */
export interface RevisionEvent {
  scenarioId: string;
  revision: number;
  author: string;
  authorName: string;
  ops: Op[];
  restoredFrom: number | null;
  at: string;
}

/** A `presence` event: everyone with the scenario open (this tab included). */
interface PresenceEvent {
  scenarioId: string;
  present: {
    connectionId: string;
    email: string;
    name: string;
    selected: PresenceSelection;
    openedAt: string;
  }[];
}

const get = useSession.getState;
let source: EventSource | null = null;
let openFor: string | null = null;
let queue: Promise<void> = Promise.resolve();
let selectionTimer: ReturnType<typeof setTimeout> | null = null;

function myEmail(): string | null {
  const id = useMe.getState().identity;
  return id.status === 'signed-in' ? id.me.user.email : null;
}

async function onRevision(e: RevisionEvent): Promise<void> {
  const s = get();
  const me = myEmail();
  const plan = planRevision(
    {
      scenarioId: s.scenarioId,
      revision: s.revision,
      pending: s.pending.length,
      inFlight: s.inFlight,
      conflict: s.save.status === 'conflict',
    },
    e,
    me,
  );
  if (plan === 'ignore') return;
  const who = me !== null && e.author === me ? 'You (in another window)' : e.authorName || e.author;
  const text = describeRevision(who, e.ops, s.org, e.restoredFrom);
  if (plan === 'apply' && s.org) {
    const r = applyOps(s.org, e.ops);
    if (r.ok) {
      resetState(r.org, e.revision, [], { save: { status: 'saved' } });
      notify('info', text);
      return;
    }
  }
  await rebase();
  if (get().save.status !== 'conflict') notify('info', text);
}

function onPresence(e: PresenceEvent): void {
  if (e.scenarioId !== openFor) return;
  const mine = usePresence.getState().connectionId;
  usePresence.setState({
    others: e.present.filter((p) => p.connectionId !== mine).map((p) => ({ ...p, color: colorOf(p.email) })),
  });
}

/** This tab's selection (a person, else a team), as presence. */
function currentSelection(): PresenceSelection {
  const v = useView.getState();
  if (v.selectedTeamId) return { kind: 'team', id: v.selectedTeamId };
  return v.selectedId ? { kind: 'person', id: v.selectedId } : null;
}

function sendSelection(): void {
  if (selectionTimer) clearTimeout(selectionTimer);
  selectionTimer = setTimeout(() => {
    selectionTimer = null;
    const connectionId = usePresence.getState().connectionId;
    if (!openFor || !connectionId) return;
    void apiFetch(`/api/scenarios/${encodeURIComponent(openFor)}/presence`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ connectionId, selected: currentSelection() }),
    }).catch(() => {});
  }, 150);
}

function open(scenarioId: string, revision: number): void {
  openFor = scenarioId;
  usePresence.setState({ connectionId: null, others: [], live: 'connecting' });
  const es = new EventSource(`/api/scenarios/${encodeURIComponent(scenarioId)}/events?since=${revision}`);
  source = es;
  es.addEventListener('hello', (m) => {
    const { connectionId } = JSON.parse((m as MessageEvent).data) as { connectionId: string | null };
    usePresence.setState({ connectionId });
    sendSelection();
  });
  es.addEventListener('ready', () => usePresence.setState({ live: 'live' }));
  es.addEventListener('revision', (m) => {
    const e = JSON.parse((m as MessageEvent).data) as RevisionEvent;
    queue = queue.then(() => onRevision(e)).catch(() => {});
  });
  es.addEventListener('presence', (m) => onPresence(JSON.parse((m as MessageEvent).data) as PresenceEvent));
  // Comments and approval decisions (issue 14, items 3–4) travel on the same stream.
  es.addEventListener('comment', (m) => onComment(JSON.parse((m as MessageEvent).data)));
  es.addEventListener('approval', (m) =>
    receiveReviewEvent('approval', JSON.parse((m as MessageEvent).data)),
  );
  es.addEventListener('gone', () => stop());
  es.onerror = () => {
    // The browser reconnects by itself (sending Last-Event-ID); a refusal (401/404) closes it.
    usePresence.setState({ live: es.readyState === EventSource.CLOSED ? 'off' : 'connecting' });
  };
}

/** A new or changed comment: into the review store, and a toast when it mentions you. */
function onComment(c: ScenarioComment): void {
  const known = useReview.getState().comments.some((x) => x.id === c.id);
  receiveReviewEvent('comment', c);
  const identity = useMe.getState().identity;
  const me = identity.status === 'signed-in' ? identity.me.user.email.toLowerCase() : null;
  if (!known && me && c.author.toLowerCase() !== me && c.mentions.includes(me)) {
    notify('info', `${c.author} mentioned you in a comment`);
  }
}

function stop(): void {
  source?.close();
  source = null;
  openFor = null;
  usePresence.setState({ connectionId: null, others: [], live: 'off' });
}

/**
 * Keeps a live feed open while a scenario is open (not while an admin views the app as someone:
 * the feed would answer as the admin): others' revisions are applied at once (or rebased onto,
 * with unsaved changes here) with a toast naming who did what, and presence is kept up to date,
 * this tab's selection included. Call once at start.
 */
export function startLiveSync(): void {
  if (typeof EventSource === 'undefined') return;
  useSession.subscribe((s) => {
    const want = s.phase === 'ready' && !getViewAs() ? s.scenarioId : null;
    if (want === openFor) return;
    stop();
    if (want) open(want, s.revision);
  });
  useView.subscribe((v, prev) => {
    if (v.selectedId !== prev.selectedId || v.selectedTeamId !== prev.selectedTeamId) sendSelection();
  });
}
