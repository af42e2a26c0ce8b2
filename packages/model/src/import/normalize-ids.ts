import type { Org } from '../schema/org';

/**
 * The key under which two ids are "the same but for case or leading zeros": lower case, leading
 * zeros dropped (one digit kept): `00005654` and `5654` → `5654`; `EoE-HEE-001` → `eoe-hee-001`.
 */
export function idMatchKey(id: string): string {
  return id.toLowerCase().replace(/^0+(?=.)/, '');
}

/** One manager id rewritten by {@link normalizeManagerIds}: record `id` now reports to `to`, not `from`. */
export interface IdChange {
  id: string;
  from: string;
  to: string;
}

/**
 * Rewrites every manager id that names no record but matches exactly one record by
 * {@link idMatchKey} (the same id but for case or leading zeros, as the Home Office's
 * "Reports to Senior Post" `00005654` for the post `5654`) to that record's id. A manager id
 * matching several records, or only the record itself, is left as it is (its
 * `graph.dangling_manager` finding stays). The changes are listed in the org's
 * `importNotes.normalizedIds`, which the analysis reports as one `graph.ids_normalized` finding.
 * Pure: returns a new org, or the same one when nothing changed. O(n).
 */
export function normalizeManagerIds(org: Org): { org: Org; changes: IdChange[] } {
  const ids = new Set<string>();
  for (const p of org.people) ids.add(p.id);
  const byKey = new Map<string, string | null>(); // null: several records share the key
  for (const id of ids) {
    const key = idMatchKey(id);
    byKey.set(key, byKey.has(key) ? null : id);
  }
  const changes: IdChange[] = [];
  const people = org.people.map((p) => {
    const from = p.managerId;
    if (from === null || ids.has(from)) return p;
    const to = byKey.get(idMatchKey(from));
    if (!to || to === p.id) return p;
    changes.push({ id: p.id, from, to });
    return { ...p, managerId: to };
  });
  if (changes.length === 0) return { org, changes };
  const normalizedIds = [...(org.importNotes?.normalizedIds ?? []), ...changes];
  return { org: { ...org, people, importNotes: { ...org.importNotes, normalizedIds } }, changes };
}
