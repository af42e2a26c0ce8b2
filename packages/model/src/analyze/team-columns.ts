import type { Team } from '../schema/team';

/** Team type codes of {@link TeamColumns.type}, in `TEAM_TYPES` order. */
export const TYPE_STREAM_ALIGNED = 0;
/** A platform team. */
export const TYPE_PLATFORM = 1;

const TYPE_CODES: Readonly<Record<string, number>> = {
  'stream-aligned': TYPE_STREAM_ALIGNED,
  platform: TYPE_PLATFORM,
  enabling: 2,
  'complicated-subsystem': 3,
};

/**
 * What the team rules read of each entry of a teams array, as columns indexed by position in it,
 * and the numbering of team ids by *slot*: one slot per distinct id, in order of first appearance
 * (a repeated entry shares its id's slot). Depends on the teams only, so it is built once per
 * teams array (orgs are immutable) and survives edits of the people.
 */
export interface TeamColumns {
  /** The teams array these columns were built for. */
  readonly teams: readonly Team[];
  /** Number of slots (distinct team ids). */
  readonly slots: number;
  /** Slot of a team id. */
  readonly slotById: ReadonlyMap<string, number>;
  /** Slot of `teams[t]`. */
  readonly slotOfTeam: Int32Array;
  /** The first position in `teams` of each slot's id (the team that stands for the id). */
  readonly teamOfSlot: Int32Array;
  /** 1 where `kind` is `team`, 0 for a group. */
  readonly isTeam: Uint8Array;
  /** Type code ({@link TYPE_STREAM_ALIGNED}, {@link TYPE_PLATFORM}, 2 enabling, 3 complicated-subsystem). */
  readonly type: Uint8Array;
  /** Number of domains, and of complex and complicated ones. */
  readonly domains: Int32Array;
  readonly complexDomains: Int32Array;
  readonly complicatedDomains: Int32Array;
  /**
   * The fields a team report row copies, by position (read in order from these arrays rather
   * than from team objects scattered in memory).
   */
  readonly ids: readonly string[];
  readonly names: readonly string[];
  readonly kinds: readonly Team['kind'][];
  readonly types: readonly Team['type'][];
  readonly parentIds: ReadonlyArray<string | null>;
  readonly managerIds: ReadonlyArray<string | null>;
}

const cache = new WeakMap<readonly Team[], TeamColumns>();

/** The {@link TeamColumns} of a teams array, built once per array. */
export function getTeamColumns(teams: readonly Team[]): TeamColumns {
  let columns = cache.get(teams);
  if (!columns) {
    columns = buildTeamColumns(teams);
    cache.set(teams, columns);
  }
  return columns;
}

function buildTeamColumns(teams: readonly Team[]): TeamColumns {
  const size = teams.length;
  const slotById = new Map<string, number>();
  const slotOfTeam = new Int32Array(size);
  const firstTeam: number[] = [];
  const isTeam = new Uint8Array(size);
  const type = new Uint8Array(size);
  const domains = new Int32Array(size);
  const complexDomains = new Int32Array(size);
  const complicatedDomains = new Int32Array(size);
  const rows = {
    ids: new Array<string>(size),
    names: new Array<string>(size),
    kinds: new Array<Team['kind']>(size),
    types: new Array<Team['type']>(size),
    parentIds: new Array<string | null>(size),
    managerIds: new Array<string | null>(size),
  };
  for (let t = 0; t < size; t++) {
    const team = teams[t];
    rows.ids[t] = team.id;
    rows.names[t] = team.name;
    rows.kinds[t] = team.kind;
    rows.types[t] = team.type;
    rows.parentIds[t] = team.parentId;
    rows.managerIds[t] = team.managerId;
    let slot = slotById.get(team.id);
    if (slot === undefined) {
      slot = firstTeam.push(t) - 1;
      slotById.set(team.id, slot);
    }
    slotOfTeam[t] = slot;
    isTeam[t] = team.kind === 'team' ? 1 : 0;
    type[t] = TYPE_CODES[team.type] ?? 255;
    domains[t] = team.domains.length;
    for (const d of team.domains) {
      if (d.complexity === 'complex') complexDomains[t]++;
      else if (d.complexity === 'complicated') complicatedDomains[t]++;
    }
  }
  const teamOfSlot = Int32Array.from(firstTeam);
  const slots = firstTeam.length;
  return {
    teams,
    slots,
    slotById,
    slotOfTeam,
    teamOfSlot,
    isTeam,
    type,
    domains,
    complexDomains,
    complicatedDomains,
    ...rows,
  };
}
