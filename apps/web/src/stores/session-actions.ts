import { type AnalysisReport, applyOps, getPeopleIds, type Op, type Org, type Person } from '@reorg/model';
import { type AnalysisRunner, createAnalysisRunner, type OrgSource } from '../lib/analysis/analysis-runner';
import { analyzeSpansLocally } from '../lib/analysis/local-analysis';
import { addLocalSpans } from '../lib/analysis/span-overlay';
import { scenarioRevisionUrl } from '../lib/api/client';
import { getReadOnlyReason } from '../lib/auth/permissions';
import { getApiHeaders } from '../lib/auth/view-as';
import { prepareLayoutWorker } from '../lib/layout/layout-client';
import { diffToOps, type PeopleLookup } from '../lib/ops/diff-to-ops';
import { buildOrgIndex, getManagerId, type OrgIndex, updateOrgIndex } from '../lib/org/org-index';
import { type PendingEntry, writePending } from '../lib/session/pending-storage';
import { collectChains, getTouchedPeople } from '../lib/session/touched';
import { useMe } from './me-store';
import { EMPTY_SESSION, type HistoryStep, notify, type SessionState, useSession } from './session-store';

let runner: AnalysisRunner | null = null;
let saveTimer: ReturnType<typeof setTimeout> | null = null;
/** Delay between the last change and its save, in ms (a burst of changes is one revision). */
export const SAVE_DELAY_MS = 900;

const set = useSession.setState;
const get = useSession.getState;

/** Hooks the sync module registers (avoids an import cycle). */
export const sessionHooks = { scheduleSave: (_delay: number) => {} };

function onReport(report: AnalysisReport): void {
  set({ analysis: report, spanOverlay: null, analysisPending: false });
}

/**
 * Installs a new org as the session's state: index, analysis runner, first analysis. `source`
 * says where the analysis worker can read the same org itself (see {@link AnalysisRunner.load}).
 */
export function installOrg(org: Org, extra: Partial<SessionState>, source?: OrgSource): void {
  const size = org.people.length;
  if (!runner || runner.inline !== size <= 3000) {
    runner?.dispose();
    runner = createAnalysisRunner(size, onReport);
  }
  prepareLayoutWorker(size);
  const index = buildOrgIndex(org);
  set({ ...extra, org, index, spanOverlay: null, analysisPending: !runner.inline });
  runner.load(org, source);
  runner.request();
  prewarm(org);
}

/**
 * Builds the model's id lookup of a big org's people when the browser is idle, so that the first
 * drop's `applyOps` finds it (O(n): about 20 ms for 100k people); each change carries it over to
 * the next org, so later drops never rebuild it.
 */
function prewarm(org: Org): void {
  if (org.people.length <= 3000) return;
  const idle = (globalThis as { requestIdleCallback?: (cb: () => void, o?: { timeout: number }) => void })
    .requestIdleCallback;
  const run = () => {
    if (get().org === org) getPeopleIds(org.people);
  };
  if (idle) idle(run, { timeout: 2000 });
  else setTimeout(run, 200);
}

/** Closes the open scenario. */
export function closeSession(): void {
  runner?.dispose();
  runner = null;
  set({ ...EMPTY_SESSION });
}

/** Persists the unsaved entries (a reload or a crash keeps them). */
export function persistPending(): void {
  const s = get();
  if (s.scenarioId) writePending(s.scenarioId, s.revision, s.pending);
}

/** Result of {@link applyChange}. */
export type ChangeResult = { ok: true } | { ok: false; message: string };

/**
 * Applies ops as one user step (a drag, a menu action): locally at once with the model's
 * `applyOps`, re-analysed (span rows of the affected managers at once, the rest inline or in the
 * worker), recorded for undo, queued for saving. A refused op changes nothing and says why.
 */
export function applyChange(
  ops: Op[],
  label: string,
  history: 'push' | 'undo' | 'redo' = 'push',
): ChangeResult {
  const started = performance.now();
  const s = get();
  if (!s.org || !s.index) return { ok: false, message: 'No scenario is open.' };
  const readOnly = getReadOnlyReason(
    useMe.getState().identity,
    s.orgId,
    s.access ? { access: s.access } : null,
  );
  if (readOnly) {
    notify('error', readOnly);
    return { ok: false, message: readOnly };
  }
  if (s.save.status === 'conflict') {
    const message = 'Resolve the save conflict first (see the banner above the chart).';
    notify('error', message);
    return { ok: false, message };
  }
  const before = s.org;
  const r = applyOps(before, ops);
  if (!r.ok) {
    notify('error', r.error.message);
    return { ok: false, message: r.error.message };
  }
  if (r.org === before) return { ok: true };
  const touched = getTouchedPeople(before, r.org, r.patches);
  const inverse = touched
    ? diffToOps(r.org, before, touched, lookupAround(r.org, r.patches, s.index))
    : diffToOps(r.org, before);
  const changedIds = touched ?? idsOf(inverse);
  const affected = collectChains(changedIds, (id) => getManagerId(s.index!, id));
  const index = updateOrgIndex(s.index, r.org, r.patches);
  collectChains(changedIds, (id) => getManagerId(index, id), affected);

  runner?.apply(ops, r.org);
  let spanOverlay = s.spanOverlay;
  if (runner?.inline) runner.request();
  else if (s.analysis) {
    spanOverlay = addLocalSpans(spanOverlay, analyzeSpansLocally(r.org, index, affected));
    runner?.request();
  }
  const step: HistoryStep = { label, ops, inverse };
  const pending: PendingEntry[] = [...s.pending, { label, ops }];
  set({
    org: r.org,
    index,
    ...(runner?.inline ? {} : { spanOverlay, analysisPending: true }),
    pending,
    undoStack: history === 'undo' ? s.undoStack : [...s.undoStack, step],
    redoStack: history === 'push' ? [] : history === 'redo' ? s.redoStack : s.redoStack,
    save: { status: 'unsaved' },
    lastChangeMs: performance.now() - started,
  });
  persistPending();
  sessionHooks.scheduleSave(SAVE_DELAY_MS);
  return { ok: true };
}

/**
 * People by id after and before a change that only edited or appended rows: the index (not yet
 * updated) gives the people before, the patched rows the people after. O(touched).
 */
function lookupAround(
  after: Org,
  patches: readonly { path: (string | number)[] }[],
  index: OrgIndex,
): PeopleLookup {
  const changed = new Map<string, Person>();
  for (const p of patches) {
    if (p.path[0] !== 'people' || typeof p.path[1] !== 'number') continue;
    const person = after.people[p.path[1]];
    if (person) changed.set(person.id, person);
  }
  const afterLookup = {
    get: (id: string) => changed.get(id) ?? index.byId.get(id),
    has: (id: string) => changed.has(id) || index.byId.has(id),
  };
  // `diffToOps(after, before)`: "from" is after the change, "to" is before it (the index, not yet updated).
  return { from: afterLookup, to: index.byId };
}

function idsOf(ops: Op[]): Set<string> {
  const ids = new Set<string>();
  for (const op of ops) {
    if ('personId' in op) ids.add(op.personId);
    if (op.type === 'addPerson') ids.add(op.person.id);
  }
  return ids;
}

/**
 * After an undo (or a redo) whose change `ops` is the unsaved entry just before the one the undo
 * (or redo) added, and neither is being saved: drops both, so an undone unsaved change is
 * cancelled rather than saved twice (a change and its reverse). The state is already back.
 */
function cancelUnsavedPair(ops: Op[]): void {
  const st = get();
  const n = st.pending.length;
  if (n < 2 || st.pending[n - 2]?.ops !== ops || n - 2 < st.inFlight) return;
  const pending = st.pending.slice(0, -2);
  set({ pending, save: pending.length === 0 ? { status: 'saved' } : st.save });
  persistPending();
}

/**
 * Undoes the last step: an unsaved change is cancelled (nothing is saved for it); a saved one is
 * reversed by its inverse ops, a new change saved like any other.
 */
export function undo(): void {
  const s = get();
  const step = s.undoStack.at(-1);
  if (!step) return;
  set({ undoStack: s.undoStack.slice(0, -1) });
  const r = applyChange(step.inverse, `Undo: ${step.label}`, 'undo');
  if (!r.ok) {
    set({ undoStack: s.undoStack });
    notify('error', `Cannot undo "${step.label}": ${r.message}`);
    return;
  }
  // The redo of this step is its ops again; its inverse is recomputed when it is redone.
  set((st) => ({ redoStack: [...st.redoStack, step] }));
  cancelUnsavedPair(step.ops);
  notify('info', `Undone: ${step.label}`);
}

/** Redoes the last undone step. */
export function redo(): void {
  const s = get();
  const step = s.redoStack.at(-1);
  if (!step) return;
  set({ redoStack: s.redoStack.slice(0, -1) });
  const undoEntry = s.pending.at(-1);
  const r = applyChange(step.ops, step.label, 'redo');
  if (!r.ok) {
    set({ redoStack: s.redoStack });
    notify('error', `Cannot redo "${step.label}": ${r.message}`);
    return;
  }
  // Redo right after an unsaved undo: the undo and this redo cancel out, nothing to save.
  if (undoEntry?.label === `Undo: ${step.label}`) cancelUnsavedPair(undoEntry.ops);
  notify('info', `Redone: ${step.label}`);
}

/**
 * Replaces the local state after a rebase or a reload: `org` is the scenario at saved `revision`
 * with the entries of `applied` (all of `pending` unless a conflict stopped them) applied on top.
 */
export function resetState(
  org: Org,
  revision: number,
  pending: PendingEntry[],
  extra: Partial<SessionState> = {},
  applied: PendingEntry[] = pending,
): void {
  const scenarioId = extra.scenarioId ?? get().scenarioId;
  const source = scenarioId
    ? {
        url: scenarioRevisionUrl(scenarioId, revision),
        entries: applied.map((e) => e.ops),
        headers: getApiHeaders(),
      }
    : undefined;
  installOrg(org, { revision, pending, inFlight: 0, redoStack: [], ...extra }, source);
  persistPending();
}

/** The index of the open scenario (for helpers outside React). */
export function currentIndex(): OrgIndex | null {
  return get().index;
}

/** Schedules a save after `delay` ms (replacing a scheduled one). */
export function scheduleSaveWith(fn: () => void, delay: number): void {
  if (saveTimer) clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    saveTimer = null;
    fn();
  }, delay);
}
