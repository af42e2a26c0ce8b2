import { create } from 'zustand';

/** What someone has selected in the scenario. */
export type PresenceSelection = { kind: 'person' | 'team'; id: string } | null;

/** Someone else who has the open scenario open (one entry per open tab of theirs). */
export interface PresentUser {
  connectionId: string;
  email: string;
  name: string;
  selected: PresenceSelection;
  openedAt: string;
  /** Their color (the same for a user in every tab and every viewer's screen). */
  color: string;
}

/**
 * The presence store: this tab's feed connection and who else has the scenario open (from the
 * live feed's `presence` events, this tab left out), and `live`: whether the feed is connected.
 */
export interface PresenceState {
  connectionId: string | null;
  others: PresentUser[];
  live: 'off' | 'connecting' | 'live';
}

/** The presence store (zustand). */
export const usePresence = create<PresenceState>()(() => ({ connectionId: null, others: [], live: 'off' }));

// Colors that read on white and on the team tints, and stay apart from the span-status colors.
const COLORS = ['#7c3aed', '#db2777', '#0891b2', '#ca8a04', '#4f46e5', '#0d9488', '#c2410c', '#9333ea'];

/** A stable color of a user, from their e-mail. */
export function colorOf(email: string): string {
  let h = 0;
  for (let k = 0; k < email.length; k++) h = (h * 31 + email.charCodeAt(k)) >>> 0;
  return COLORS[h % COLORS.length] as string;
}

/** Initials of a name ("Ana Lima" → "AL", "kofi" → "K"). */
export function initialsOf(name: string): string {
  const parts = name
    .trim()
    .split(/[\s.@_-]+/)
    .filter(Boolean);
  return ((parts[0]?.[0] ?? '?') + (parts.length > 1 ? (parts[1]?.[0] ?? '') : '')).toUpperCase();
}

/** The others who have selected `kind`/`id` (one entry per user). */
export function useSelectedBy(kind: 'person' | 'team', id: string): PresentUser[] {
  return usePresence((s) => selectedBy(s.others, kind, id));
}

const EMPTY: PresentUser[] = [];
const cache = new WeakMap<PresentUser[], Map<string, PresentUser[]>>();

/** The others who selected a record, memoised per presence list (a stable array for React). */
export function selectedBy(others: PresentUser[], kind: 'person' | 'team', id: string): PresentUser[] {
  let byKey = cache.get(others);
  if (!byKey) {
    byKey = new Map();
    for (const u of others) {
      if (!u.selected) continue;
      const key = `${u.selected.kind}:${u.selected.id}`;
      const list = byKey.get(key) ?? [];
      if (!list.some((x) => x.email === u.email)) list.push(u);
      byKey.set(key, list);
    }
    cache.set(others, byKey);
  }
  return byKey.get(`${kind}:${id}`) ?? EMPTY;
}
