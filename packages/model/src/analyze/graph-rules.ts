import type { OrgGraph } from '../graph/org-graph';
import { idMatchKey } from '../import/normalize-ids';
import type { Person } from '../schema/person';
import { type AnalysisContext, addFinding, describePerson } from './context';

/** At most this many people are named in one message; `data` always carries every id. */
const NAMED_MAX = 10;

/**
 * `a`, `a and b`, `a, b and c`; past `max` names, the first `max` and "and N more", where N counts
 * up to `total` (for lists whose names were only built for the first few).
 */
export function listNames(names: readonly string[], total = names.length, max = NAMED_MAX): string {
  const shown = names.slice(0, max);
  if (total > shown.length) return `${shown.join(', ')} and ${total - shown.length} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** How a row of `org.people` is named: `row 3 (Ann Lee)`, 1-based. */
function describeRow(people: readonly Person[], row: number): string {
  const p = people[row];
  const label = p.name ?? p.title;
  return label ? `row ${row + 1} (${label})` : `row ${row + 1}`;
}

function checkDuplicates(ctx: AnalysisContext): void {
  const people = ctx.org.people;
  for (const { id, rows } of ctx.graph.duplicates) {
    const kept = rows[rows.length - 1];
    const dropped = rows.slice(0, -1);
    addFinding(
      ctx,
      'graph.duplicate_id',
      { kind: 'person', id },
      `Id '${id}' is used by ${rows.length} records: ${listNames(rows.map((r) => describeRow(people, r)))}. ` +
        `The last, row ${kept + 1}, is kept; ${listNames(dropped.map((r) => `row ${r + 1}`))} ${dropped.length === 1 ? 'is' : 'are'} left out of the analysis.`,
      `Give each person a unique id, or delete the duplicate ${dropped.length === 1 ? 'row' : 'rows'} if ${dropped.length === 1 ? 'it is' : 'they are'} stale.`,
      { id, rows: rows.map((r) => r + 1), keptRow: kept + 1 },
    );
  }
}

function checkSelfReports(ctx: AnalysisContext): void {
  for (const i of ctx.graph.selfReports) {
    const who = describePerson(ctx, i);
    const id = ctx.graph.records[i].id;
    addFinding(
      ctx,
      'graph.self_report',
      { kind: 'person', id },
      `${who} reports to themselves (managerId '${id}'); they are treated as a top person.`,
      `Set the managerId of ${who} to their real manager, or clear it if they head the org.`,
      { id, row: ctx.graph.rowOf[i] + 1 },
    );
  }
}

/**
 * Records whose id equals a dangling manager id but for case or leading zeros ({@link idMatchKey}),
 * by that key. Only ids that could match (of a wanted length, or starting with a zero) are keyed,
 * so the scan stays cheap on large orgs.
 */
function findNearMatches(ctx: AnalysisContext): Map<string, number[]> {
  const { graph } = ctx;
  const matches = new Map<string, number[]>();
  const lengths = new Set<number>();
  for (const i of graph.dangling) {
    const key = idMatchKey(graph.records[i].managerId as string);
    matches.set(key, []);
    lengths.add(key.length);
  }
  for (let i = 0; i < graph.n; i++) {
    const id = graph.records[i].id;
    if (!lengths.has(id.length) && id[0] !== '0') continue;
    const found = matches.get(idMatchKey(id));
    if (found && found.length < 2) found.push(i);
  }
  return matches;
}

/** How a near match differs: in case, in leading zeros, or both. */
function howDiffers(missing: string, near: string): string {
  const strip = (id: string) => id.replace(/^0+(?=.)/, '');
  const zeros = missing.length - strip(missing).length !== near.length - strip(near).length;
  const cased = strip(missing) !== strip(near);
  if (zeros && cased) return 'Ids are case-sensitive and leading zeros count';
  return zeros ? 'Leading zeros count in ids' : 'Ids are case-sensitive';
}

function checkDangling(ctx: AnalysisContext): void {
  const { graph } = ctx;
  if (graph.dangling.length === 0) return;
  const near = findNearMatches(ctx);
  for (const i of graph.dangling) {
    const p = graph.records[i];
    const missing = p.managerId as string;
    const match = near.get(idMatchKey(missing))?.find((j) => j !== i);
    const who = describePerson(ctx, i);
    const data: Record<string, unknown> = { id: p.id, managerId: missing, row: graph.rowOf[i] + 1 };
    let hint = '';
    let fix = `Add the manager '${missing}' to the data, or correct the managerId of ${who}.`;
    if (match !== undefined) {
      const nearId = graph.records[match].id;
      data.nearMatch = nearId;
      const name = graph.records[match].name;
      hint = ` Did you mean '${nearId}'${name ? ` (${name})` : ''}? ${howDiffers(missing, nearId)}.`;
      fix = `Change the managerId of ${who} from '${missing}' to '${nearId}' (or import with the option to normalise ids, which does it for every such id).`;
    }
    addFinding(
      ctx,
      'graph.dangling_manager',
      { kind: 'person', id: p.id },
      `${who} reports to '${missing}', which matches no record; they are treated as a top person.${hint}`,
      fix,
      data,
    );
  }
}

/** One info finding counting the manager ids the import rewrote (`org.importNotes.normalizedIds`). */
function reportNormalizedIds(ctx: AnalysisContext): void {
  const changes = ctx.org.importNotes?.normalizedIds ?? [];
  if (changes.length === 0) return;
  const examples = listNames(
    changes.slice(0, 3).map((c) => `'${c.from}' → '${c.to}'`),
    changes.length,
    3,
  );
  addFinding(
    ctx,
    'graph.ids_normalized',
    { kind: 'org', id: ctx.org.id },
    `${changes.length} manager ${changes.length === 1 ? 'id was' : 'ids were'} read as the record ${changes.length === 1 ? 'it differs' : 'they differ'} from only in case or leading zeros: ${examples}.`,
    'Check the source system writes ids one way; nothing to do in reorg.',
    { count: changes.length, ids: changes.map((c) => c.id), changes },
  );
}

/** One info finding counting the people the import left out as already gone (`org.importNotes.terminatedIds`). */
function reportTerminated(ctx: AnalysisContext): void {
  const ids = ctx.org.importNotes?.terminatedIds ?? [];
  if (ids.length === 0) return;
  addFinding(
    ctx,
    'graph.terminated_left_out',
    { kind: 'org', id: ctx.org.id },
    `${ids.length} ${ids.length === 1 ? 'person who has' : 'people who have'} left (a terminated status, or a termination date on or before ${ctx.org.asOf}) ${ids.length === 1 ? 'was' : 'were'} left out of the org: ${listNames(ids.slice(0, 5), ids.length, 5)}.`,
    'Nothing to do; export active people only if you do not want them counted here. Anyone still reporting to them is a graph.dangling_manager.',
    { count: ids.length, ids },
  );
}

function checkCycles(ctx: AnalysisContext): void {
  for (const cycle of ctx.graph.cycles) {
    const ids = cycle.map((i) => ctx.graph.records[i].id);
    const names = cycle.map((i) => describePerson(ctx, i));
    const loop =
      names.length > NAMED_MAX * 2
        ? `${names.slice(0, NAMED_MAX * 2).join(' → ')} → … (${names.length - NAMED_MAX * 2} more)`
        : names.join(' → ');
    addFinding(
      ctx,
      'graph.cycle',
      { kind: 'person', id: ids[0] },
      `Reporting loop of ${names.length} people: ${loop} → back to ${names[0]} (each reports to the next). ` +
        'They and anyone below them get no layer.',
      `Break the loop: set the managerId of one of them (e.g. ${names[0]}) to someone outside it, or clear it if they head the org.`,
      { ids, length: ids.length },
    );
  }
}

/** True when record `p` names no manager at all (not a dangling or self id). */
const hasNoManager = (p: Person) => p.managerId === null || p.managerId === undefined;

/**
 * People (not aggregates) with no manager id at all, split into the heads of the org and the
 * `leaving` ones (e.g. UK "Eliminated" posts, which organograms list at the top with "XX"). A
 * leaving record is a head only when every such person is leaving (then they all are heads).
 * Records whose manager id is dangling or their own also sit at the top of the graph index, but
 * they are defects with findings of their own, not heads.
 */
export function getTopSplit(graph: OrgGraph): { heads: number[]; leaving: number[] } {
  const heads: number[] = [];
  const leaving: number[] = [];
  for (let k = 0; k < graph.roots.length; k++) {
    const i = graph.roots[k];
    const p = graph.records[i];
    if (p.aggregate || !hasNoManager(p)) continue;
    if (p.status === 'leaving') leaving.push(i);
    else heads.push(i);
  }
  return heads.length === 0 ? { heads: leaving, leaving: [] } : { heads, leaving };
}

/**
 * The heads of the org: people (not aggregates) with no manager id, leaving people aside unless
 * everyone at the top is leaving (see {@link getTopSplit}).
 */
export function getTopPeople(graph: OrgGraph): number[] {
  return getTopSplit(graph).heads;
}

/** One lister of many subjects: the first {@link NAMED_MAX} described, every id in `ids`. */
function describeMany(ctx: AnalysisContext, list: readonly number[]): { named: string; ids: string[] } {
  const named = listNames(
    list.slice(0, NAMED_MAX).map((i) => describePerson(ctx, i)),
    list.length,
  );
  return { named, ids: list.map((i) => ctx.graph.records[i].id) };
}

/**
 * Aggregates of posts with no manager id (e.g. a blank UK "Reporting Senior Post"): posts always
 * sit under someone. One cause, many rows: one `graph.dangling_manager` finding for all of them,
 * every id in `data.ids` and every row (1-based) in `data.rows`.
 */
function checkOrphanAggregates(ctx: AnalysisContext): void {
  const { graph } = ctx;
  const orphans: number[] = [];
  for (let k = 0; k < graph.roots.length; k++) {
    const p = graph.records[graph.roots[k]];
    if (p.aggregate && hasNoManager(p)) orphans.push(graph.roots[k]);
  }
  if (orphans.length === 0) return;
  const { named, ids } = describeMany(ctx, orphans);
  const fte = Math.round(orphans.reduce((s, i) => s + graph.records[i].fte, 0) * 100) / 100;
  const one = orphans.length === 1;
  addFinding(
    ctx,
    'graph.dangling_manager',
    { kind: 'org', id: ctx.org.id },
    `${orphans.length} ${one ? 'record of posts names' : 'records of posts name'} no manager (${fte} FTE in all): ${named}. ` +
      `${one ? 'These posts report' : 'Their posts report'} to nobody, so they sit at the top of the org.`,
    `Set the reporting post (the manager) of ${one ? 'this record' : 'each of these records'} in the source file, e.g. the senior post that heads their unit.`,
    { count: orphans.length, fte, ids, rows: orphans.map((i) => graph.rowOf[i] + 1), managerId: null },
  );
}

/**
 * Leaving people with no manager (UK "Eliminated" posts are listed at the top): they are not
 * heads of the org, so one `graph.leaving_at_top` info finding lists them instead of each
 * counting as a top person.
 */
function checkLeavingAtTop(ctx: AnalysisContext): void {
  const { leaving } = getTopSplit(ctx.graph);
  if (leaving.length === 0) return;
  const { named, ids } = describeMany(ctx, leaving);
  const one = leaving.length === 1;
  addFinding(
    ctx,
    'graph.leaving_at_top',
    { kind: 'org', id: ctx.org.id },
    `${leaving.length} leaving ${one ? 'record has' : 'records have'} no manager: ${named}. ` +
      `${one ? 'It is' : 'They are'} not counted as ${one ? 'a head' : 'heads'} of the org (people at the top).`,
    'Nothing to do if these posts are being removed (e.g. "Eliminated" in an organogram); otherwise give each the manager it reports to until it goes.',
    { count: leaving.length, ids },
  );
}

function checkRoots(ctx: AnalysisContext): void {
  const { graph } = ctx;
  const roots = getTopPeople(graph);
  const count = roots.length;
  if (count <= 1) return;
  const ids = roots.map((i) => graph.records[i].id);
  const { named } = describeMany(ctx, roots);
  addFinding(
    ctx,
    'graph.multiple_roots',
    { kind: 'org', id: ctx.org.id },
    `The org has ${count} people at the top (no manager) instead of one: ${named}.`,
    'Give every top person except the head of the org a manager, or add the head of the org they all report to.',
    { count, roots: ids },
  );
}

/**
 * Checks the structure of the reporting graph (DOMAIN.md "Structure of the reporting graph"):
 * one `graph.duplicate_id` per repeated id (rows 1-based, the last kept), one
 * `graph.self_report` and `graph.dangling_manager` per record (naming an id that differs only in
 * case or leading zeros), one `graph.dangling_manager` for all the aggregates of posts with no
 * manager (`data.ids`), one `graph.cycle` per reporting loop, one `graph.leaving_at_top` (info)
 * for all leaving people with no manager, and one `graph.multiple_roots` warning when more than
 * one person heads the org (see {@link getTopPeople}).
 */
export function checkGraph(ctx: AnalysisContext): void {
  checkDuplicates(ctx);
  checkSelfReports(ctx);
  checkDangling(ctx);
  reportNormalizedIds(ctx);
  reportTerminated(ctx);
  checkOrphanAggregates(ctx);
  checkCycles(ctx);
  checkLeavingAtTop(ctx);
  checkRoots(ctx);
}
