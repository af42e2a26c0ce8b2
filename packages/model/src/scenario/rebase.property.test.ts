import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyOps } from '../ops/apply-ops';
import { opsFor, orgArb } from '../ops/op-arbitraries';
import type { OpInput } from '../ops/op-schema';
import type { Org } from '../schema/org';
import { type RebaseConflict, rebaseOnto } from './rebase';

/**
 * A user's batches, each made on the state their previous batches gave (a refused op is not
 * something a user can make, so it is dropped).
 */
function batchesOf(org: Org, ops: unknown[], cuts: number[]): OpInput[][] {
  const batches: OpInput[][] = [];
  let state = org;
  let current: OpInput[] = [];
  ops.forEach((op, k) => {
    const r = applyOps(state, [op as OpInput]);
    if (r.ok) {
      state = r.org;
      current.push(op as OpInput);
    }
    if (cuts[k % cuts.length] === 0 && current.length > 0) {
      batches.push(current);
      current = [];
    }
  });
  if (current.length > 0) batches.push(current);
  return batches;
}

type Outcome =
  | { ok: true; org: Org }
  | { ok: false; user: number; pending: OpInput[][]; conflict: RebaseConflict };

/**
 * Two users save their batches one at a time in the order `schedule` picks (true: user 0). Before
 * each save a user whose saved state is behind rebases every unsaved batch onto the latest, as the
 * web app does on a 412 or a revision from the live feed.
 */
function interleave(base: Org, batches: OpInput[][][], schedule: boolean[]): Outcome {
  let server = base;
  const users = batches.map((b) => ({ ancestor: base, pending: [...b] }));
  let step = 0;
  while (users.some((u) => u.pending.length > 0)) {
    const pick = schedule[step++ % Math.max(1, schedule.length)] ? 0 : 1;
    const k = users[pick].pending.length > 0 ? pick : 1 - pick;
    const u = users[k];
    if (u.ancestor !== server) {
      const r = rebaseOnto(u.ancestor, server, u.pending);
      if (!r.ok) return { ok: false, user: k, pending: u.pending, conflict: r.conflict };
      u.ancestor = server;
    }
    const saved = applyOps(server, u.pending[0]);
    if (!saved.ok) throw new Error(`a rebased batch was refused: ${saved.error.message}`);
    server = saved.org;
    u.ancestor = server;
    u.pending.shift();
  }
  return { ok: true, org: server };
}

/** The org with people, teams and interactions in id order: who appended first only changes their order. */
function normalized(org: Org) {
  const byKey =
    <T>(key: (r: T) => string) =>
    (x: T, y: T) =>
      key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0;
  return {
    ...org,
    people: [...org.people].sort(byKey((p) => p.id)),
    teams: [...org.teams].sort(byKey((t) => t.id)),
    interactions: [...org.interactions].sort(byKey((i) => `${i.from}>${i.to}`)),
  };
}

const scenario = orgArb.chain((org) =>
  fc.tuple(
    fc.constant(org),
    opsFor(org, 6),
    opsFor(org, 6),
    fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 1, maxLength: 4 }),
    fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
    fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
  ),
);

describe('rebasing: properties', () => {
  it('any two interleavings of two users’ batches end in the same org, or in a conflict naming the op', () => {
    let agreed = 0;
    let conflicts = 0;
    fc.assert(
      fc.property(scenario, ([org, opsA, opsB, cuts, first, second]) => {
        const batches = [batchesOf(org, opsA, cuts), batchesOf(org, opsB, cuts)];
        const outcomes = [interleave(org, batches, first), interleave(org, batches, second)];
        for (const o of outcomes) {
          if (o.ok) continue;
          conflicts += 1;
          // The conflict names an unsaved op of that user, by batch and position.
          expect(o.pending[o.conflict.batchIndex]?.[o.conflict.opIndex]).toEqual(o.conflict.op);
          expect(o.conflict.message.length).toBeGreaterThan(0);
        }
        const [a, b] = outcomes;
        if (a.ok && b.ok) {
          agreed += 1;
          expect(normalized(a.org)).toEqual(normalized(b.org));
        }
      }),
      { numRuns: Number(process.env.REORG_PROPERTY_RUNS ?? 500) },
    );
    // Both branches are exercised (not only trivially empty batches).
    expect(agreed).toBeGreaterThan(0);
    expect(conflicts).toBeGreaterThan(0);
  }, 60_000);
});
