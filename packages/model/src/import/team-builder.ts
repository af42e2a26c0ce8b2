import type { Team } from '../schema/team';
import { slugify } from './cells';
import type { IssueCollector } from './result';

interface Pending {
  name: string;
  firstRow: number;
  group?: string;
  otherGroups: Set<string>;
}

/**
 * Collects the teams and groups named in a file's rows and gives them ids.
 *
 * A team's id is the slug of its name (`"Core Platform"` → `core-platform`); so is a group's,
 * unless a team has that slug, in which case the group's id ends in `-group`. Names with the same
 * slug are one team (the first spelling names it). A team named under several groups keeps the
 * first and a warning names the others. Ids are only known after {@link TeamBuilder.build}.
 */
export class TeamBuilder {
  private readonly teams = new Map<string, Pending>();
  private readonly groups = new Map<string, { name: string }>();

  /** Notes a team (and its group) seen on `row`; returns a key for {@link TeamBuilder.teamId}. */
  addTeam(name: string, group: string | undefined, row: number): string {
    const key = slugify(name) || `team-${this.teams.size + 1}`;
    let t = this.teams.get(key);
    if (!t) {
      t = { name, firstRow: row, group: group ? this.addGroup(group) : undefined, otherGroups: new Set() };
      this.teams.set(key, t);
    } else if (group) {
      const g = this.addGroup(group);
      if (t.group === undefined) t.group = g;
      else if (g !== t.group) t.otherGroups.add(this.groups.get(g)!.name);
    }
    return key;
  }

  /** Notes a group; returns a key for {@link TeamBuilder.groupId}. */
  addGroup(name: string): string {
    const key = slugify(name) || `group-${this.groups.size + 1}`;
    if (!this.groups.has(key)) this.groups.set(key, { name });
    return key;
  }

  /** The id of a team key returned by {@link TeamBuilder.addTeam}. */
  teamId(key: string): string {
    return key;
  }

  /** The id of a group key returned by {@link TeamBuilder.addGroup}. */
  groupId(key: string): string {
    return this.teams.has(key) ? `${key}-group` : key;
  }

  /**
   * The teams (kind `team`, parent = their group) then the groups (kind `group`), in the order
   * first seen. Warns (through `issues`) about teams named under more than one group.
   */
  build(issues?: IssueCollector): Team[] {
    const out: Team[] = [];
    for (const [key, t] of this.teams) {
      const parentId = t.group === undefined ? null : this.groupId(t.group);
      out.push(newTeam(this.teamId(key), t.name, 'team', parentId));
      if (t.otherGroups.size > 0) {
        const kept = this.groups.get(t.group!)!.name;
        issues?.warn({
          row: t.firstRow,
          message: `team "${t.name}" is listed under several groups; kept "${kept}", not ${[...t.otherGroups].map((g) => `"${g}"`).join(', ')}`,
        });
      }
    }
    for (const [key, g] of this.groups) out.push(newTeam(this.groupId(key), g.name, 'group', null));
    return out;
  }
}

function newTeam(id: string, name: string, kind: Team['kind'], parentId: string | null): Team {
  return { id, name, kind, type: 'stream-aligned', managerId: null, parentId, domains: [] };
}
