import type { TreeSource } from '../layout/visible-tree';
import { getChain, getReports, type OrgIndex } from './org-index';

/**
 * "Find me": the chart of one person's place: their chain of command up to the top (each manager
 * showing only the next one down), their peers (their manager's reports) and their own reports.
 * Returns null when the person is not in the org.
 */
export function createFocusSource(
  index: OrgIndex,
  personId: string,
  teamLedBy?: TreeSource['teamLedBy'],
): TreeSource | null {
  if (!index.byId.has(personId)) return null;
  const chain = getChain(index, personId); // manager first, top last
  const next = new Map<string, string>();
  let below = personId;
  for (const m of chain) {
    next.set(m, below);
    below = m;
  }
  const manager = chain[0];
  const open = new Set([personId, ...chain]);
  return {
    roots: [chain.at(-1) ?? personId],
    reports(id) {
      if (id === personId || id === manager) return getReports(index, id);
      const n = next.get(id);
      return n ? [n] : getReports(index, id);
    },
    isExpanded: (id) => open.has(id),
    ...(teamLedBy ? { teamLedBy } : {}),
  };
}

/** The people a focus shows, for a screen-reader summary: chain (top first), peers, reports. */
export function describeFocus(
  index: OrgIndex,
  personId: string,
): { chain: string[]; peers: string[]; reports: string[] } {
  const chain = getChain(index, personId);
  const manager = chain[0];
  const peers = manager ? getReports(index, manager).filter((p) => p !== personId) : [];
  return { chain: [...chain].reverse(), peers, reports: [...getReports(index, personId)] };
}
