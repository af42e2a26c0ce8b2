import { applyOps, type Org, rebaseOnto } from '@reorg/model';
import { ApiError, getRevisionState, getScenario, saveOps } from '../lib/api/client';
import { type PendingEntry, readPending } from '../lib/session/pending-storage';
import { closeSession, persistPending, resetState, scheduleSaveWith, sessionHooks } from './session-actions';
import { type Conflict, notify, useSession } from './session-store';

const set = useSession.setState;
const get = useSession.getState;

/** Retry delay after the server could not be reached, in ms. */
const OFFLINE_RETRY_MS = 5000;

sessionHooks.scheduleSave = (delay) => scheduleSaveWith(() => void saveNow(), delay);

/**
 * Applies unsaved entries one by one on a saved state: the state they give, the entries that
 * applied, and the first that no longer applies (with the model's reason), if any.
 */
export function replayEntries(
  base: Org,
  entries: PendingEntry[],
): { org: Org; applied: PendingEntry[]; conflict: { index: number; label: string; message: string } | null } {
  let org = base;
  const applied: PendingEntry[] = [];
  for (let k = 0; k < entries.length; k++) {
    const r = applyOps(org, entries[k].ops);
    if (!r.ok)
      return { org, applied, conflict: { index: k, label: entries[k].label, message: r.error.message } };
    org = r.org;
    applied.push(entries[k]);
  }
  return { org, applied, conflict: null };
}

/**
 * Rebases unsaved entries made on `ancestor` (the saved state they were made on) onto `latest`
 * with the model's {@link rebaseOnto}: an entry conflicts when an op no longer applies or when it
 * touches a person, team or setting someone else changed meanwhile (replaying it would overwrite
 * their change). Without the ancestor (it could not be read), entries are replayed as they are.
 */
export function rebaseEntries(
  ancestor: Org | null,
  latest: Org,
  entries: PendingEntry[],
): ReturnType<typeof replayEntries> {
  if (!ancestor) return replayEntries(latest, entries);
  const r = rebaseOnto(
    ancestor,
    latest,
    entries.map((e) => e.ops),
  );
  if (r.ok) return { org: r.org, applied: entries, conflict: null };
  const { batchIndex, code, subject } = r.conflict;
  const message = code === 'overlap' && subject ? overlapMessage(latest, subject) : r.conflict.message;
  return {
    org: r.org,
    applied: entries.slice(0, r.applied),
    conflict: { index: batchIndex, label: entries[batchIndex]?.label ?? '', message },
  };
}

/** "They changed Kofi Mensah (title) meanwhile…": the record both sides touched, by name. */
function overlapMessage(org: Org, subject: { key: string; field: string }): string {
  const colon = subject.key.indexOf(':');
  const kind = subject.key.slice(0, colon);
  const id = subject.key.slice(colon + 1);
  const name =
    kind === 'person'
      ? (org.people.find((p) => p.id === id)?.name ?? id)
      : kind === 'team'
        ? `team ${org.teams.find((t) => t.id === id)?.name ?? id}`
        : kind === 'interaction'
          ? `the interaction ${id.replace('>', ' → ')}`
          : 'the org settings';
  const field = subject.field === '*' || subject.field === '(named)' ? '' : ` (${subject.field})`;
  return `They changed ${name}${field} meanwhile; saving yours on top would overwrite that.`;
}

/**
 * Opens a scenario: its latest revision, with the unsaved changes this browser kept for it
 * re-applied (on a newer revision too: they are rebased; one that no longer applies is shown as
 * a conflict, and nothing is dropped without the user's say).
 */
export async function openScenario(scenarioId: string): Promise<void> {
  closeSession();
  set({ phase: 'loading', scenarioId });
  try {
    const doc = await getScenario(scenarioId);
    if (get().scenarioId !== scenarioId) return;
    performance.mark('reorg:org-ready');
    const { stored, adopted } = readPending(scenarioId);
    const entries = stored?.entries ?? [];
    const replay = replayEntries(doc.state, entries);
    const common = {
      orgId: doc.orgId,
      scenarioId,
      scenarioName: doc.name,
      access: doc.access ?? null,
      visibility: doc.visibility ?? null,
      phase: 'ready' as const,
      error: null,
    };
    if (replay.conflict) {
      // Show the scenario as saved; keep every entry until the user decides.
      resetState(
        doc.state,
        doc.revision,
        entries,
        {
          ...common,
          save: { status: 'conflict', conflict: toConflict(replay.conflict, doc.revision) },
        },
        [],
      );
      return;
    }
    resetState(replay.org, doc.revision, entries, {
      ...common,
      save: { status: entries.length > 0 ? 'unsaved' : 'saved' },
    });
    if (entries.length > 0) {
      const where =
        stored && stored.baseRevision !== doc.revision ? ` on top of revision ${doc.revision}` : '';
      const from = adopted > 0 ? ` (${adopted} from a window that was closed)` : '';
      notify(
        'info',
        `Restored ${entries.length} unsaved change${entries.length > 1 ? 's' : ''}${from}${where}.`,
      );
      void saveNow();
    }
  } catch (error) {
    set({ phase: 'error', error: error instanceof ApiError ? error.message : String(error) });
  }
}

function toConflict(c: { index: number; label: string; message: string }, revision: number): Conflict {
  return { entryIndex: c.index, label: c.label, message: c.message, revision };
}

/** Saves the unsaved changes now as one revision (`If-Match`); rebases on a 412. */
export async function saveNow(): Promise<void> {
  const s = get();
  if (!s.scenarioId || s.inFlight > 0 || s.pending.length === 0 || s.save.status === 'conflict') return;
  const entries = s.pending;
  const ops = entries.flatMap((e) => e.ops);
  set({ inFlight: entries.length, save: { status: 'saving' } });
  const result = await saveOps(s.scenarioId, ops, s.revision);
  if (get().scenarioId !== s.scenarioId) return;
  if (result.ok) {
    set((st) => {
      const pending = st.pending.slice(entries.length);
      return {
        revision: result.revision,
        pending,
        inFlight: 0,
        save: { status: pending.length > 0 ? 'unsaved' : 'saved' },
      };
    });
    persistPending();
    if (get().pending.length > 0) sessionHooks.scheduleSave(0);
    return;
  }
  set({ inFlight: 0 });
  if (result.stale) return rebase();
  if (result.status === 0) {
    set({ save: { status: 'offline', message: result.message } });
    sessionHooks.scheduleSave(OFFLINE_RETRY_MS);
    return;
  }
  // The server refused a change we could apply: our state drifted from the saved one. Rebase.
  if (result.status === 422) return rebase(result.message);
  set({ save: { status: 'error', message: result.message } });
}

/**
 * Brings the unsaved changes onto the latest revision (after a 412: someone saved in another tab
 * or browser). When all still apply they are saved; otherwise the first that does not is shown as
 * a conflict, with what conflicts, until the user discards it or everything unsaved.
 */
export async function rebase(serverMessage?: string): Promise<void> {
  const s = get();
  if (!s.scenarioId) return;
  let doc: Awaited<ReturnType<typeof getScenario>>;
  let ancestor: Org | null = null;
  try {
    // The state the unsaved changes were made on, to see what others changed since.
    const base = s.pending.length > 0 ? getRevisionState(s.scenarioId, s.revision).catch(() => null) : null;
    doc = await getScenario(s.scenarioId);
    ancestor = await base;
  } catch (error) {
    set({ save: { status: 'offline', message: (error as Error).message } });
    sessionHooks.scheduleSave(OFFLINE_RETRY_MS);
    return;
  }
  const entries = get().pending;
  const replay = rebaseEntries(doc.revision === s.revision ? null : ancestor, doc.state, entries);
  if (replay.conflict) {
    set({ save: { status: 'conflict', conflict: toConflict(replay.conflict, doc.revision) } });
    return;
  }
  if (serverMessage && doc.revision === s.revision) {
    set({ save: { status: 'error', message: serverMessage } });
    return;
  }
  resetState(replay.org, doc.revision, entries, { save: { status: 'unsaved' } });
  notify(
    'info',
    `Someone saved this scenario meanwhile (revision ${doc.revision}); your changes were applied on top.`,
  );
  await saveNow();
}

/** Resolves a conflict: drop the conflicting change (and keep the others), or drop every unsaved change. */
export async function resolveConflict(choice: 'drop-one' | 'drop-all'): Promise<void> {
  const s = get();
  const conflict = s.save.conflict;
  if (!s.scenarioId || !conflict) return;
  const pending = choice === 'drop-all' ? [] : s.pending.filter((_, k) => k !== conflict.entryIndex);
  set({ pending, save: { status: 'unsaved' } });
  persistPending();
  if (pending.length > 0) {
    await rebase();
    return;
  }
  const doc = await getScenario(s.scenarioId);
  resetState(doc.state, doc.revision, [], { save: { status: 'saved' }, undoStack: [] });
  notify('info', 'Your unsaved changes were discarded; this is the scenario as saved.');
}
