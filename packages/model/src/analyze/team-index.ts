import type { OrgGraph } from '../graph/org-graph';
import type { Team } from '../schema/team';

/**
 * Team membership over integer indices, for the team rules. Teams are numbered by *slot*: one
 * slot per distinct team id of `org.teams`, in order of first appearance (a repeated team entry
 * shares its id's slot, as it shares its members). Built once per graph and teams array (orgs are
 * immutable) with a counting sort, so no per-team list is allocated.
 */
export interface TeamIndex {
  /** The teams array this index was built for. */
  readonly teams: readonly Team[];
  /** Number of slots (distinct team ids). */
  readonly slots: number;
  /** Slot of a team id. */
  readonly slotById: ReadonlyMap<string, number>;
  /** Slot of `teams[t]`. */
  readonly slotOfTeam: Int32Array;
  /** The first position in `teams` of each slot's id (the team that stands for the id). */
  readonly teamOfSlot: Int32Array;
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
function getRecordSlots(graph: OrgGraph, slotById: Map<string, number>): Int32Array {
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
  const slotById = new Map<string, number>();
  const slotOfTeam = new Int32Array(teams.length);
  const managerOf = new Int32Array(teams.length);
  const firstTeam: number[] = [];
  for (let t = 0; t < teams.length; t++) {
    const team = teams[t];
    let slot = slotById.get(team.id);
    if (slot === undefined) {
      slot = firstTeam.push(t) - 1;
      slotById.set(team.id, slot);
    }
    slotOfTeam[t] = slot;
    managerOf[t] = team.managerId === null ? -1 : (graph.indexOf.get(team.managerId) ?? -1);
  }
  const slots = firstTeam.length;
  const teamOfSlot = Int32Array.from(firstTeam);
  const slotOf = getRecordSlots(graph, slotById);
  const memberOffsets = new Int32Array(slots + 1);
  for (let i = 0; i < graph.n; i++) if (slotOf[i] >= 0) memberOffsets[slotOf[i] + 1]++;
  for (let s = 0; s < slots; s++) memberOffsets[s + 1] += memberOffsets[s];
  const fill = memberOffsets.slice(0, slots);
  const memberList = new Int32Array(memberOffsets[slots]);
  for (let i = 0; i < graph.n; i++) if (slotOf[i] >= 0) memberList[fill[slotOf[i]]++] = i;
  return { teams, slots, slotById, slotOfTeam, teamOfSlot, slotOf, memberOffsets, memberList, managerOf };
}
