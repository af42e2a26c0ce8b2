import { foldKey } from './cells';

/** What a manager reference resolved to. */
export type ManagerResolution =
  | { kind: 'id' | 'email' | 'name'; id: string }
  | { kind: 'ambiguous'; via: 'email' | 'name'; ids: string[] }
  | { kind: 'unresolved' };

/** The people a reference can name: each one's id, and its email and name when known. */
export interface Referable {
  id: string;
  email?: string;
  name?: string;
}

/**
 * Resolves manager references the way a person reading the file would: first as an id (exact,
 * case-sensitive), then as an email (case-insensitive), then as a name (case and spacing
 * ignored) that exactly one record has. An email or name held by several records is ambiguous
 * and stays unresolved. Built once per import in O(n); each lookup is O(1).
 */
export function createManagerResolver(people: readonly Referable[]): (ref: string) => ManagerResolution {
  const ids = new Set<string>();
  const byEmail = new Map<string, string[]>();
  const byName = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, key: string, id: string) => {
    const list = map.get(key);
    if (!list) map.set(key, [id]);
    else if (!list.includes(id)) list.push(id);
  };
  for (const p of people) {
    ids.add(p.id);
    if (p.email) add(byEmail, foldKey(p.email), p.id);
    if (p.name) add(byName, foldKey(p.name), p.id);
  }
  return (ref) => {
    if (ids.has(ref)) return { kind: 'id', id: ref };
    const key = foldKey(ref);
    for (const [via, map] of [
      ['email', byEmail],
      ['name', byName],
    ] as const) {
      const found = map.get(key);
      if (found?.length === 1) return { kind: via, id: found[0] };
      if (found && found.length > 1) return { kind: 'ambiguous', via, ids: found };
    }
    return { kind: 'unresolved' };
  };
}
