import { headcountWeight, type OrgGraph } from '../graph/org-graph';
import type { TeamReport } from '../schema/report';
import type { Team } from '../schema/team';
import { type AnalysisContext, addFinding, describePerson } from './context';

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

/** Rounds away float noise in sums of FTE and cost. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

interface Totals {
  headcount: number;
  fte: number;
  cost: number;
}

function getOwnTotals(ctx: AnalysisContext, members: Map<string, number[]>): Map<string, Totals> {
  const out = new Map<string, Totals>();
  for (const [teamId, list] of members) {
    const t: Totals = { headcount: 0, fte: 0, cost: 0 };
    for (const i of list) {
      const p = ctx.graph.records[i];
      if (!p.aggregate) t.headcount++;
      t.fte += p.fte;
      t.cost += p.cost ?? 0;
    }
    out.set(teamId, t);
  }
  return out;
}

/** Ids of a group and every team or group below it (through `parentId`), each once, cycles cut. */
function getSubtreeIds(rootId: string, childrenOf: Map<string, string[]>): string[] {
  const seen = new Set<string>([rootId]);
  const stack = [rootId];
  while (stack.length > 0) {
    for (const c of childrenOf.get(stack.pop()!) ?? []) {
      if (seen.has(c)) continue;
      seen.add(c);
      stack.push(c);
    }
  }
  return [...seen];
}

function getTeamRows(ctx: AnalysisContext, members: Map<string, number[]>): TeamReport[] {
  const own = getOwnTotals(ctx, members);
  const childrenOf = new Map<string, string[]>();
  for (const t of ctx.org.teams) {
    if (t.parentId === null || t.parentId === t.id) continue;
    const list = childrenOf.get(t.parentId);
    if (list) list.push(t.id);
    else childrenOf.set(t.parentId, [t.id]);
  }
  return ctx.org.teams.map((team) => {
    const ids = team.kind === 'group' ? getSubtreeIds(team.id, childrenOf) : [team.id];
    const sum: Totals = { headcount: 0, fte: 0, cost: 0 };
    for (const id of ids) {
      const t = own.get(id);
      if (!t) continue;
      sum.headcount += t.headcount;
      sum.fte += t.fte;
      sum.cost += t.cost;
    }
    return {
      id: team.id,
      name: team.name,
      kind: team.kind,
      type: team.type,
      parentId: team.parentId,
      managerId: team.managerId,
      headcount: sum.headcount,
      fte: round6(sum.fte),
      cost: round6(sum.cost),
    };
  });
}

/** `team.no_manager`; returns the manager's record index, or -1. */
function checkManager(ctx: AnalysisContext, team: Team): number {
  const m = team.managerId === null ? undefined : ctx.graph.indexOf.get(team.managerId);
  if (m !== undefined) return m;
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
  return -1;
}

/** `team.size_small` / `team.size_large`: members plus the manager, leaving people excluded. */
function checkSize(ctx: AnalysisContext, team: Team, list: number[], manager: number): void {
  const { minSize, maxSize } = ctx.policy.teams;
  const records = ctx.graph.records;
  const counted = list.filter((i) => records[i].status !== 'leaving');
  let size = counted.reduce((s, i) => s + headcountWeight(records[i]), 0);
  const managerOutside = manager >= 0 && records[manager].teamId !== team.id;
  if (managerOutside && records[manager].status !== 'leaving') size++;
  if (size >= minSize && size <= maxSize) return;
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

/** `team.split_reporting`: members report to more than one manager outside the team. */
function checkSplitReporting(ctx: AnalysisContext, team: Team, list: number[], manager: number): void {
  const { records, parent } = ctx.graph;
  const byManager = new Map<number, number[]>();
  for (const i of list) {
    const p = parent[i];
    if (i === manager || p < 0 || p === manager || records[p].teamId === team.id) continue;
    const reports = byManager.get(p);
    if (reports) reports.push(i);
    else byManager.set(p, [i]);
  }
  if (byManager.size <= 1) return;
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
function checkCognitiveLoad(ctx: AnalysisContext, team: Team): void {
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
  if (reasons.length === 0) return;
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

/** `org.no_platform`: many engineers in stream-aligned teams and no platform team. */
function checkNoPlatform(ctx: AnalysisContext, members: Map<string, number[]>): void {
  const teams = ctx.org.teams.filter((t) => t.kind === 'team');
  if (teams.some((t) => t.type === 'platform')) return;
  const streamTeams = teams.filter((t) => t.type === 'stream-aligned');
  const records = ctx.graph.records;
  let engineers = 0;
  for (const t of streamTeams)
    for (const i of members.get(t.id) ?? [])
      if (!records[i].aggregate && records[i].status !== 'leaving') engineers++;
  const limit = ctx.policy.teams.noPlatformEngineers;
  if (engineers <= limit) return;
  addFinding(
    ctx,
    'org.no_platform',
    { kind: 'org', id: ctx.org.id },
    `${engineers} engineers work in ${streamTeams.length} stream-aligned teams (more than ${limit}) and there is no platform team.`,
    'Form a platform team that owns what the stream-aligned teams each rebuild (build, deployment, observability, shared services) and offers it as x-as-a-service.',
    { engineers, threshold: limit, streamAlignedTeamIds: streamTeams.map((t) => t.id) },
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
 *   of stream-aligned teams, and no team of type `platform`.
 */
export function analyzeTeams(ctx: AnalysisContext): TeamReport[] {
  const members = getTeamMembers(ctx.graph);
  const rows = getTeamRows(ctx, members);
  for (const team of ctx.org.teams) {
    if (team.kind !== 'team') continue;
    const list = members.get(team.id) ?? [];
    const manager = checkManager(ctx, team);
    checkSize(ctx, team, list, manager);
    checkSplitReporting(ctx, team, list, manager);
    checkCognitiveLoad(ctx, team);
  }
  checkNoPlatform(ctx, members);
  return rows;
}
