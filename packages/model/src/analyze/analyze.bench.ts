import { bench, describe } from 'vitest';
import { generateOrg } from '../../../../fixtures/generate';
import type { Org } from '../schema/org';
import type { Person } from '../schema/person';
import type { Policy, Range } from '../schema/policy';
import { analyzeOrg } from './analyze-org';
import { createAnalysisContext } from './context';
import { checkGraph } from './graph-rules';
import { checkLayers } from './layers';
import { summarize } from './metrics';
import { analyzeSpans } from './span';

/**
 * analyzeOrg at 1k–1M people, with the graph index cached (the same people array analysed again,
 * e.g. under another policy: the per-graph columns, team index and record names are reused) and
 * cold (a new people array: the graph index and every per-graph column rebuilt, then analysed;
 * the teams array is the same, as after an edit of people), beside a naive span computation keyed
 * by id (Map<string, Person[]> children lookups). Targets: ≤ 20 ms median at 100k, ≤ 400 ms at 1M,
 * graph cached. Orgs come from the fixtures' seeded generator: healthy trees (executives over 3–5,
 * directors over 4–6, first-line managers over 4–9, teams and interactions) whose findings are
 * mostly `ladder.inversion` infos, ~7.9k at 100k people and ~80k at 1M (see fixtures/README.md).
 * Run: `npx vitest bench --run --project model src/analyze/analyze.bench.ts`
 * (`--outputJson <file>` records medians, which the console table leaves out).
 */

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
    const org = generateOrg({ people: size, seed: 42 });
    const options = size >= 1_000_000 ? { time: 2_000, iterations: 5, warmupIterations: 2 } : { time: 1_000 };
    bench('analyzeOrg, graph cached', () => void analyzeOrg(org), options);
    bench(
      'analyzeOrg cold: build graph + analyze',
      () => void analyzeOrg({ ...org, people: org.people.slice() }),
      options,
    );
    bench('analyzeSpans only, graph cached', () => void analyzeSpans(createAnalysisContext(org)), options);
    bench(
      'graph, span, layer and summary rules, graph cached',
      () => {
        const ctx = createAnalysisContext(org);
        checkGraph(ctx);
        const managers = analyzeSpans(ctx);
        checkLayers(ctx, managers);
        summarize(ctx, managers);
      },
      options,
    );
    bench('naive Map-keyed spans', () => void naiveSpans(org), options);
  });
}
