import type { OrgGraph } from '../graph/org-graph';
import type { Team } from '../schema/team';
import { getTeamColumns, type TeamColumns } from './team-columns';

/**
 * Team membership over integer indices, for the team rules: the {@link TeamColumns} of the teams
 * (slots are distinct team ids) plus, per record, its team's slot, and the members of each slot.
 * Built once per graph and teams array (orgs are immutable) with a counting sort, so no per-team
 * list is allocated.
 */
export interface TeamIndex extends TeamColumns {
  /** Slot of record `i`'s `teamId`, or -1 when it has none or it names no team of `org.teams`. */
  readonly slotOf: Int32Array;
  /** Members of slot `s` are `memberList[memberOffsets[s] .. memberOffsets[s+1])`, in record order. */
  readonly memberOffsets: Int32Array;
  readonly memberList: Int32Array;
  /** Record index of `teams[t].managerId`, or -1 when it is null or matches no record. */
  readonly managerOf: Int32Array;
}

const cache = new WeakMap<OrgGraph, TeamIndex>();

/** The {@link TeamIndex} of a graph's records and a teams array, cached for the latest teams array. */
export function getTeamIndex(graph: OrgGraph, teams: readonly Team[]): TeamIndex {
  let index = cache.get(graph);
  if (!index || index.teams !== teams) {
    index = buildTeamIndex(graph, teams);
    cache.set(graph, index);
  }
  return index;
}

/** Slot of each record's team id; consecutive records often share a team, so the last hit is kept. */
function getRecordSlots(graph: OrgGraph, slotById: ReadonlyMap<string, number>): Int32Array {
  const { n, records } = graph;
  const slotOf = new Int32Array(n);
  let lastId: string | null | undefined = null;
  let lastSlot = -1;
  for (let i = 0; i < n; i++) {
    const id = records[i].teamId;
    if (id !== lastId) {
      lastId = id;
      lastSlot = id === null || id === undefined ? -1 : (slotById.get(id) ?? -1);
    }
    slotOf[i] = lastSlot;
  }
  return slotOf;
}

/** Builds a {@link TeamIndex} in O(records + teams). */
export function buildTeamIndex(graph: OrgGraph, teams: readonly Team[]): TeamIndex {
  const columns = getTeamColumns(teams);
  const { slots, slotById } = columns;
  const managerOf = new Int32Array(teams.length);
  for (let t = 0; t < teams.length; t++) {
    const id = teams[t].managerId;
    managerOf[t] = id === null ? -1 : (graph.indexOf.get(id) ?? -1);
  }
  const slotOf = getRecordSlots(graph, slotById);
  const memberOffsets = new Int32Array(slots + 1);
  for (let i = 0; i < graph.n; i++) if (slotOf[i] >= 0) memberOffsets[slotOf[i] + 1]++;
  for (let s = 0; s < slots; s++) memberOffsets[s + 1] += memberOffsets[s];
  const fill = memberOffsets.slice(0, slots);
  const memberList = new Int32Array(memberOffsets[slots]);
  for (let i = 0; i < graph.n; i++) if (slotOf[i] >= 0) memberList[fill[slotOf[i]]++] = i;
  return { ...columns, slotOf, memberOffsets, memberList, managerOf };
}
