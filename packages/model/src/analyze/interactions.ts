import { daysBetween } from '../schema/common';
import type { Interaction, Team } from '../schema/team';
import { type AnalysisContext, addFinding } from './context';
import { describeTeam, formatNameList, plural } from './teams';

const interactionSubject = (x: Interaction) => ({ kind: 'interaction' as const, id: `${x.from}->${x.to}` });

/** `interaction.stale`: a collaboration or facilitating interaction past its expected end. */
function checkStale(ctx: AnalysisContext, x: Interaction, from: Team, to: Team): void {
  if (x.mode === 'x-as-a-service' || !x.expectedEnd || x.expectedEnd >= ctx.asOf) return;
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
function checkProvider(ctx: AnalysisContext, x: Interaction, from: Team, to: Team): void {
  if (x.mode !== 'x-as-a-service' || from.kind !== 'team' || from.type !== 'stream-aligned') return;
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

/** `interaction.too_many_collaborations`: a team collaborating with more than the policy's number of teams. */
function checkCollaborations(ctx: AnalysisContext, known: ReadonlyMap<string, Team>): void {
  const partners = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    const set = partners.get(a);
    if (set) set.add(b);
    else partners.set(a, new Set([b]));
  };
  for (const x of ctx.org.interactions) {
    if (x.mode !== 'collaboration' || x.from === x.to || !known.has(x.from) || !known.has(x.to)) continue;
    if (!isOngoing(x, ctx.asOf)) continue;
    add(x.from, x.to);
    add(x.to, x.from);
  }
  const max = ctx.policy.teams.maxCollaborations;
  for (const [id, set] of partners) {
    if (set.size <= max) continue;
    const team = known.get(id)!;
    const ids = [...set];
    addFinding(
      ctx,
      'interaction.too_many_collaborations',
      { kind: 'team', id },
      `${describeTeam(team)} collaborates with ${plural(set.size, 'team')} at once (more than ${max}): ${formatNameList(ids.map((t) => describeTeam(known.get(t)!)))}.`,
      `Finish or time-box some of these collaborations, turning settled ones into x-as-a-service or facilitating, so ${describeTeam(team)} collaborates with at most ${max} at a time.`,
      { collaborations: set.size, max, teamIds: ids },
    );
  }
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
  const known = new Map<string, Team>();
  for (const t of ctx.org.teams) if (!known.has(t.id)) known.set(t.id, t);
  for (const x of ctx.org.interactions) {
    const from = known.get(x.from);
    const to = known.get(x.to);
    if (!from || !to) continue;
    checkStale(ctx, x, from, to);
    checkProvider(ctx, x, from, to);
  }
  checkCollaborations(ctx, known);
}
