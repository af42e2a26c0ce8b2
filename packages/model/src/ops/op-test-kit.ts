/**
 * Test support for the ops (imported by `*.test.ts` only, not part of the public API): a small
 * hand-made org, org invariants, and the checks every op test runs on an applied op.
 */
import { expect } from 'vitest';
import { getOrgGraph } from '../graph/org-graph';
import { createOrg, type Org, type OrgInput, OrgSchema } from '../schema/org';
import { type ApplyOpsResult, applyOp } from './apply-ops';
import { opsImmer } from './immer';
import type { OpErrorCode } from './op-error';
import { type OpInput, OpSchema } from './op-schema';

/**
 * A small org: Ada (p1, VP) ← Dana (p2, director) ← Sam (p3, EM of Payments t1: Kim p4, Lee p5)
 * and Ravi (p6, EM of Checkout t2: Ola p7, Ivy p8 with a dotted line to Sam). Group g1
 * (Engineering, Dana) holds t1 and t2; t3 (Data) has no manager and no group. Payments serves
 * Checkout (x-as-a-service); Checkout collaborates with Data.
 */
export function sampleOrg(extra: Partial<OrgInput> = {}): Org {
  return createOrg({
    id: 'acme',
    name: 'Acme',
    asOf: '2025-06-30',
    people: [
      { id: 'p1', name: 'Ada Lovelace', level: 'M7' },
      { id: 'p2', name: 'Dana Reyes', level: 'M6', managerId: 'p1', teamId: 'g1' },
      { id: 'p3', name: 'Sam Lee', level: 'M5', managerId: 'p2', teamId: 't1', cost: 200_000 },
      { id: 'p4', name: 'Kim Park', level: 'L4', managerId: 'p3', teamId: 't1' },
      { id: 'p5', name: 'Lee Chen', level: 'L3', managerId: 'p3', teamId: 't1' },
      { id: 'p6', name: 'Ravi Rao', level: 'M5', managerId: 'p2', teamId: 't2' },
      { id: 'p7', name: 'Ola Berg', level: 'L4', managerId: 'p6', teamId: 't2' },
      { id: 'p8', name: 'Ivy Wu', level: 'L3', managerId: 'p6', teamId: 't2', dottedManagerIds: ['p3'] },
    ],
    teams: [
      { id: 'g1', name: 'Engineering', kind: 'group', managerId: 'p2' },
      { id: 't1', name: 'Payments', type: 'platform', managerId: 'p3', parentId: 'g1' },
      { id: 't2', name: 'Checkout', managerId: 'p6', parentId: 'g1' },
      { id: 't3', name: 'Data', type: 'complicated-subsystem' },
    ],
    interactions: [
      { from: 't1', to: 't2', mode: 'x-as-a-service' },
      { from: 't2', to: 't3', mode: 'collaboration', expectedEnd: '2025-12-31' },
    ],
    ...extra,
  });
}

const applyPatches = <T extends object>(base: T, patches: Parameters<typeof opsImmer.applyPatches>[1]): T =>
  opsImmer.applyPatches(base, patches);

/** Manager id of each person, by id (the kept record of a duplicated id). */
export function managers(org: Org): Record<string, string | null> {
  return Object.fromEntries(org.people.map((p) => [p.id, p.managerId]));
}

/** Team id of each person, by id. */
export function teamsOf(org: Org): Record<string, string | null> {
  return Object.fromEntries(org.people.map((p) => [p.id, p.teamId]));
}

function duplicated(ids: string[]): Set<string> {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const id of ids) (seen.has(id) ? dup : seen).add(id);
  return dup;
}

/** Every reference to a missing record, as `what:id:field:target` strings. */
function danglingRefs(org: Org): Set<string> {
  const people = new Set(org.people.map((p) => p.id));
  const teams = new Set(org.teams.map((t) => t.id));
  const out = new Set<string>();
  for (const p of org.people) {
    if (p.managerId !== null && !people.has(p.managerId)) out.add(`person:${p.id}:managerId:${p.managerId}`);
    if (p.teamId !== null && !teams.has(p.teamId)) out.add(`person:${p.id}:teamId:${p.teamId}`);
    for (const d of p.dottedManagerIds) if (!people.has(d)) out.add(`person:${p.id}:dotted:${d}`);
  }
  for (const t of org.teams) {
    if (t.managerId !== null && !people.has(t.managerId)) out.add(`team:${t.id}:managerId:${t.managerId}`);
    if (t.parentId !== null && !teams.has(t.parentId)) out.add(`team:${t.id}:parentId:${t.parentId}`);
  }
  for (const i of org.interactions) {
    // Keyed by the missing team only: re-pointing the other end (a merge) adds nothing new.
    if (!teams.has(i.from)) out.add(`interaction:from:${i.from}`);
    if (!teams.has(i.to)) out.add(`interaction:to:${i.to}`);
  }
  return out;
}

/** Ids of people in a reporting loop or reporting to themselves. */
function loopedPeople(org: Org): Set<string> {
  const g = getOrgGraph(org);
  const ids = new Set<string>();
  for (const c of g.cycles) for (const i of c) ids.add(g.records[i].id);
  for (const i of g.selfReports) ids.add(g.records[i].id);
  return ids;
}

/** Ids of teams whose chain of groups loops back to themselves. */
function loopedTeams(org: Org): Set<string> {
  const parent = new Map(org.teams.map((t) => [t.id, t.parentId]));
  const out = new Set<string>();
  for (const t of org.teams) {
    let cur = t.parentId;
    for (let steps = 0; cur !== null && steps <= org.teams.length; steps++) {
      if (cur === t.id) {
        out.add(t.id);
        break;
      }
      cur = parent.get(cur) ?? null;
    }
  }
  return out;
}

function added(before: Set<string>, after: Set<string>, what: string): string[] {
  return [...after].filter((x) => !before.has(x)).map((x) => `${what}: ${x}`);
}

/**
 * What `after` breaks that `before` did not: a schema failure, a new duplicate person or team id,
 * a person or team newly in a loop, a new dangling reference. Empty when every invariant holds.
 */
export function invariantViolations(before: Org, after: Org): string[] {
  const parsed = OrgSchema.safeParse(after);
  return [
    ...(parsed.success ? [] : [`schema: ${parsed.error.message}`]),
    ...added(
      duplicated(before.people.map((p) => p.id)),
      duplicated(after.people.map((p) => p.id)),
      'duplicate person',
    ),
    ...added(
      duplicated(before.teams.map((t) => t.id)),
      duplicated(after.teams.map((t) => t.id)),
      'duplicate team',
    ),
    ...added(loopedPeople(before), loopedPeople(after), 'reporting loop'),
    ...added(loopedTeams(before), loopedTeams(after), 'group loop'),
    ...added(danglingRefs(before), danglingRefs(after), 'dangling'),
  ];
}

/** Asserts the op applies, and runs the checks every op test shares; returns the new org. */
export function expectApplied(org: Org, op: OpInput): Org {
  const snapshot = structuredClone(org);
  const res = applyOp(org, op);
  if (!res.ok) throw new Error(`expected the op to apply, got ${res.error.code}: ${res.error.message}`);
  expectSoundResult(org, snapshot, op, res);
  return res.org;
}

function expectSoundResult(
  org: Org,
  snapshot: Org,
  op: OpInput,
  res: Extract<ApplyOpsResult, { ok: true }>,
): void {
  expect(org).toStrictEqual(snapshot); // the input is never mutated
  expect(applyPatches(res.org, res.inversePatches)).toStrictEqual(org);
  expect(applyPatches(org, res.patches)).toStrictEqual(res.org);
  const wire = JSON.parse(JSON.stringify({ op, inverse: res.inversePatches }));
  expect(applyPatches(res.org, wire.inverse)).toStrictEqual(org);
  const parsed = OpSchema.parse(op);
  expect(OpSchema.parse(wire.op)).toStrictEqual(parsed);
  expect(OpSchema.parse(JSON.parse(JSON.stringify(parsed)))).toStrictEqual(parsed);
  expect(invariantViolations(org, res.org)).toEqual([]);
}

/** Asserts the op is refused with `code` (and a message matching `message`); returns the message. */
export function expectRefused(org: Org, op: unknown, code: OpErrorCode, message?: RegExp): string {
  const snapshot = structuredClone(org);
  const res = applyOp(org, op as OpInput);
  if (res.ok) throw new Error(`expected ${code}, but the op applied`);
  expect(org).toStrictEqual(snapshot);
  expect(res.error.opIndex).toBe(0);
  expect(res.error.code).toBe(code);
  if (message) expect(res.error.message).toMatch(message);
  return res.error.message;
}
