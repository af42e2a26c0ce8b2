import { bench, describe } from 'vitest';
import { analyzeOrg } from '../analyze/analyze-org';
import { getOrgGraph } from '../graph/org-graph';
import { createOrg, type Org } from '../schema/org';
import type { PersonInput } from '../schema/person';
import type { TeamInput } from '../schema/team';
import { applyOp, applyOps } from './apply-ops';
import { createHistory, pushEntry, undo } from './history';
import { opsImmer } from './immer';
import type { OpInput } from './op-schema';

/**
 * Ops on a 10k-person org. Target: a `changeManager` with reports plus `analyzeOrg` of the result
 * ≤ 16 ms median (one frame while dragging). Each iteration applies the op to the same baseline,
 * so the result has a new people array and analyzeOrg builds its graph index cold.
 * Run: `npx vitest bench --run --project model src/ops/ops.bench.ts`.
 */

/** mulberry32: a seeded PRNG, so every run benches the same org. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A reporting tree of `size` people, breadth-first, each manager with 4–8 reports; managers get
 * M5–M7 by depth, ICs L3/L4; each first-line manager leads a team of their reports.
 */
function buildOrg(size: number, seed: number): Org {
  const next = rng(seed);
  const parent = new Int32Array(size).fill(-1);
  const depth = new Int32Array(size);
  const reports = new Int32Array(size);
  let head = 0;
  let left = 4 + Math.floor(next() * 5);
  for (let i = 1; i < size; i++) {
    if (left === 0) {
      head++;
      left = 4 + Math.floor(next() * 5);
    }
    parent[i] = head;
    depth[i] = depth[head] + 1;
    reports[head]++;
    left--;
  }
  const teams: TeamInput[] = [];
  const teamOf = new Map<number, string>();
  for (let i = 0; i < size; i++) {
    if (reports[i] > 0 && (i === size - 1 || reports[i + 1] === 0 || depth[i] >= 3)) {
      const id = `t${teams.length}`;
      teams.push({ id, name: `Team ${teams.length}`, managerId: `p${i}` });
      teamOf.set(i, id);
    }
  }
  const people: PersonInput[] = Array.from({ length: size }, (_, i) => ({
    id: `p${i}`,
    name: `Person ${i}`,
    managerId: parent[i] < 0 ? null : `p${parent[i]}`,
    level: reports[i] > 0 ? `M${Math.max(5, 7 - depth[i])}` : next() < 0.5 ? 'L3' : 'L4',
    teamId: teamOf.get(i) ?? (parent[i] >= 0 ? (teamOf.get(parent[i]) ?? null) : null),
    cost: 100_000 + Math.floor(next() * 100_000),
  }));
  return createOrg({ id: 'bench', name: 'Bench', asOf: '2025-06-30', people, teams });
}

const org = buildOrg(10_000, 7);
// A manager two layers down (with everyone below them) moves under the last manager at that layer.
const mover = org.people.find((p) => p.managerId === 'p1' && org.people.some((q) => q.managerId === p.id))!;
const target = org.people.findLast((p) => p.managerId !== null && p.managerId !== 'p1' && p.level === 'M6')!;
const move: OpInput = { type: 'changeManager', personId: mover.id, managerId: target.id, withReports: true };
const moveAlone: OpInput = { ...move, withReports: false };

function applied(op: OpInput): Org {
  const res = applyOp(org, op);
  if (!res.ok) throw new Error(res.error.message);
  return res.org;
}
applied(move);
applied(moveAlone);

const batch: OpInput[] = org.people
  .filter((p) => p.managerId !== null && p.level?.startsWith('L'))
  .map((p, k) => ({ type: 'changeManager', personId: p.id, managerId: `p${k % 50}` }));
const removeResult = applyOp(org, { type: 'removePerson', personId: mover.id });
const history = removeResult.ok ? pushEntry(createHistory(), removeResult) : createHistory();

describe('ops on a 10k-person org', () => {
  bench(
    'changeManager with reports + analyzeOrg',
    () => {
      analyzeOrg(applied(move));
    },
    { time: 3000, warmupTime: 500 },
  );
  bench('changeManager with reports (applyOp only)', () => {
    applied(move);
  });
  bench('changeManager without reports (reports move up) + analyzeOrg', () => {
    analyzeOrg(applied(moveAlone));
  });
  bench('analyzeOrg alone, graph index cold', () => {
    analyzeOrg({ ...org, people: org.people.slice() });
  });
  bench(`applyOps: a batch of ${batch.length} changeManager ops`, () => {
    applyOps(org, batch);
  });
  bench('removePerson (rewrites the people array)', () => {
    applyOp(org, { type: 'removePerson', personId: mover.id });
  });
  bench('undo of a removePerson', () => {
    if (removeResult.ok) undo(history, removeResult.org);
  });
});

const big = buildOrg(100_000, 11);
const bigMover = big.people.find(
  (p) => p.managerId === 'p7' && big.people.some((q) => q.managerId === p.id),
)!;
const bigTarget = big.people.findLast(
  (p) => p.managerId !== null && p.managerId !== 'p7' && p.level === 'M6',
)!;
const bigMove: OpInput = {
  type: 'changeManager',
  personId: bigMover.id,
  managerId: bigTarget.id,
  withReports: true,
};
const bigRow = big.people.indexOf(bigMover);
// Ten managers two layers down (under p1) move, one by one, under other people at the first layer.
const tenDrops: OpInput[] = big.people
  .filter((p) => p.managerId === 'p1')
  .slice(0, 10)
  .map((p, k) => ({ type: 'changeManager', personId: p.id, managerId: `p${2 + (k % 5)}` }));

/**
 * One drop on a 100k-person org: `applyOps` writes its patches by hand from the rows it touched.
 * Baseline: the same one-record change written through immer's `produceWithPatches` (what
 * `applyOps` did before), whose array patch generation compares every row of the people array.
 */
describe('one drop on a 100k-person org', () => {
  bench('applyOp changeManager with reports (hand-made patches)', () => {
    applyOp(big, bigMove);
  });
  bench('ten drops in a row, each on the result of the last (ids carried over)', () => {
    let current = big;
    for (const op of tenDrops) {
      const r = applyOp(current, op);
      if (r.ok) current = r.org;
    }
  });
  bench('baseline: the same ten drops, building the graph index of each org first (as before)', () => {
    let current = big;
    for (const op of tenDrops) {
      getOrgGraph(current);
      const r = applyOp(current, op);
      if (r.ok) current = r.org;
    }
  });
  bench('baseline: the same record change through immer produceWithPatches', () => {
    opsImmer.produceWithPatches(big, (d) => {
      d.people[bigRow] = { ...big.people[bigRow], managerId: bigTarget.id };
    });
  });
});
