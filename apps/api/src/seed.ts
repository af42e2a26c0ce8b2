import { applyOps, type Op, type OpInput, OpSchema, type Org } from '@reorg/model';
import { loadFixtureOrg } from '../../../fixtures/index';
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
 * Builds the seed: the `startup` and `scaleup` fixture orgs and the sample scenarios. A sample
 * scenario whose ops no longer apply to its fixture is stored with no ops rather than dropped.
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
      return { scenario: { id: s.id, orgId: s.orgId, name: s.name, author: SEED_AUTHOR }, ops };
    }),
  };
}

/** Seeds the sample data when the database holds no org yet. Returns whether it seeded. */
export function seedIfEmpty(store: Store): Promise<boolean> {
  return store.seedIfEmpty(buildSeed());
}
