import type { Org } from '@reorg/model';

type PatchLike = { path: (string | number)[] };

/**
 * Ids of the people an `applyOps` result touched, read from its patches, or `null` when a patch
 * replaced the whole people array (a removal): then callers compare everyone.
 */
export function getTouchedPeople(before: Org, after: Org, patches: readonly PatchLike[]): Set<string> | null {
  const ids = new Set<string>();
  for (const p of patches) {
    if (p.path[0] !== 'people') continue;
    const row = p.path[1];
    if (typeof row !== 'number') return null;
    const a = before.people[row];
    const b = after.people[row];
    if (a) ids.add(a.id);
    if (b) ids.add(b.id);
  }
  return ids;
}

/**
 * The managers above `touched` people, following `managerOf`, the touched people included. Call it
 * with the managers before a change and again after: their union is every manager whose span of
 * control may have changed (a role such as "executive" depends on the layers below).
 */
export function collectChains(
  touched: Iterable<string>,
  managerOf: (id: string) => string | null,
  into = new Set<string>(),
): Set<string> {
  for (const id of touched) {
    into.add(id);
    const seen = new Set<string>([id]);
    for (let m = managerOf(id); m !== null && !seen.has(m); m = managerOf(m)) {
      seen.add(m);
      into.add(m);
    }
  }
  return into;
}
