import type { Op } from '@reorg/model';

/** Unsaved changes of one scenario: each entry is one user step (a drag is one entry). */
export interface PendingEntry {
  label: string;
  ops: Op[];
}

/** What survives a reload: the revision the entries were made on, and the entries. */
export interface StoredPending {
  scenarioId: string;
  baseRevision: number;
  entries: PendingEntry[];
  savedAt: string;
}

const key = (scenarioId: string) => `reorg.pending.${scenarioId}`;

/** Minimal storage (localStorage, or a stand-in in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

function storage(): KeyValueStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Writes the unsaved entries (or clears them when there are none). Never throws (a full disk only loses the backup). */
export function writePending(
  scenarioId: string,
  baseRevision: number,
  entries: PendingEntry[],
  store: KeyValueStorage | null = storage(),
): void {
  if (!store) return;
  try {
    if (entries.length === 0) store.removeItem(key(scenarioId));
    else {
      const doc: StoredPending = { scenarioId, baseRevision, entries, savedAt: new Date().toISOString() };
      store.setItem(key(scenarioId), JSON.stringify(doc));
    }
  } catch {
    // Storage full or blocked: the changes still live in memory and are saved to the server.
  }
}

/** Reads the unsaved entries of a scenario, or null (none, or unreadable). */
export function readPending(
  scenarioId: string,
  store: KeyValueStorage | null = storage(),
): StoredPending | null {
  if (!store) return null;
  try {
    const raw = store.getItem(key(scenarioId));
    if (!raw) return null;
    const doc = JSON.parse(raw) as StoredPending;
    if (doc.scenarioId !== scenarioId || !Array.isArray(doc.entries) || typeof doc.baseRevision !== 'number')
      return null;
    return doc;
  } catch {
    return null;
  }
}
