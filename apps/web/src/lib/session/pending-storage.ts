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

/** Minimal storage (localStorage / sessionStorage, or a stand-in in tests). */
export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

/** A tab whose heartbeat is older than this (ms) is gone: its unsaved changes are adopted. */
export const TAB_TIMEOUT_MS = 15_000;
/** How often a live tab refreshes its heartbeat (ms). */
export const HEARTBEAT_MS = 5_000;

/**
 * Where unsaved changes live: in `localStorage` (they survive a reload and a crash), under a key
 * per scenario *and per tab*, so a second tab never picks up and saves the first tab's changes.
 * The tab's id lives in `sessionStorage` (kept across reloads of that tab). A tab that stopped
 * beating (closed, crashed) leaves its changes to the next tab that opens the scenario.
 */
export interface PendingStore {
  write(scenarioId: string, baseRevision: number, entries: PendingEntry[]): void;
  /** This tab's entries, plus those of tabs that are gone (adopted: moved to this tab). */
  read(scenarioId: string, now: number): { stored: StoredPending | null; adopted: number };
  beat(now: number): void;
}

const PREFIX = 'reorg.pending.';
const alive = (tab: string) => `reorg.alive.${tab}`;

/** Creates the store over `local` (the changes) and the tab id `tab`. Never throws. */
export function createPendingStore(local: KeyValueStorage | null, tab: string): PendingStore {
  const key = (scenarioId: string, t = tab) => `${PREFIX}${scenarioId}.${t}`;
  const parse = (raw: string | null, scenarioId: string): StoredPending | null => {
    try {
      const doc = raw ? (JSON.parse(raw) as StoredPending) : null;
      if (
        !doc ||
        doc.scenarioId !== scenarioId ||
        !Array.isArray(doc.entries) ||
        typeof doc.baseRevision !== 'number'
      )
        return null;
      return doc;
    } catch {
      return null;
    }
  };
  return {
    write(scenarioId, baseRevision, entries) {
      if (!local) return;
      try {
        if (entries.length === 0) local.removeItem(key(scenarioId));
        else {
          const doc: StoredPending = { scenarioId, baseRevision, entries, savedAt: new Date().toISOString() };
          local.setItem(key(scenarioId), JSON.stringify(doc));
        }
      } catch {
        // Storage full or blocked: the changes still live in memory and are saved to the server.
      }
    },
    read(scenarioId, now) {
      if (!local) return { stored: null, adopted: 0 };
      try {
        const own = parse(local.getItem(key(scenarioId)), scenarioId);
        const orphans: { k: string; doc: StoredPending }[] = [];
        for (let i = 0; i < local.length; i++) {
          const k = local.key(i);
          if (!k?.startsWith(`${PREFIX}${scenarioId}.`) || k === key(scenarioId)) continue;
          const other = k.slice(`${PREFIX}${scenarioId}.`.length);
          const beat = Number(local.getItem(alive(other)) ?? 0);
          const doc = parse(local.getItem(k), scenarioId);
          if (doc && now - beat > TAB_TIMEOUT_MS) orphans.push({ k, doc });
        }
        if (orphans.length === 0) return { stored: own, adopted: 0 };
        const entries = [...(own?.entries ?? []), ...orphans.flatMap((o) => o.doc.entries)];
        const baseRevision = Math.min(
          own?.baseRevision ?? Number.POSITIVE_INFINITY,
          ...orphans.map((o) => o.doc.baseRevision),
        );
        for (const o of orphans) local.removeItem(o.k);
        const stored: StoredPending = {
          scenarioId,
          baseRevision,
          entries,
          savedAt: new Date(now).toISOString(),
        };
        local.setItem(key(scenarioId), JSON.stringify(stored));
        return { stored, adopted: orphans.reduce((n, o) => n + o.doc.entries.length, 0) };
      } catch {
        return { stored: null, adopted: 0 };
      }
    },
    beat(now) {
      try {
        local?.setItem(alive(tab), String(now));
      } catch {
        // ignore
      }
    },
  };
}

function browserStorage(kind: 'localStorage' | 'sessionStorage'): KeyValueStorage | null {
  try {
    return typeof globalThis[kind] === 'undefined' ? null : globalThis[kind];
  } catch {
    return null;
  }
}

/** This tab's id (kept in sessionStorage across reloads of the tab). */
function currentTabId(): string {
  const session = browserStorage('sessionStorage');
  const existing = session?.getItem('reorg.tab');
  if (existing) return existing;
  const id =
    globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${performance.now().toString(36)}`;
  try {
    session?.setItem('reorg.tab', id);
  } catch {
    // a tab without session storage gets a fresh id on every load
  }
  return id;
}

let store: PendingStore | null = null;

/** The pending store of this tab (created, with its heartbeat, on first use). */
export function pendingStore(): PendingStore {
  if (!store) {
    store = createPendingStore(browserStorage('localStorage'), currentTabId());
    store.beat(Date.now());
    if (typeof setInterval !== 'undefined') setInterval(() => store?.beat(Date.now()), HEARTBEAT_MS);
  }
  return store;
}

/** Writes this tab's unsaved entries of a scenario (or clears them when there are none). */
export function writePending(scenarioId: string, baseRevision: number, entries: PendingEntry[]): void {
  pendingStore().write(scenarioId, baseRevision, entries);
}

/** Reads this tab's unsaved entries of a scenario, adopting those of closed tabs. */
export function readPending(scenarioId: string): { stored: StoredPending | null; adopted: number } {
  return pendingStore().read(scenarioId, Date.now());
}
