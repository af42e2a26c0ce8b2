import { readFileSync } from 'node:fs';
import { applyOps, type Op, type OpInput, OpSchema, type Org, parseHeadcountPlan } from '@reorg/model';
import { FIXTURES_DIR, loadFixtureOrg } from '../../../fixtures/index';
import type { NewPlan } from './db/plan-store';
import type { SeedData, Store } from './db/store';
import { summarizeOrg } from './services/summary';

/** Author of the seeded scenarios. */
export const SEED_AUTHOR = 'reorg (sample data)';

interface SeedScenario {
  id: string;
  orgId: string;
  name: string;
  ops: OpInput[];
}

/**
 * The sample scenarios: a small rebalance of the startup, and two alternatives for the
 * scale-up's payments area, so that compare has something to show.
 */
const SEED_SCENARIOS: SeedScenario[] = [
  {
    id: 'startup-rebalance',
    orgId: 'startup',
    name: 'Rebalance payments and growth',
    ops: [{ type: 'changeManager', personId: 'E110', managerId: 'E112' }],
  },
  {
    id: 'scaleup-merge-payments',
    orgId: 'scaleup',
    name: 'Merge payment risk into payments',
    ops: [{ type: 'mergeTeams', teamIds: ['payments', 'payment-risk'], into: 'payments' }],
  },
  {
    id: 'scaleup-checkout-under-vp',
    orgId: 'scaleup',
    name: 'Checkout reports to the VP',
    ops: [{ type: 'moveTeam', teamId: 'checkout', managerId: 'E1003' }],
  },
];

/**
 * The sample headcount plans (`fixtures/plans/<id>.json`) and the scenario each is saved with:
 * the scale-up's two plans go one to each of its scenarios, so the compare view has two plans.
 */
const SEED_PLANS: { id: string; scenarioId: string }[] = [
  { id: 'startup-steady-growth', scenarioId: 'startup-rebalance' },
  { id: 'scaleup-aggressive-growth', scenarioId: 'scaleup-merge-payments' },
  { id: 'scaleup-hiring-freeze', scenarioId: 'scaleup-checkout-under-vp' },
];

/**
 * Reads and validates a sample plan.
 * @throws Error listing the issues when the fixture does not validate (a broken fixture is a bug).
 */
function loadSeedPlan(id: string, scenarioId: string): NewPlan {
  const doc: unknown = JSON.parse(readFileSync(`${FIXTURES_DIR}plans/${id}.json`, 'utf8'));
  const parsed = parseHeadcountPlan(doc);
  if (!parsed.ok) {
    const issues = parsed.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    throw new Error(`fixtures/plans/${id}.json does not validate: ${issues}`);
  }
  return { id, scenarioId, name: parsed.plan.name ?? id, plan: parsed.plan, author: SEED_AUTHOR };
}

/**
 * Builds the seed: the `startup` and `scaleup` fixture orgs, the sample scenarios and the sample
 * headcount plans saved with them. A sample scenario whose ops no longer apply to its fixture is
 * stored with no ops rather than dropped.
 */
export function buildSeed(): SeedData {
  const orgs = new Map<string, Org>(
    ['startup', 'scaleup'].map((name) => [name, loadFixtureOrg(name as 'startup')]),
  );
  return {
    orgs: [...orgs.values()].map((org) => ({
      id: org.id,
      name: org.name,
      source: 'json',
      document: org,
      summary: summarizeOrg(org),
      warnings: [],
    })),
    scenarios: SEED_SCENARIOS.filter((s) => orgs.has(s.orgId)).map((s) => {
      const applied = applyOps(orgs.get(s.orgId)!, s.ops);
      const ops: Op[] = applied.ok ? s.ops.map((op) => OpSchema.parse(op)) : [];
      // The samples are shared with everyone on their org (a real scenario starts private).
      const scenario = {
        id: s.id,
        orgId: s.orgId,
        name: s.name,
        author: SEED_AUTHOR,
        visibility: 'org' as const,
      };
      return { scenario, ops };
    }),
    plans: SEED_PLANS.map((p) => loadSeedPlan(p.id, p.scenarioId)),
  };
}

/** Seeds the sample data when the database holds no org yet. Returns whether it seeded. */
export function seedIfEmpty(store: Store): Promise<boolean> {
  return store.seedIfEmpty(buildSeed());
}
