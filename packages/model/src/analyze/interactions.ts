import { daysBetween } from '../schema/common';
import type { Interaction, Team } from '../schema/team';
import { type AnalysisContext, addFinding } from './context';
import { getTeamColumns, type TeamColumns, TYPE_STREAM_ALIGNED } from './team-columns';

// A local copy of an imported constant: runners turn imported bindings into getters.
const STREAM_ALIGNED = TYPE_STREAM_ALIGNED;

import { describeTeam, formatNameList, plural } from './teams';

const interactionSubject = (x: Interaction) => ({ kind: 'interaction' as const, id: `${x.from}->${x.to}` });

/** `interaction.stale`: a collaboration or facilitating interaction past its expected end. */
function addStaleFinding(ctx: AnalysisContext, x: Interaction, from: Team, to: Team): void {
  if (!x.expectedEnd) return;
  const days = daysBetween(x.expectedEnd, ctx.asOf);
  const what = x.mode === 'collaboration' ? 'collaboration between' : 'facilitating of';
  const between =
    x.mode === 'collaboration'
      ? `${describeTeam(from)} and ${describeTeam(to)}`
      : `${describeTeam(to)} by ${describeTeam(from)}`;
  addFinding(
    ctx,
    'interaction.stale',
    interactionSubject(x),
    `The ${what} ${between} was expected to end on ${x.expectedEnd}, ${plural(days, 'day')} before ${ctx.asOf}.`,
    x.mode === 'collaboration'
      ? 'End it, switching to x-as-a-service if one team now provides what the other consumes, or set a new expected end if it still has a purpose.'
      : `End it once ${describeTeam(to)} has the capability, or set a new expected end if the facilitating still has a purpose.`,
    { from: x.from, to: x.to, mode: x.mode, expectedEnd: x.expectedEnd, asOf: ctx.asOf, daysOverdue: days },
  );
}

/** `interaction.stream_aligned_provider`: a stream-aligned team offering x-as-a-service. */
function addProviderFinding(ctx: AnalysisContext, x: Interaction, from: Team, to: Team): void {
  addFinding(
    ctx,
    'interaction.stream_aligned_provider',
    interactionSubject(x),
    `${describeTeam(from)}, a stream-aligned team, provides ${describeTeam(to)} with x-as-a-service.`,
    `If the service is a shared capability, move it to a platform team (or make ${describeTeam(from)} a platform team); if it is temporary, record the interaction as collaboration with an expected end.`,
    { from: x.from, to: x.to, fromType: from.type },
  );
}

/** Whether a collaboration is under way at `asOf`: started (or no start given) and not yet ended. */
function isOngoing(x: Interaction, asOf: string): boolean {
  return (!x.since || x.since <= asOf) && (!x.expectedEnd || x.expectedEnd >= asOf);
}

/** Team slots of each interaction's ends (-1: no team of `org.teams` has that id). */
interface Ends {
  readonly index: TeamColumns;
  readonly from: Int32Array;
  readonly to: Int32Array;
}

const endsCache = new WeakMap<readonly Interaction[], Ends>();

/** The {@link Ends} of an org's interactions, cached per interactions array and team index. */
function getEnds(interactions: readonly Interaction[], index: TeamColumns): Ends {
  let ends = endsCache.get(interactions);
  if (!ends || ends.index !== index) {
    const from = new Int32Array(interactions.length);
    const to = new Int32Array(interactions.length);
    for (let k = 0; k < interactions.length; k++) {
      from[k] = index.slotById.get(interactions[k].from) ?? -1;
      to[k] = index.slotById.get(interactions[k].to) ?? -1;
    }
    ends = { index, from, to };
    endsCache.set(interactions, ends);
  }
  return ends;
}

/**
 * Ongoing collaborations between two known, different teams, each as two directed edges (a, b)
 * and (b, a), in interaction order.
 */
function getCollaborationEdges(ctx: AnalysisContext, ends: Ends): { a: number[]; b: number[] } {
  const a: number[] = [];
  const b: number[] = [];
  const interactions = ctx.org.interactions;
  for (let k = 0; k < interactions.length; k++) {
    const x = interactions[k];
    const from = ends.from[k];
    const to = ends.to[k];
    if (x.mode !== 'collaboration' || x.from === x.to || from < 0 || to < 0) continue;
    if (!isOngoing(x, ctx.asOf)) continue;
    a.push(from, to);
    b.push(to, from);
  }
  return { a, b };
}

/**
 * `interaction.too_many_collaborations`: a team collaborating with more than the policy's number
 * of distinct teams. Edges are sorted by team (then interaction order); only a team with more
 * edges than the limit has its distinct partners counted. Teams are reported in order of first
 * mention, partners likewise.
 */
function checkCollaborations(ctx: AnalysisContext, ends: Ends): void {
  const { a, b } = getCollaborationEdges(ctx, ends);
  const max = ctx.policy.teams.maxCollaborations;
  if (a.length <= max) return;
  // Edge e sorted by (team a[e], e): key a[e] * edges + e, exact in a double.
  const keys = new Float64Array(a.length);
  for (let e = 0; e < a.length; e++) keys[e] = a[e] * a.length + e;
  keys.sort();
  const over: Array<{ first: number; partners: number[] }> = [];
  for (let start = 0; start < keys.length; ) {
    const team = Math.floor(keys[start] / a.length);
    let end = start;
    while (end < keys.length && Math.floor(keys[end] / a.length) === team) end++;
    if (end - start > max) {
      const partners = new Set<number>();
      for (let k = start; k < end; k++) partners.add(b[keys[k] % a.length]);
      if (partners.size > max) over.push({ first: keys[start] % a.length, partners: [...partners] });
    }
    start = end;
  }
  over.sort((x, y) => x.first - y.first);
  const { teams, teamOfSlot } = ends.index;
  for (const { first, partners } of over)
    addCollaborationFinding(
      ctx,
      teams[teamOfSlot[a[first]]],
      partners.map((s) => teams[teamOfSlot[s]]),
    );
}

function addCollaborationFinding(ctx: AnalysisContext, team: Team, partners: Team[]): void {
  const max = ctx.policy.teams.maxCollaborations;
  const ids = partners.map((t) => t.id);
  const named = partners.map(describeTeam);
  addFinding(
    ctx,
    'interaction.too_many_collaborations',
    { kind: 'team', id: team.id },
    `${describeTeam(team)} collaborates with ${plural(ids.length, 'team')} at once (more than ${max}): ${formatNameList(named)}.`,
    `Finish or time-box some of these collaborations, turning settled ones into x-as-a-service or facilitating, so ${describeTeam(team)} collaborates with at most ${max} at a time.`,
    { collaborations: ids.length, max, teamIds: ids },
  );
}

/**
 * Checks the interactions between teams (DOMAIN.md "Teams (Team Topologies)") as of `ctx.asOf`:
 * - `interaction.stale` (warning): a collaboration or facilitating interaction whose `expectedEnd`
 *   is before the as-of date; subject `{ kind: 'interaction', id: 'from->to' }`.
 * - `interaction.stream_aligned_provider` (info): an x-as-a-service interaction whose provider
 *   (`from`) is a stream-aligned team (`kind: 'team'`); subject the interaction.
 * - `interaction.too_many_collaborations` (warning): a team in collaboration with more than
 *   `policy.teams.maxCollaborations` (2, the project's own threshold) distinct teams, either
 *   direction, counting collaborations under way at the as-of date (started, or no `since`; and no
 *   `expectedEnd`, or one on or after the as-of date); subject the team, in order of first mention.
 *
 * An interaction naming a team id that is not in `org.teams` is skipped by all three rules (it says
 * nothing reliable about a team the org does not have); a team's collaboration with itself is ignored.
 */
export function checkInteractions(ctx: AnalysisContext): void {
  const { interactions, teams } = ctx.org;
  if (interactions.length === 0) return;
  const columns = getTeamColumns(teams);
  const ends = getEnds(interactions, columns);
  const { isTeam, type, teamOfSlot } = columns;
  const unknown: Interaction[] = [];
  for (let k = 0; k < interactions.length; k++) {
    const x = interactions[k];
    if (ends.from[k] < 0 || ends.to[k] < 0) {
      unknown.push(x);
      continue;
    }
    const from = teamOfSlot[ends.from[k]];
    if (x.mode !== 'x-as-a-service') {
      if (x.expectedEnd && x.expectedEnd < ctx.asOf)
        addStaleFinding(ctx, x, teams[from], teams[teamOfSlot[ends.to[k]]]);
    } else if (isTeam[from] && type[from] === STREAM_ALIGNED)
      addProviderFinding(ctx, x, teams[from], teams[teamOfSlot[ends.to[k]]]);
  }
  checkCollaborations(ctx, ends);
  if (unknown.length > 0) addUnknownTeamFinding(ctx, unknown, new Set(columns.slotById.keys()));
}

/** `interaction.unknown_team`: one finding listing the interactions that name a team the org lacks. */
function addUnknownTeamFinding(ctx: AnalysisContext, list: Interaction[], known: ReadonlySet<string>): void {
  const missing = [...new Set(list.flatMap((x) => [x.from, x.to]).filter((id) => !known.has(id)))];
  const shown = list.slice(0, 5).map((x) => `${x.from} → ${x.to} (${x.mode})`);
  addFinding(
    ctx,
    'interaction.unknown_team',
    { kind: 'org', id: ctx.org.id },
    `${plural(list.length, 'interaction')} ${list.length === 1 ? 'names' : 'name'} a team that is not in the org (${formatNameList(missing.map((m) => `'${m}'`))}): ${shown.join(', ')}${list.length > 5 ? ` and ${list.length - 5} more` : ''}. They are not analysed.`,
    'Add the missing teams (a teams file, or the team column of the HRIS export), or correct the team names in the interactions.',
    { count: list.length, teams: missing, interactions: list.map((x) => `${x.from}->${x.to}`) },
  );
}
