import { bench, describe } from 'vitest';
import { createOrg, type Org } from '../schema/org';
import type { Person, PersonStatus } from '../schema/person';
import type { Policy, Range } from '../schema/policy';
import { analyzeOrg } from './analyze-org';
import { createAnalysisContext } from './context';
import { analyzeSpans } from './span';

/**
 * analyzeOrg at 1k–1M people, with the graph index cached (the live-editing case: the same people
 * array analysed again) and cold (index built, then analysed), beside a naive span computation
 * keyed by id (Map<string, Person[]> children lookups). Targets: ≤ 20 ms median at 100k, ≤ 400 ms
 * at 1M, graph cached. Run: `npx vitest bench --run --project model src/analyze/analyze.bench.ts`.
 */

/** mulberry32: a seeded PRNG, so every run benches the same orgs. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATUSES: PersonStatus[] = ['active', 'open', 'planned', 'leaving'];

/**
 * A realistic reporting tree of `size` people: breadth-first, every manager takes 4–8 reports;
 * managers get M5/M6/M7 by the structure below them, ICs L3–L6 (mostly L3/L4); a few assistants,
 * open and planned positions, leavers; a fifth of managers started managing within the year.
 */
function generateOrg(size: number, seed = 42): Org {
  const next = rng(seed);
  const parent = new Int32Array(size).fill(-1);
  let head = 0;
  let left = 4 + Math.floor(next() * 5);
  for (let i = 1; i < size; i++) {
    if (left === 0) {
      head++;
      left = 4 + Math.floor(next() * 5);
    }
    parent[i] = head;
    left--;
  }
  // Height: 0 for ICs, 1 first-line, 2 manager of managers, 3+ executives (children after parents).
  const height = new Int32Array(size);
  for (let i = size - 1; i > 0; i--) height[parent[i]] = Math.max(height[parent[i]], height[i] + 1);
  const people: Person[] = new Array(size);
  for (let i = 0; i < size; i++) {
    const h = height[i];
    const r = next();
    const status = STATUSES[r < 0.92 ? 0 : r < 0.96 ? 1 : r < 0.98 ? 2 : 3];
    const level =
      h === 0 ? ['L3', 'L3', 'L4', 'L4', 'L4', 'L5', 'L6'][Math.floor(next() * 7)] : `M${Math.min(7, 4 + h)}`;
    const p: Person = {
      id: `p${i}`,
      name: `Person ${i}`,
      level,
      managerId: i === 0 ? null : `p${parent[i]}`,
      dottedManagerIds: [],
      teamId: null,
      status,
      fte: 1,
      aggregate: false,
      isAssistant: h === 0 && height[parent[i]] >= 2 && next() < 0.2,
      cost: 90_000 + Math.floor(next() * 60_000) + h * 40_000,
    };
    if (h > 0) p.managerSince = next() < 0.2 ? '2025-09-01' : '2019-03-01';
    people[i] = p;
  }
  const org = createOrg({ id: `bench-${size}`, name: `Bench ${size}`, asOf: '2026-01-01' });
  return { ...org, people };
}

/** The same span computation as analyzeSpans, the obvious way: children by id in a Map. */
function naiveSpans(
  org: Org,
): Array<{ id: string; directReports: number; countedSpan: number; status: string }> {
  const children = new Map<string, Person[]>();
  for (const p of org.people) {
    if (p.managerId === null) continue;
    const list = children.get(p.managerId);
    if (list) list.push(p);
    else children.set(p.managerId, [p]);
  }
  const kids = (p: Person) => children.get(p.id) ?? [];
  const isManager = (p: Person) => !p.aggregate && kids(p).length > 0;
  const weight = (p: Person) => (p.aggregate ? Math.ceil(p.fte) : 1);
  const rank = new Map(
    [...org.ladder.tracks.ic, ...org.ladder.tracks.manager].map((l) => [l.id, l.rank] as const),
  );
  const policy: Policy = org.policy;
  const asOf = Date.parse(`${org.asOf}T00:00:00Z`);
  const out = [];
  for (const p of org.people) {
    if (!isManager(p)) continue;
    const reports = kids(p);
    const aside = reports.filter((k) => !k.isAssistant);
    const managing = reports.filter(isManager);
    let target: Range;
    let countedSpan: number;
    if (managing.length > 0) {
      const exec = managing.some((k) => kids(k).some(isManager));
      target = exec ? policy.span.executive : policy.span.managerOfManagers;
      countedSpan = aside.filter(isManager).length;
    } else {
      countedSpan = aside.reduce((s, k) => s + weight(k), 0);
      const days = p.managerSince
        ? (asOf - Date.parse(`${p.managerSince}T00:00:00Z`)) / 86_400_000
        : Infinity;
      const individuals = aside.filter((k) => !k.aggregate);
      const seniors = individuals.filter((k) => (rank.get(k.level ?? '') ?? 0) >= policy.seniorRank);
      target =
        days < policy.span.newManagerDays
          ? policy.span.newManager
          : individuals.length > 0 && seniors.length >= policy.span.seniorShare * individuals.length
            ? policy.span.experiencedSenior
            : policy.span.experiencedJunior;
    }
    const status =
      countedSpan >= policy.span.criticalFactor * target.max
        ? 'critical'
        : countedSpan > target.max
          ? 'over'
          : aside.length === 1
            ? 'single'
            : countedSpan < target.min
              ? 'under'
              : 'ok';
    out.push({ id: p.id, directReports: reports.reduce((s, k) => s + weight(k), 0), countedSpan, status });
  }
  return out;
}

/** Sizes to bench; `BENCH_SIZES=100000` (comma-separated) narrows a run. */
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000,1000000').split(',').map(Number);

for (const size of SIZES) {
  describe(`${size.toLocaleString('en')} people`, () => {
    const org = generateOrg(size);
    const options = size >= 1_000_000 ? { time: 2_000, iterations: 5, warmupIterations: 2 } : { time: 1_000 };
    bench('analyzeOrg, graph cached', () => void analyzeOrg(org), options);
    bench(
      'analyzeOrg cold: build graph + analyze',
      () => void analyzeOrg({ ...org, people: org.people.slice() }),
      options,
    );
    bench('analyzeSpans only, graph cached', () => void analyzeSpans(createAnalysisContext(org)), options);
    bench('naive Map-keyed spans', () => void naiveSpans(org), options);
  });
}
