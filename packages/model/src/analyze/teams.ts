import type { OrgGraph } from '../graph/org-graph';
import type { TeamReport } from '../schema/report';
import type { Team } from '../schema/team';
import { type AnalysisContext, addFinding, addSkippedCheck, describePerson } from './context';
import { type EngineeringTeams, getEngineeringTeams } from './engineering-teams';
import { FLAG_AGGREGATE, getRecordColumns, STATUS_LEAVING } from './span-facts';
import { TYPE_PLATFORM, TYPE_STREAM_ALIGNED } from './team-columns';
import { getTeamIndex, type TeamIndex } from './team-index';
import { getTeamRows } from './team-rows';

// Local copies of imported constants: runners turn imported bindings into getters in hot loops.
const AGGREGATE = FLAG_AGGREGATE;
const LEAVING = STATUS_LEAVING;
const PLATFORM = TYPE_PLATFORM;
const STREAM_ALIGNED = TYPE_STREAM_ALIGNED;

/**
 * Members of each team: team id → indices into `graph.records` of the records whose `teamId` is
 * that id (every status, aggregates included), in record order. Teams with no member are absent.
 */
export function getTeamMembers(graph: OrgGraph): Map<string, number[]> {
  const members = new Map<string, number[]>();
  graph.records.forEach((p, i) => {
    if (p.teamId === null || p.teamId === undefined) return;
    const list = members.get(p.teamId);
    if (list) list.push(i);
    else members.set(p.teamId, [i]);
  });
  return members;
}

/** How a team is named in messages: `Payments (t1)`, or the id when the name is the id. */
export function describeTeam(team: Pick<Team, 'id' | 'name'>): string {
  return team.name === team.id ? team.id : `${team.name} (${team.id})`;
}

/** `a, b, c`; beyond `max` names: `a, b, … and 3 more`. */
export function formatNameList(names: readonly string[], max = 10): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} and ${names.length - max} more`;
}

/** `1 person`, `3 people`; the plural defaults to the word plus `s`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** `team.no_manager`: the team's `managerId` is null or matches no record. */
function addNoManagerFinding(ctx: AnalysisContext, team: Team): void {
  const name = describeTeam(team);
  const message =
    team.managerId === null
      ? `Team ${name} has no manager.`
      : `Team ${name} names manager ${team.managerId}, who matches no record.`;
  addFinding(
    ctx,
    'team.no_manager',
    { kind: 'team', id: team.id },
    message,
    `Set the manager of ${name} to the id of its engineering manager or lead.`,
    { managerId: team.managerId },
  );
}

/** The members of slot `s` as a fresh array of record indices (for the messages of findings). */
function getMembers(index: TeamIndex, s: number): number[] {
  return Array.from(index.memberList.subarray(index.memberOffsets[s], index.memberOffsets[s + 1]));
}

/** `team.size_small` / `team.size_large`: members plus the manager, leaving people excluded. */
function checkSize(ctx: AnalysisContext, index: TeamIndex, t: number, manager: number): void {
  const { minSize, maxSize } = ctx.policy.teams;
  const { status, flags } = getRecordColumns(ctx.graph);
  const { records } = ctx.graph;
  const { memberList, memberOffsets } = index;
  const s = index.slotOfTeam[t];
  let size = 0;
  for (let k = memberOffsets[s]; k < memberOffsets[s + 1]; k++) {
    const i = memberList[k];
    if (status[i] !== LEAVING) size += flags[i] & AGGREGATE ? Math.ceil(records[i].fte) : 1;
  }
  if (manager >= 0 && index.slotOf[manager] !== s && status[manager] !== LEAVING) size++;
  if (size >= minSize && size <= maxSize) return;
  addSizeFinding(ctx, index.teams[t], getMembers(index, s), manager, size);
}

function addSizeFinding(
  ctx: AnalysisContext,
  team: Team,
  list: number[],
  manager: number,
  size: number,
): void {
  const { minSize, maxSize } = ctx.policy.teams;
  const records = ctx.graph.records;
  const counted = list.filter((i) => records[i].status !== 'leaving');
  const small = size < minSize;
  const name = describeTeam(team);
  const leaving = list.filter((i) => records[i].status === 'leaving').map((i) => records[i].id);
  const leavingNote = leaving.length > 0 ? ` (${leaving.length} leaving not counted)` : '';
  addFinding(
    ctx,
    small ? 'team.size_small' : 'team.size_large',
    { kind: 'team', id: team.id },
    `Team ${name} has ${plural(size, 'person', 'people')}, ${manager >= 0 ? 'manager included' : 'and no manager'}${leavingNote}: ${small ? 'fewer' : 'more'} than the ${minSize}–${maxSize} a team works best with.`,
    small
      ? `Grow ${name} to at least ${minSize} (${minSize - size} more), or merge it with a team it works closely with.`
      : `Split ${name} into teams of ${minSize}–${maxSize} around separate streams or domains, or move ${plural(size - maxSize, 'person', 'people')} to other teams.`,
    {
      size,
      min: minSize,
      max: maxSize,
      memberIds: counted.map((i) => records[i].id),
      managerId: team.managerId,
      leavingIds: leaving,
    },
  );
}

/**
 * `team.split_reporting`: members report to more than one manager outside the team. Scans for a
 * second outside manager first, and only then groups the members by manager.
 */
function checkSplitReporting(ctx: AnalysisContext, index: TeamIndex, t: number, manager: number): void {
  const { parent } = ctx.graph;
  const { memberList, memberOffsets, slotOf } = index;
  const s = index.slotOfTeam[t];
  let first = -1;
  for (let k = memberOffsets[s]; k < memberOffsets[s + 1]; k++) {
    const i = memberList[k];
    const p = parent[i];
    if (i === manager || p < 0 || p === manager || slotOf[p] === s) continue;
    if (first < 0) first = p;
    else if (p !== first) {
      addSplitFinding(ctx, index, t, manager);
      return;
    }
  }
}

function addSplitFinding(ctx: AnalysisContext, index: TeamIndex, t: number, manager: number): void {
  const { records, parent } = ctx.graph;
  const team = index.teams[t];
  const s = index.slotOfTeam[t];
  const byManager = new Map<number, number[]>();
  for (const i of getMembers(index, s)) {
    const p = parent[i];
    if (i === manager || p < 0 || p === manager || index.slotOf[p] === s) continue;
    const reports = byManager.get(p);
    if (reports) reports.push(i);
    else byManager.set(p, [i]);
  }
  const name = describeTeam(team);
  const lines = [...byManager].map(
    ([m, reports]) =>
      `${describePerson(ctx, m)} manages ${formatNameList(reports.map((i) => describePerson(ctx, i)))}`,
  );
  addFinding(
    ctx,
    'team.split_reporting',
    { kind: 'team', id: team.id },
    `Members of ${name} report to ${byManager.size} managers who are neither its manager nor in it: ${lines.join('; ')}.`,
    manager >= 0
      ? `Have the members of ${name} report to its manager ${describePerson(ctx, manager)}, or record the other lines as dotted lines if the matrix is deliberate.`
      : `Give ${name} one manager and have its members report to them, or record the other lines as dotted lines.`,
    {
      managerIds: [...byManager.keys()].map((m) => records[m].id),
      byManager: Object.fromEntries(
        [...byManager].map(([m, r]) => [records[m].id, r.map((i) => records[i].id)]),
      ),
    },
  );
}

/** `team.cognitive_load`: too many domains, a complex domain with others, or two complicated ones. */
function checkCognitiveLoad(ctx: AnalysisContext, index: TeamIndex, t: number): void {
  const { maxDomains } = ctx.policy.teams;
  const domains = index.domains[t];
  const overloaded =
    domains > maxDomains || (index.complexDomains[t] > 0 && domains > 1) || index.complicatedDomains[t] >= 2;
  if (overloaded) addCognitiveLoadFinding(ctx, index.teams[t]);
}

function addCognitiveLoadFinding(ctx: AnalysisContext, team: Team): void {
  const { maxDomains } = ctx.policy.teams;
  const domains = team.domains;
  const complex = domains.filter((d) => d.complexity === 'complex').map((d) => d.name);
  const complicated = domains.filter((d) => d.complexity === 'complicated').map((d) => d.name);
  const reasons: string[] = [];
  if (domains.length > maxDomains) reasons.push(`${domains.length} domains, more than ${maxDomains}`);
  if (complex.length > 0 && domains.length > 1)
    reasons.push(
      `a complex domain (${complex.join(', ')}) alongside ${plural(domains.length - 1, 'other domain')}`,
    );
  if (complicated.length >= 2)
    reasons.push(`${complicated.length} complicated domains (${complicated.join(', ')})`);
  const name = describeTeam(team);
  addFinding(
    ctx,
    'team.cognitive_load',
    { kind: 'team', id: team.id },
    `${name} carries too much cognitive load: ${reasons.join('; ')}.`,
    `Move domains out of ${name} until it owns at most ${maxDomains}, a complex domain alone and at most one complicated one; a complicated subsystem can go to a complicated-subsystem team.`,
    { domains: domains.map((d) => d.name), count: domains.length, maxDomains, complex, complicated },
  );
}

/** Non-aggregate, non-leaving members of the stream-aligned teams for which `counts(t)` holds. */
function countStreamMembers(ctx: AnalysisContext, index: TeamIndex, counts: (t: number) => boolean): number {
  const { teams, slotOfTeam, memberList, memberOffsets, isTeam, type } = index;
  const { status, flags } = getRecordColumns(ctx.graph);
  let members = 0;
  for (let t = 0; t < teams.length; t++) {
    if (!isTeam[t] || type[t] !== STREAM_ALIGNED || !counts(t)) continue;
    const s = slotOfTeam[t];
    for (let k = memberOffsets[s]; k < memberOffsets[s + 1]; k++) {
      const i = memberList[k];
      if (!(flags[i] & AGGREGATE) && status[i] !== LEAVING) members++;
    }
  }
  return members;
}

/** How {@link checkNoPlatform} decided which teams are engineering teams, for its message. */
function describeBasis(eng: EngineeringTeams, counted: number): string {
  if (eng.basis === 'team-type') return 'every team counted as engineering, since the org types its teams';
  const parts: string[] = [];
  if (eng.byName > 0) parts.push(`${plural(eng.byName, 'team')} by team or department name`);
  if (eng.byTitle > 0) parts.push(`${plural(eng.byTitle, 'team')} by members' job titles`);
  return `engineering teams read from the data: ${parts.join(', ')}; ${plural(counted, 'stream-aligned team')} counted`;
}

/**
 * `org.no_platform`: many engineers in stream-aligned engineering teams and no platform team.
 * Engineering teams come from {@link getEngineeringTeams}; when the data shows none, but the rule
 * would have fired counting every team, it is skipped and said once (`analysis.check_skipped`).
 */
function checkNoPlatform(ctx: AnalysisContext, index: TeamIndex): void {
  const { teams, isTeam, type } = index;
  for (let t = 0; t < teams.length; t++) if (isTeam[t] && type[t] === PLATFORM) return;
  const limit = ctx.policy.teams.noPlatformEngineers;
  const eng = getEngineeringTeams(ctx, index);
  const engineers = countStreamMembers(ctx, index, (t) => eng.isEngineering[t] === 1);
  if (engineers <= limit) {
    const everyone = eng.basis === 'keywords' ? countStreamMembers(ctx, index, () => true) : 0;
    if (eng.byName + eng.byTitle === 0 && everyone > limit)
      addSkippedCheck(
        ctx,
        'org.no_platform',
        `no team is an engineering team by team type, team or department name, or job titles (${everyone} people in stream-aligned teams were not counted as engineers)`,
        { people: everyone },
      );
    return;
  }
  const streamTeams = teams.filter(
    (t, k) => t.kind === 'team' && t.type === 'stream-aligned' && eng.isEngineering[k] === 1,
  );
  const basis = describeBasis(eng, streamTeams.length);
  addFinding(
    ctx,
    'org.no_platform',
    { kind: 'org', id: ctx.org.id },
    `${engineers} engineers work in ${streamTeams.length} stream-aligned teams (more than ${limit}) and there is no platform team (${basis}).`,
    'Form a platform team that owns what the stream-aligned teams each rebuild (build, deployment, observability, shared services) and offers it as x-as-a-service.',
    {
      engineers,
      threshold: limit,
      streamAlignedTeamIds: streamTeams.map((t) => t.id),
      basis: eng.basis,
      ...(eng.basis === 'keywords' ? { teamsByName: eng.byName, teamsByTitle: eng.byTitle } : {}),
    },
  );
}

/**
 * One {@link TeamReport} row per team and per group, in `org.teams` order, and the team findings.
 *
 * Rows: `headcount` counts the non-aggregate records whose `teamId` is the team (every status);
 * `fte` sums FTE, aggregates included; `cost` sums `cost`, annual in the org's currency. A group's
 * row sums its own members and those of every team and group below it through `parentId`, each
 * once (a parent cycle is cut where it closes).
 *
 * Findings (on `kind: 'team'` only, never groups), with numbers from `ctx.policy.teams`:
 * - `team.size_small` / `team.size_large`: size outside `minSize`–`maxSize` (5–9, Team Topologies).
 *   Size = members plus the team's manager when they are not a member; an aggregate counts as its
 *   FTE rounded up; `leaving` people (manager included) are not counted, since the team is about to
 *   lose them; `open` and `planned` positions are.
 * - `team.no_manager`: `managerId` null or matching no record.
 * - `team.split_reporting`: members (the team's manager aside) report to more than one distinct
 *   manager who is neither the team's manager nor a member.
 * - `team.cognitive_load`: more than `maxDomains` (3) domains; a complex domain plus any other; or
 *   two or more complicated domains.
 * - `org.no_platform`: more than `noPlatformEngineers` (20, EL26) non-aggregate, non-leaving members
 *   of stream-aligned engineering teams ({@link getEngineeringTeams}: every team when the org uses
 *   team types, else teams whose name, department or members' titles say engineering), and no team
 *   of type `platform`; `data.basis` and the message say how the teams were chosen. With no
 *   engineering team in data that would otherwise trip it, one `analysis.check_skipped` instead.
 */
export function analyzeTeams(
  ctx: AnalysisContext,
  { reportingLines = true }: { reportingLines?: boolean } = {},
): TeamReport[] {
  const index = getTeamIndex(ctx.graph, ctx.org.teams);
  const rows = getTeamRows(ctx, index);
  const { teams, managerOf, isTeam } = index;
  const members = reportingLines || ctx.org.people.length > 0;
  for (let t = 0; t < teams.length; t++) {
    if (!isTeam[t]) continue;
    const manager = managerOf[t];
    if (reportingLines && manager < 0) addNoManagerFinding(ctx, teams[t]);
    if (members) checkSize(ctx, index, t, manager);
    if (reportingLines) checkSplitReporting(ctx, index, t, manager);
    checkCognitiveLoad(ctx, index, t);
  }
  checkNoPlatform(ctx, index);
  return rows;
}
