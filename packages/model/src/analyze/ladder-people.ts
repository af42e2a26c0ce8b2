import { getChildCount, getChildren, headcountWeight } from '../graph/org-graph';
import type { Level, Track } from '../schema/ladder';
import { type AnalysisContext, addFinding, describePerson, type LevelInfo } from './context';
import { describeLevel } from './ladder-rules';
import { describeTeam, formatNameList, getTeamMembers, plural } from './teams';

/** How many people a finding names before `and N more`. */
const NAMED = 10;

/** The level of record `i`, or undefined when it has none or it is not on the ladder. */
function levelOf(ctx: AnalysisContext, i: number): LevelInfo | undefined {
  const id = ctx.graph.records[i].level;
  return id ? ctx.levels.get(id) : undefined;
}

/** The first level of `track` at `rank`, in ladder order. */
function levelAtRank(ctx: AnalysisContext, track: Track, rank: number): Level | undefined {
  return ctx.org.ladder.tracks[track].find((l) => l.rank === rank);
}

/** `ladder.level_unknown`: one finding per level id that is not on the ladder. */
function checkUnknownLevels(ctx: AnalysisContext): void {
  const byLevel = new Map<string, number[]>();
  ctx.graph.records.forEach((p, i) => {
    if (!p.level || ctx.levels.has(p.level)) return;
    const list = byLevel.get(p.level);
    if (list) list.push(i);
    else byLevel.set(p.level, [i]);
  });
  const known = [...ctx.levels.keys()];
  for (const [id, list] of byLevel) {
    const near = known.find((k) => k.toLowerCase() === id.trim().toLowerCase());
    const names = list.map((i) => describePerson(ctx, i));
    addFinding(
      ctx,
      'ladder.level_unknown',
      { kind: 'level', id },
      `Level ${id} is not in the ladder "${ctx.org.ladder.name}"; ${plural(list.length, 'record')} ${list.length === 1 ? 'uses' : 'use'} it: ${formatNameList(names, NAMED)}.`,
      near
        ? `Change the level of these records from ${id} to ${near} (level ids are case-sensitive).`
        : `Add level ${id} to the ladder's IC or manager track with its rank, or change these records to a level the ladder has (${formatNameList(known, NAMED) || 'the ladder has none'}).`,
      {
        level: id,
        count: list.length,
        ids: list.map((i) => ctx.graph.records[i].id),
        suggestion: near ?? null,
      },
    );
  }
}

/** `ladder.inversion`: a report ranked above their manager (warning) or at the same rank (info). */
function checkInversions(ctx: AnalysisContext): void {
  const { records, parent } = ctx.graph;
  for (let i = 0; i < records.length; i++) {
    const m = parent[i];
    if (m < 0) continue;
    const mine = levelOf(ctx, i);
    const theirs = levelOf(ctx, m);
    if (!mine || !theirs || mine.level.rank < theirs.level.rank) continue;
    const same = mine.level.rank === theirs.level.rank;
    const [report, manager] = [describePerson(ctx, i), describePerson(ctx, m)];
    const at = `${report} at ${describeLevel(mine.level)}`;
    const mgr = `their manager ${manager} at ${describeLevel(theirs.level)}`;
    addFinding(
      ctx,
      'ladder.inversion',
      { kind: 'person', id: records[i].id },
      same ? `${at} has the same rank as ${mgr}.` : `${at} is ranked above ${mgr}.`,
      same
        ? `Often deliberate (a staff engineer under an engineering manager of the same rank); check that both levels are current.`
        : `Check both levels: promote ${manager}, re-level ${report}, or have ${report} report to a manager of rank ${mine.level.rank} or above; if the pairing is deliberate, note why.`,
      {
        managerId: records[m].id,
        level: mine.level.id,
        rank: mine.level.rank,
        managerLevel: theirs.level.id,
        managerRank: theirs.level.rank,
      },
      same ? 'info' : undefined,
    );
  }
}

/** `ladder.informal_manager`: an IC-track person with direct reports. */
function checkInformalManagers(ctx: AnalysisContext): void {
  const { graph } = ctx;
  for (let i = 0; i < graph.n; i++) {
    const info = levelOf(ctx, i);
    if (graph.records[i].aggregate || info?.track !== 'ic' || getChildCount(graph, i) === 0) continue;
    const reports = getChildren(graph, i);
    const count = reports.reduce((s, c) => s + headcountWeight(graph.records[c]), 0);
    const name = describePerson(ctx, i);
    const lateral = levelAtRank(ctx, 'manager', info.level.rank);
    addFinding(
      ctx,
      'ladder.informal_manager',
      { kind: 'person', id: graph.records[i].id },
      `${name} is on the IC track at ${describeLevel(info.level)} but has ${plural(count, 'direct report')}: ${formatNameList(
        reports.map((c) => describePerson(ctx, c)),
        NAMED,
      )}.`,
      `${lateral ? `Move ${name} to the manager track at ${describeLevel(lateral)}, a lateral move` : `Move ${name} to a manager-track level`}, or have these people report to a manager; a tech lead is a role on the IC track, not a reporting line.`,
      {
        level: info.level.id,
        rank: info.level.rank,
        directReports: count,
        reportIds: reports.map((c) => graph.records[c].id),
      },
    );
  }
}

/** `ladder.manager_without_reports`: a manager-track person (not an aggregate) with no direct reports. */
function checkManagersWithoutReports(ctx: AnalysisContext): void {
  const { graph } = ctx;
  for (let i = 0; i < graph.n; i++) {
    const p = graph.records[i];
    const info = levelOf(ctx, i);
    if (p.aggregate || info?.track !== 'manager' || getChildCount(graph, i) > 0) continue;
    const name = describePerson(ctx, i);
    const vacancy =
      p.status === 'open' ? 'an open requisition' : p.status === 'planned' ? 'a planned hire' : '';
    const ic = levelAtRank(ctx, 'ic', info.level.rank);
    addFinding(
      ctx,
      'ladder.manager_without_reports',
      { kind: 'person', id: p.id },
      `${name} is at manager level ${describeLevel(info.level)} but has no direct reports${vacancy ? ` (${vacancy}: reports may come once it is filled)` : ''}.`,
      vacancy
        ? `Assign the reports this position will manage, so the plan shows its span.`
        : `Assign reports to ${name}, or move them to ${ic ? `the IC level of the same rank, ${describeLevel(ic)}` : 'an IC-track level'} if they no longer manage people.`,
      { level: info.level.id, rank: info.level.rank, status: p.status },
    );
  }
}

/** `ladder.no_senior_in_team`: a team with enough ICs and none at or above the senior rank. */
function checkNoSeniorInTeams(ctx: AnalysisContext): void {
  const { graph, policy } = ctx;
  const members = getTeamMembers(graph);
  const seniorLevel = ctx.org.ladder.tracks.ic
    .filter((l) => l.rank >= policy.seniorRank)
    .sort((a, b) => a.rank - b.rank)[0];
  for (const team of ctx.org.teams) {
    if (team.kind !== 'team') continue;
    const manager = team.managerId === null ? undefined : graph.indexOf.get(team.managerId);
    const ics = (members.get(team.id) ?? []).filter((i) => {
      const p = graph.records[i];
      return !p.aggregate && p.status !== 'leaving' && i !== manager && getChildCount(graph, i) === 0;
    });
    if (ics.length < policy.teams.noSeniorMinIcs) continue;
    if (ics.some((i) => (levelOf(ctx, i)?.level.rank ?? Number.NEGATIVE_INFINITY) >= policy.seniorRank))
      continue;
    const name = describeTeam(team);
    const listed = ics.map((i) => `${describePerson(ctx, i)} at ${graph.records[i].level ?? 'no level'}`);
    addFinding(
      ctx,
      'ladder.no_senior_in_team',
      { kind: 'team', id: team.id },
      `Team ${name} has ${ics.length} ICs and none at or above the senior rank ${policy.seniorRank}: ${formatNameList(listed, NAMED)}.`,
      `Hire or move a senior engineer (rank ${policy.seniorRank} or above${seniorLevel ? `, e.g. ${describeLevel(seniorLevel)}` : ''}) into ${name}, or promote an IC who is ready.`,
      {
        ics: ics.length,
        minIcs: policy.teams.noSeniorMinIcs,
        seniorRank: policy.seniorRank,
        icIds: ics.map((i) => graph.records[i].id),
      },
    );
  }
}

/**
 * Checks people against the org's ladder (DOMAIN.md "Checks of people against the ladder"):
 * - `ladder.level_unknown` (error): one finding per level id that is not on the ladder (subject
 *   `{ kind: 'level', id }`), with the number of records, the first 10 named, all ids in `data.ids`,
 *   and a case-insensitive near match in `data.suggestion`. Records with no level are not flagged.
 * - `ladder.inversion`: a report (aggregates included) ranked above their manager (warning) or at
 *   the same rank (info); one per report, skipped when either level is missing or unknown.
 * - `ladder.informal_manager` (warning): an IC-track person with direct reports (counted as in
 *   span of control: an aggregate as its FTE rounded up).
 * - `ladder.manager_without_reports` (info): a manager-track person, not an aggregate, with no
 *   direct reports; open and planned positions too, with the status said in the message.
 * - `ladder.no_senior_in_team` (warning): a team (`kind: 'team'`) with at least
 *   `policy.teams.noSeniorMinIcs` (3, EL26) ICs and none at or above `policy.seniorRank` (4, EL26).
 *   ICs are the non-aggregate members with no direct reports, the team's manager aside; `leaving`
 *   people are not counted (neither as ICs nor as the senior), since the team is about to lose them.
 *   A missing or unknown level is not senior.
 */
export function checkPeopleOnLadder(ctx: AnalysisContext): void {
  checkUnknownLevels(ctx);
  checkInversions(ctx);
  checkInformalManagers(ctx);
  checkManagersWithoutReports(ctx);
  checkNoSeniorInTeams(ctx);
}
