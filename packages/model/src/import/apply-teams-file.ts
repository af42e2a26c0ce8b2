import type { Org } from '../schema/org';
import { createTeamRefResolver } from './team-api';
import type { TeamsFile } from './teams-file';

/**
 * Applies a teams file to an org (pure; a new org is returned). A team of the file replaces the
 * org's team with its id (keeping the org's `managerId` and `parentId` where the file leaves them
 * empty) or is added. An interaction replaces the org's interaction between the same two teams
 * (`from->to`) or is added. Interaction ends naming a team by name are matched to the org's teams.
 */
export function applyTeamsFile(org: Org, file: TeamsFile): Org {
  const teams = [...org.teams];
  const index = new Map(teams.map((t, i) => [t.id, i]));
  for (const t of file.teams) {
    const i = index.get(t.id);
    if (i === undefined) {
      index.set(t.id, teams.length);
      teams.push(t);
    } else {
      const old = teams[i];
      teams[i] = { ...t, managerId: t.managerId ?? old.managerId, parentId: t.parentId ?? old.parentId };
    }
  }
  const resolve = createTeamRefResolver(teams);
  const incoming = file.interactions.map((it) => ({ ...it, from: resolve(it.from), to: resolve(it.to) }));
  const replaced = new Set(incoming.map((it) => `${it.from}->${it.to}`));
  const interactions = [
    ...org.interactions.filter((it) => !replaced.has(`${it.from}->${it.to}`)),
    ...incoming,
  ];
  return { ...org, teams, interactions };
}
