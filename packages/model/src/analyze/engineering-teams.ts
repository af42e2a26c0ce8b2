import type { Team } from '../schema/team';
import type { AnalysisContext } from './context';
import type { TeamIndex } from './team-index';

/**
 * Words that make a team or a group above it (a department) an engineering one. Whole words,
 * case-insensitive; `BE`/`FE` are the backend and frontend teams of product groups (GitLab's
 * "Geo BE Team"). The project's own list.
 */
const ENGINEERING_TEAM_WORDS =
  /\b(engineering|engineers?|development|infrastructure|platform|software|sre|devops|back-?end|front-?end|be|fe|full-?stack|qa|quality|security|reliability)\b/i;

/**
 * Words of a team's own name that make it no engineering team, whatever its department says
 * ("Sales Development", "Customer Support" under an engineering function). The project's own list.
 */
const NON_ENGINEERING_TEAM_WORDS =
  /\b(sales|business development|marketing|customer|accounts?|accounting|finance|legal|people|talent|recruiting|support)\b/i;

/** Words of an engineering job title (the project's own list). */
const ENGINEERING_TITLE_WORDS =
  /\b(engineer|engineering|developer|programmer|sre|devops|architect|software|back-?end|front-?end|full-?stack|data scientist)\b/i;

/** Titles that carry an engineering word but are customer-facing jobs: "Sales Engineer", "Solutions Architect". */
const CUSTOMER_FACING_TITLE_WORDS = /\b(sales|solutions?|support|customer|account|professional services)\b/i;

/** True when a job title reads as an engineering one (see the word lists above). */
export function isEngineeringTitle(title: string): boolean {
  return ENGINEERING_TITLE_WORDS.test(title) && !CUSTOMER_FACING_TITLE_WORDS.test(title);
}

/** How {@link getEngineeringTeams} decided which teams are engineering teams. */
export type EngineeringBasis = 'team-type' | 'keywords';

/** Which teams the engineering-team rules (`org.no_platform`) count, and why. */
export interface EngineeringTeams {
  /**
   * `team-type`: some team has a Team Topologies type other than stream-aligned, so the teams were
   * typed by hand and every team counts; `keywords`: every team has the default type (as imports
   * give), so a team counts when its name or a group above it names engineering (and its own name
   * is not a sales, marketing, support, finance, legal or people one), or at least half of its
   * members with a title have an engineering title.
   */
  readonly basis: EngineeringBasis;
  /** 1 for each position in `org.teams` that is an engineering team (groups: 0). */
  readonly isEngineering: Uint8Array;
  /** Teams counted by their or their department's name, and by their members' titles (keywords only). */
  readonly byName: number;
  readonly byTitle: number;
}

/** Names of the team and of every group above it through `parentId` (a parent cycle is cut). */
function namesUp(team: Team, byId: ReadonlyMap<string, Team>): string[] {
  const names = [team.name];
  const seen = new Set<string>([team.id]);
  let parent = team.parentId;
  while (parent !== null && !seen.has(parent)) {
    seen.add(parent);
    const group = byId.get(parent);
    if (!group) break;
    names.push(group.name);
    parent = group.parentId;
  }
  return names;
}

/** True when at least half of the team's members that have a title (aggregates aside) have an engineering one. */
function hasEngineeringTitles(ctx: AnalysisContext, index: TeamIndex, t: number): boolean {
  const s = index.slotOfTeam[t];
  let titled = 0;
  let engineering = 0;
  for (let k = index.memberOffsets[s]; k < index.memberOffsets[s + 1]; k++) {
    const p = ctx.graph.records[index.memberList[k]];
    if (p.aggregate || !p.title) continue;
    titled++;
    if (isEngineeringTitle(p.title)) engineering++;
  }
  return titled > 0 && engineering * 2 >= titled;
}

/**
 * Which teams of the org are engineering teams, for the rules about engineers (see
 * {@link EngineeringTeams} for the two bases). Pure; O(teams × depth + members).
 */
export function getEngineeringTeams(ctx: AnalysisContext, index: TeamIndex): EngineeringTeams {
  const { teams, isTeam, type } = index;
  const isEngineering = new Uint8Array(teams.length);
  let typed = false;
  for (let t = 0; t < teams.length; t++) if (isTeam[t] && type[t] !== 0) typed = true;
  if (typed) {
    for (let t = 0; t < teams.length; t++) isEngineering[t] = isTeam[t];
    return { basis: 'team-type', isEngineering, byName: 0, byTitle: 0 };
  }
  const byId = new Map(teams.map((t) => [t.id, t]));
  let byName = 0;
  let byTitle = 0;
  for (let t = 0; t < teams.length; t++) {
    if (!isTeam[t]) continue;
    const named =
      !NON_ENGINEERING_TEAM_WORDS.test(teams[t].name) &&
      namesUp(teams[t], byId).some((name) => ENGINEERING_TEAM_WORDS.test(name));
    if (named) {
      isEngineering[t] = 1;
      byName++;
    } else if (hasEngineeringTitles(ctx, index, t)) {
      isEngineering[t] = 1;
      byTitle++;
    }
  }
  return { basis: 'keywords', isEngineering, byName, byTitle };
}
