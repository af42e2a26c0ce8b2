import { getChildren, headcountWeight } from '../graph/org-graph';
import type { Level, Track } from '../schema/ladder';
import { type AnalysisContext, addFinding, addSkippedCheck, describePerson } from './context';
import { flat } from './flat-text';
import { describeLevel } from './ladder-rules';
import { getLevelFacts, type LevelFacts, TRACK_IC, TRACK_MANAGER, TRACK_NONE } from './level-facts';
import { getPersonNames, nameOf, type PersonNames } from './person-names';
import { FLAG_AGGREGATE, FLAG_MANAGER, getRecordColumns, STATUS_LEAVING } from './span-facts';
import { getTeamIndex } from './team-index';
import { describeTeam, formatNameList, plural } from './teams';

// Local copies of imported constants: runners turn imported bindings into getters in hot loops.
const NONE = TRACK_NONE;
const IC = TRACK_IC;
const MANAGER_TRACK = TRACK_MANAGER;
const AGGREGATE = FLAG_AGGREGATE;
const MANAGER = FLAG_MANAGER;
const LEAVING = STATUS_LEAVING;

/** How many people a finding names before `and N more`. */
const NAMED = 10;

/** The first level of `track` at `rank`, in ladder order. */
function levelAtRank(ctx: AnalysisContext, track: Track, rank: number): Level | undefined {
  return ctx.org.ladder.tracks[track].find((l) => l.rank === rank);
}

/**
 * Records by level id, for the level ids that are not on the ladder, in order of first use. Only
 * the distinct level ids are looked up; records are scanned only when some id is unknown.
 */
function getUnknownLevelRecords(ctx: AnalysisContext): Map<string, number[]> {
  const { levelIds, levelIndex } = getRecordColumns(ctx.graph);
  const { track } = getLevelFacts(ctx);
  const lists: Array<number[] | undefined> = [];
  const byLevel = new Map<string, number[]>();
  for (let k = 1; k < levelIds.length; k++) {
    if (levelIds[k] === '' || track[k] !== NONE) continue;
    const list: number[] = [];
    lists[k] = list;
    byLevel.set(levelIds[k], list);
  }
  if (byLevel.size === 0) return byLevel;
  for (let i = 0; i < ctx.graph.n; i++) lists[levelIndex[i]]?.push(i);
  return byLevel;
}

/** `ladder.level_unknown`: one finding per level id that is not on the ladder. */
function checkUnknownLevels(ctx: AnalysisContext): void {
  const byLevel = getUnknownLevelRecords(ctx);
  if (byLevel.size === 0) return;
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

/** What the inversion findings of one analysis share: the level columns, names and ids. */
interface InversionScope {
  readonly levelIndex: Int32Array;
  readonly levels: LevelFacts;
  readonly people: PersonNames;
  /** Reports of one manager are often consecutive records: their manager is named once. */
  lastManager: number;
  lastManagerText: string;
}

/** `ladder.inversion`: a report ranked above their manager (warning) or at the same rank (info). */
function checkInversions(ctx: AnalysisContext): void {
  const { n, parent } = ctx.graph;
  const { levelIndex } = getRecordColumns(ctx.graph);
  const levels = getLevelFacts(ctx);
  const { track, rank } = levels;
  const people = getPersonNames(ctx.graph);
  const scope: InversionScope = { levelIndex, levels, people, lastManager: -1, lastManagerText: '' };
  for (let i = 0; i < n; i++) {
    const m = parent[i];
    if (m < 0) continue;
    const mine = levelIndex[i];
    const theirs = levelIndex[m];
    if (track[mine] === NONE || track[theirs] === NONE || rank[mine] < rank[theirs]) continue;
    addInversion(ctx, scope, i, m);
  }
}

/** The `ladder.inversion` finding of report `i` and their manager `m` (both on the ladder). */
function addInversion(ctx: AnalysisContext, scope: InversionScope, i: number, m: number): void {
  const { levelIndex, levels, people } = scope;
  const mine = levels.info[levelIndex[i]]!.level;
  const theirs = levels.info[levelIndex[m]]!.level;
  const same = mine.rank === theirs.rank;
  const report = nameOf(people, ctx.graph, i);
  if (scope.lastManager !== m) {
    scope.lastManager = m;
    scope.lastManagerText = nameOf(people, ctx.graph, m);
  }
  const manager = scope.lastManagerText;
  const at = levels.text[levelIndex[i]];
  const mgr = levels.text[levelIndex[m]];
  addFinding(
    ctx,
    'ladder.inversion',
    { kind: 'person', id: people.ids[i] },
    same
      ? flat`${report} at ${at} has the same rank as their manager ${manager} at ${mgr}.`
      : flat`${report} at ${at} is ranked above their manager ${manager} at ${mgr}.`,
    same
      ? `Often deliberate (a staff engineer under an engineering manager of the same rank); check that both levels are current.`
      : flat`Check both levels: promote ${manager}, re-level ${report}, or have ${report} report to a manager of rank ${mine.rank} or above; if the pairing is deliberate, note why.`,
    {
      managerId: people.ids[m],
      level: mine.id,
      rank: mine.rank,
      managerLevel: theirs.id,
      managerRank: theirs.rank,
    },
    same ? 'info' : undefined,
  );
}

/** `ladder.informal_manager`: an IC-track person with direct reports. */
function checkInformalManagers(ctx: AnalysisContext): void {
  const { graph } = ctx;
  const { flags, levelIndex } = getRecordColumns(graph);
  const levels = getLevelFacts(ctx);
  for (let i = 0; i < graph.n; i++) {
    // A manager is a non-aggregate with direct reports.
    if (!(flags[i] & MANAGER) || levels.track[levelIndex[i]] !== IC) continue;
    const info = levels.info[levelIndex[i]]!;
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
  const { flags, levelIndex } = getRecordColumns(graph);
  const levels = getLevelFacts(ctx);
  for (let i = 0; i < graph.n; i++) {
    // Neither an aggregate nor a manager: a non-aggregate with no direct reports.
    if (flags[i] & (AGGREGATE | MANAGER) || levels.track[levelIndex[i]] !== MANAGER_TRACK) continue;
    const p = graph.records[i];
    const info = levels.info[levelIndex[i]]!;
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

/**
 * `ladder.no_senior_in_team`: a team with enough ICs and none at or above the senior rank. ICs are
 * counted without building lists; the list is built for the teams that get a finding. Seniority
 * needs levels: when no counted IC of any team has a level on the ladder (e.g. GitLab's team page
 * has no level column), the check says once that it was skipped instead of flagging every team.
 */
function checkNoSeniorInTeams(ctx: AnalysisContext): void {
  const { graph, policy } = ctx;
  const { childOffsets } = graph;
  const { flags, status, levelIndex } = getRecordColumns(graph);
  const { track, rank } = getLevelFacts(ctx);
  const index = getTeamIndex(graph, ctx.org.teams);
  const { teams, memberList, memberOffsets } = index;
  const { seniorRank } = policy;
  const flagged: number[] = [];
  let levelled = 0;
  let allIcs = 0;
  for (let t = 0; t < teams.length; t++) {
    if (!index.isTeam[t]) continue;
    const s = index.slotOfTeam[t];
    const manager = index.managerOf[t];
    let ics = 0;
    let seniors = 0;
    for (let k = memberOffsets[s]; k < memberOffsets[s + 1]; k++) {
      const i = memberList[k];
      if (flags[i] & AGGREGATE || status[i] === LEAVING || i === manager) continue;
      if (childOffsets[i + 1] > childOffsets[i]) continue;
      ics++;
      const lv = levelIndex[i];
      if (track[lv] === NONE) continue;
      levelled++;
      if (rank[lv] >= seniorRank) seniors++;
    }
    allIcs += ics;
    if (ics >= policy.teams.noSeniorMinIcs && seniors === 0) flagged.push(t);
  }
  if (flagged.length > 0 && levelled === 0) {
    addSkippedCheck(
      ctx,
      'ladder.no_senior_in_team',
      `none of the ${allIcs} ICs in teams has a level on the ladder, so seniority is unknown (${flagged.length} teams would each have been flagged)`,
      { ics: allIcs, teams: flagged.length },
    );
    return;
  }
  for (const t of flagged) addNoSeniorFinding(ctx, t);
}

function addNoSeniorFinding(ctx: AnalysisContext, t: number): void {
  const { graph, policy } = ctx;
  const index = getTeamIndex(graph, ctx.org.teams);
  const team = index.teams[t];
  const s = index.slotOfTeam[t];
  const manager = index.managerOf[t];
  const seniorLevel = ctx.org.ladder.tracks.ic
    .filter((l) => l.rank >= policy.seniorRank)
    .sort((a, b) => a.rank - b.rank)[0];
  const ics = Array.from(
    index.memberList.subarray(index.memberOffsets[s], index.memberOffsets[s + 1]),
  ).filter((i) => {
    const p = graph.records[i];
    return (
      !p.aggregate &&
      p.status !== 'leaving' &&
      i !== manager &&
      graph.childOffsets[i + 1] === graph.childOffsets[i]
    );
  });
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
 *   A missing or unknown level is not senior. When no counted IC has a level on the ladder, one
 *   `analysis.check_skipped` (info, `data.rule`) replaces the findings.
 */
export function checkPeopleOnLadder(ctx: AnalysisContext): void {
  checkUnknownLevels(ctx);
  checkInversions(ctx);
  checkInformalManagers(ctx);
  checkManagersWithoutReports(ctx);
  checkNoSeniorInTeams(ctx);
}
