import type { TeamReport } from '../schema/report';
import type { AnalysisContext } from './context';
import { FLAG_AGGREGATE, getRecordColumns } from './span-facts';
import type { TeamIndex } from './team-index';

/** Rounds away float noise in sums of FTE and cost. */
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

/**
 * The numbers of each row of the team report, by position in the teams array: headcount, FTE and
 * annual cost (org currency), FTE and cost rounded. They depend on the records and the teams only,
 * so they are computed once per {@link TeamIndex} (itself cached per graph and teams array).
 */
interface RowTotals {
  readonly headcount: Float64Array;
  readonly fte: Float64Array;
  readonly cost: Float64Array;
}

const cache = new WeakMap<TeamIndex, RowTotals>();

/** Own totals of each slot (its members only), summed in record order. */
function getSlotTotals(ctx: AnalysisContext, index: TeamIndex): RowTotals {
  const { n, records } = ctx.graph;
  const { flags } = getRecordColumns(ctx.graph);
  const { slotOf, slots } = index;
  const headcount = new Float64Array(slots);
  const fte = new Float64Array(slots);
  const cost = new Float64Array(slots);
  for (let i = 0; i < n; i++) {
    const s = slotOf[i];
    if (s < 0) continue;
    const p = records[i];
    if (!(flags[i] & FLAG_AGGREGATE)) headcount[s]++;
    fte[s] += p.fte;
    cost[s] += p.cost ?? 0;
  }
  return { headcount, fte, cost };
}

/** Child slots of each slot through `parentId` (a team naming itself aside), in teams order. */
function getChildSlots(index: TeamIndex): { offsets: Int32Array; list: Int32Array } {
  const { teams, slotById, slotOfTeam, slots } = index;
  const parentSlot = new Int32Array(teams.length).fill(-1);
  const offsets = new Int32Array(slots + 1);
  for (let t = 0; t < teams.length; t++) {
    const { parentId, id } = teams[t];
    if (parentId === null || parentId === id) continue;
    const p = slotById.get(parentId);
    if (p === undefined) continue;
    parentSlot[t] = p;
    offsets[p + 1]++;
  }
  for (let s = 0; s < slots; s++) offsets[s + 1] += offsets[s];
  const fill = offsets.slice(0, slots);
  const list = new Int32Array(offsets[slots]);
  for (let t = 0; t < teams.length; t++) if (parentSlot[t] >= 0) list[fill[parentSlot[t]]++] = slotOfTeam[t];
  return { offsets, list };
}

/**
 * Sums a group's own totals and those of every slot below it, each once (a parent cycle is cut
 * where it closes), in the order they are first reached by a depth-first walk popping the last
 * child first (the order float sums were always taken in).
 */
function sumSubtree(
  root: number,
  children: { offsets: Int32Array; list: Int32Array },
  own: RowTotals,
  scratch: { seen: Int32Array; stack: Int32Array; stamp: number },
): [number, number, number] {
  const { seen, stack } = scratch;
  const stamp = ++scratch.stamp;
  let headcount = own.headcount[root];
  let fte = 0 + own.fte[root];
  let cost = 0 + own.cost[root];
  seen[root] = stamp;
  let sp = 0;
  stack[sp++] = root;
  while (sp > 0) {
    const s = stack[--sp];
    for (let k = children.offsets[s]; k < children.offsets[s + 1]; k++) {
      const c = children.list[k];
      if (seen[c] === stamp) continue;
      seen[c] = stamp;
      stack[sp++] = c;
      headcount += own.headcount[c];
      fte += own.fte[c];
      cost += own.cost[c];
    }
  }
  return [headcount, fte, cost];
}

function computeRowTotals(ctx: AnalysisContext, index: TeamIndex): RowTotals {
  const own = getSlotTotals(ctx, index);
  const { teams, slotOfTeam, slots } = index;
  const headcount = new Float64Array(teams.length);
  const fte = new Float64Array(teams.length);
  const cost = new Float64Array(teams.length);
  let children: { offsets: Int32Array; list: Int32Array } | undefined;
  const scratch = { seen: new Int32Array(slots), stack: new Int32Array(slots), stamp: 0 };
  for (let t = 0; t < teams.length; t++) {
    const s = slotOfTeam[t];
    if (teams[t].kind !== 'group') {
      headcount[t] = own.headcount[s];
      fte[t] = round6(own.fte[s]);
      cost[t] = round6(own.cost[s]);
      continue;
    }
    children ??= getChildSlots(index);
    const sum = sumSubtree(s, children, own, scratch);
    headcount[t] = sum[0];
    fte[t] = round6(sum[1]);
    cost[t] = round6(sum[2]);
  }
  return { headcount, fte, cost };
}

/**
 * One {@link TeamReport} row per entry of `org.teams`, in order (see `analyzeTeams` for what the
 * numbers count). The numbers are cached per team index; the rows are new objects every call.
 */
export function getTeamRows(ctx: AnalysisContext, index: TeamIndex): TeamReport[] {
  let totals = cache.get(index);
  if (!totals) {
    totals = computeRowTotals(ctx, index);
    cache.set(index, totals);
  }
  const { ids, names, kinds, types, parentIds, managerIds } = index;
  const rows: TeamReport[] = new Array(ids.length);
  for (let t = 0; t < ids.length; t++) {
    rows[t] = {
      id: ids[t],
      name: names[t],
      kind: kinds[t],
      type: types[t],
      parentId: parentIds[t],
      managerId: managerIds[t],
      headcount: totals.headcount[t],
      fte: totals.fte[t],
      cost: totals.cost[t],
    };
  }
  return rows;
}
