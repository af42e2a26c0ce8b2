/**
 * diffOrgs on two 100k-person orgs (target ≤ 100 ms). `after` changes ~1% of managers and teams,
 * removes and adds 100 people, merges 10 teams and splits 10, all with real ops. Shapes of
 * `after`: the ops' result (untouched records keep their identity, as a scenario's state does); a
 * deep copy (as an org loaded from a file, every record a new object); the copy in reverse order
 * (the id-map path).
 * A naive diff (maps of records, every pair compared as JSON) runs beside it as a baseline.
 * Run: `npx vitest bench --run --project model scenario`.
 */
import { bench, describe } from 'vitest';
import { applyOps } from '../ops/apply-ops';
import type { OpInput } from '../ops/op-schema';
import { createOrg, type Org } from '../schema/org';
import type { Person } from '../schema/person';
import { diffOrgs } from './diff-orgs';

const N = 100_000;
const SPAN = 7;

/** A 32-bit LCG (Numerical Recipes constants): floats in [0, 1), the same for the same seed. */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/** A 7-ary reporting tree of `n` people; person i reports to (i-1)/7 and sits in that manager's team. */
function generate(n: number): Org {
  const people = [];
  const teams = [];
  for (let i = 0; i < n; i++) {
    const m = i === 0 ? null : Math.floor((i - 1) / SPAN);
    people.push({
      id: `p${i}`,
      name: `Person ${i}`,
      managerId: m === null ? null : `p${m}`,
      teamId: m === null ? null : `t${m}`,
      level: i % 3 === 0 ? 'L4' : 'L3',
      cost: 100_000 + (i % 50) * 1000,
    });
    if (i * SPAN + 1 < n) teams.push({ id: `t${i}`, name: `Team ${i}`, managerId: `p${i}` });
  }
  return createOrg({ id: 'big', name: 'Big', asOf: '2026-01-01', people, teams });
}

function applied(org: Org, ops: unknown[]): Org {
  const result = applyOps(org, ops as OpInput[]);
  if (!result.ok) throw new Error(`op ${result.error.opIndex}: ${result.error.message}`);
  return result.org;
}

/**
 * The scenario state, made by real ops: 1% of people change manager (always to a lower index, so
 * no loop), 1% change team, 100 leave, 100 are hired, then 10 merges and 10 splits.
 */
function change(before: Org, seed: number): Org {
  const rand = lcg(seed);
  const pick = (n: number) => Math.floor(rand() * n);
  const managers = Math.floor((N - 1) / SPAN);
  const ops: unknown[] = [];
  for (let k = 0; k < N / 100; k++) {
    const i = 1 + pick(N - 1);
    ops.push({ type: 'changeManager', personId: `p${i}`, managerId: `p${pick(Math.min(i, managers))}` });
  }
  for (let k = 0; k < N / 100; k++) {
    ops.push({ type: 'assignTeam', personId: `p${1 + pick(N - 1)}`, teamId: `t${pick(managers)}` });
  }
  const leavers = new Set<number>();
  while (leavers.size < 100) leavers.add(N - 1 - pick(N / 2));
  for (const i of leavers) ops.push({ type: 'removePerson', personId: `p${i}` });
  for (let k = 0; k < 100; k++) {
    ops.push({
      type: 'addPerson',
      person: { id: `hire${k}`, name: `Hire ${k}`, managerId: `p${pick(managers)}` },
    });
  }
  const state = applied(before, ops);
  const teamOps: unknown[] = [];
  for (let k = 0; k < 10; k++) {
    teamOps.push({
      type: 'mergeTeams',
      teamIds: [`t${100 + 2 * k}`, `t${101 + 2 * k}`],
      into: `t${101 + 2 * k}`,
    });
    const members = state.people.filter((p) => p.teamId === `t${5000 + k}`).map((p) => p.id);
    teamOps.push({
      type: 'splitTeam',
      teamId: `t${5000 + k}`,
      newTeam: { id: `new${k}`, name: `New ${k}` },
      memberIds: members.slice(0, Math.ceil(members.length / 2) + 1),
    });
  }
  return applied(state, teamOps);
}

/** The baseline: every record of both sides in a map, every matched pair compared as JSON. */
function naiveDiff(before: Org, after: Org): { changed: string[]; added: string[]; removed: string[] } {
  const x = new Map<string, Person>(before.people.map((p) => [p.id, p]));
  const y = new Map<string, Person>(after.people.map((p) => [p.id, p]));
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [id, p] of x) {
    const q = y.get(id);
    if (!q) removed.push(id);
    else if (JSON.stringify(p) !== JSON.stringify(q)) changed.push(id);
  }
  const added = [...y.keys()].filter((id) => !x.has(id));
  return { changed, added, removed };
}

const before = generate(N);
const afterOps = change(before, 42);
const afterCopy = structuredClone(afterOps);

/** `after` with its people in another order (two exports sorted differently): the id-map path. */
const afterShuffled: Org = { ...afterCopy, people: [...afterCopy.people].reverse() };

const OPTIONS = { iterations: 20 };

describe('diffOrgs, 100k people, ~1% changed', () => {
  bench(
    'diffOrgs, after = applyOps result (shared records, in step)',
    () => {
      diffOrgs(before, afterOps);
    },
    OPTIONS,
  );
  bench(
    'diffOrgs, copied after (no shared records, in step)',
    () => {
      diffOrgs(before, afterCopy);
    },
    OPTIONS,
  );
  bench(
    'diffOrgs, copied after in reverse order (id map)',
    () => {
      diffOrgs(before, afterShuffled);
    },
    OPTIONS,
  );
  bench(
    'naive: maps + JSON compare of every pair',
    () => {
      naiveDiff(before, afterCopy);
    },
    OPTIONS,
  );
});
