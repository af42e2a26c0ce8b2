import { applyOps } from '../ops/apply-ops';
import type { OpInput } from '../ops/op-schema';
import type { Org } from '../schema/org';

/**
 * Rebasing unsaved changes onto a newer saved state (someone else saved meanwhile: a 412, or a
 * revision arriving on the live feed). Changes are replayed batch by batch on the newer state; a
 * batch conflicts when one of its ops no longer applies (the model refuses it: a removed person,
 * a cycle) or when it changes something the others changed too (the same field of the same
 * person or team, the same interaction, the same org setting), since replaying it would silently
 * overwrite their change or do something else than its author saw. The result does not depend on who saved first: when both orders
 * succeed they give the same org (see `rebase.property.test.ts`).
 */

/** What a change writes: `person:ID` / `team:ID` with a field (or `*`: added or removed), an interaction, an org field. */
export type Footprint = Map<string, Set<string>>;

/** Why a batch could not be rebased: which batch and op, and what conflicts. */
export interface RebaseConflict {
  /** Position of the batch among `mine` (0-based). */
  batchIndex: number;
  /** Position of the op within that batch (0-based). */
  opIndex: number;
  /** The op itself. */
  op: OpInput;
  /** `refused`: the op no longer applies; `overlap`: it changes what the other side changed. */
  code: 'refused' | 'overlap';
  /** For people: the model's message, or which record and field both sides changed. */
  message: string;
  /** For an overlap: the record (`person:ID`, `team:ID`, `interaction:FROM>TO`, `org`) and field. */
  subject?: { key: string; field: string };
}

/** Result of {@link rebaseOnto}: the rebased org, or the first conflict with the org up to the batch before it. */
export type RebaseResult =
  | { ok: true; org: Org }
  | { ok: false; org: Org; applied: number; conflict: RebaseConflict };

/**
 * Replays `mine` (batches of ops made on `ancestor`) onto `theirs` (a newer saved state that
 * started from `ancestor`). Batches apply in order, each atomically; the first conflicting one
 * stops the rebase (the batches before it stay applied in `org`, `applied` counts them).
 * Pure; O(n) per batch for an org of n people (one comparison of people, teams and settings).
 */
export function rebaseOnto(ancestor: Org, theirs: Org, mine: readonly (readonly OpInput[])[]): RebaseResult {
  const taken = getFootprint(ancestor, theirs);
  let org = theirs;
  for (let b = 0; b < mine.length; b++) {
    const batch = mine[b] as readonly OpInput[];
    const r = applyOps(org, batch);
    if (!r.ok) {
      const opIndex = r.error.opIndex;
      return conflictAt(org, b, {
        batchIndex: b,
        opIndex,
        op: batch[opIndex] as OpInput,
        code: 'refused',
        message: r.error.message,
      });
    }
    // Even a batch that changes nothing on theirs conflicts when it touches what they changed:
    // "nothing to do" in this order can be "something" in the other (see the property test).
    const overlap = firstOverlap(taken, touchedBy(batch, org, r.org));
    if (overlap) {
      const opIndex = opWriting(org, batch, overlap, taken);
      return conflictAt(org, b, {
        batchIndex: b,
        opIndex,
        op: batch[opIndex] as OpInput,
        code: 'overlap',
        message: `${describeKey(overlap.key)}${overlap.field === '*' ? '' : ` (${overlap.field})`} was changed by someone else meanwhile`,
        subject: overlap,
      });
    }
    org = r.org;
  }
  return { ok: true, org };
}

function conflictAt(org: Org, applied: number, conflict: RebaseConflict): RebaseResult {
  return { ok: false, org, applied, conflict };
}

/** The index of the first op of `batch` whose own change overlaps `taken` (the batch as a whole does). */
function opWriting(org: Org, batch: readonly OpInput[], overlap: { key: string }, taken: Footprint): number {
  let state = org;
  for (let k = 0; k < batch.length; k++) {
    const r = applyOps(state, [batch[k] as OpInput]);
    if (!r.ok) return k;
    if (firstOverlap(taken, touchedBy([batch[k] as OpInput], state, r.org))) return k;
    state = r.org;
  }
  void overlap;
  return Math.max(0, batch.length - 1);
}

/**
 * What a batch touches: the records it changed (from `before` to `after`) and the records its
 * ops name (a team moved, the manager it goes under), whose state decides what the op does.
 */
function touchedBy(batch: readonly OpInput[], before: Org, after: Org): Footprint {
  const out = getFootprint(before, after);
  const touch = (key: string) => {
    if (!out.has(key)) out.set(key, new Set(['(named)']));
  };
  for (const op of batch) for (const key of namedRecords(op)) touch(key);
  // Removing a record hands what hung on it to what it referred to (reports go to the removed
  // person's manager, sub-teams to the removed team's parent): those are read too.
  const people = new Set(after.people.map((p) => p.id));
  const teams = new Set(after.teams.map((t) => t.id));
  for (const p of before.people) {
    if (people.has(p.id) || !out.has(`person:${p.id}`)) continue;
    if (p.managerId) touch(`person:${p.managerId}`);
  }
  for (const t of before.teams) {
    if (teams.has(t.id) || !out.has(`team:${t.id}`)) continue;
    if (t.parentId) touch(`team:${t.parentId}`);
    if (t.managerId) touch(`person:${t.managerId}`);
  }
  return out;
}

const PERSON_KEYS = new Set(['personId', 'managerId', 'memberIds', 'dottedManagerIds']);
const TEAM_KEYS = new Set(['teamId', 'teamIds', 'into', 'parentId']);

/** The record keys (`person:ID`, `team:ID`, `interaction:FROM>TO`) an op names anywhere in it. */
export function namedRecords(op: unknown): string[] {
  const out: string[] = [];
  const visit = (node: unknown, parent: string | undefined) => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item, parent);
      return;
    }
    if (!node || typeof node !== 'object') return;
    const obj = node as Record<string, unknown>;
    if (typeof obj.from === 'string' && typeof obj.to === 'string') {
      out.push(`interaction:${obj.from}>${obj.to}`, `team:${obj.from}`, `team:${obj.to}`);
    }
    for (const [key, v] of Object.entries(obj)) {
      const kind = PERSON_KEYS.has(key)
        ? 'person'
        : TEAM_KEYS.has(key)
          ? 'team'
          : key === 'id' && parent === 'person'
            ? 'person'
            : key === 'id' && (parent === 'team' || parent === 'newTeam')
              ? 'team'
              : undefined;
      if (kind) for (const id of [v].flat()) if (typeof id === 'string') out.push(`${kind}:${id}`);
      if (v && typeof v === 'object') visit(v, key);
    }
  };
  visit(op, undefined);
  return out;
}

/**
 * What changed from `before` to `after`: per record key, the fields that differ (`*` for a
 * record added or removed). Untouched records are skipped by reference (ops share them).
 */
export function getFootprint(before: Org, after: Org): Footprint {
  const out: Footprint = new Map();
  const add = (key: string, field: string) => {
    let set = out.get(key);
    if (!set) {
      set = new Set();
      out.set(key, set);
    }
    set.add(field);
  };
  if (before === after) return out;
  diffRecords('person', before.people, after.people, (r) => r.id, add);
  diffRecords('team', before.teams, after.teams, (r) => r.id, add);
  diffRecords('interaction', before.interactions, after.interactions, (r) => `${r.from}>${r.to}`, add);
  const fields = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const f of fields) {
    if (f === 'people' || f === 'teams' || f === 'interactions') continue;
    const a = (before as Record<string, unknown>)[f];
    const b = (after as Record<string, unknown>)[f];
    if (a !== b && !deepEqual(a, b)) add('org', f);
  }
  return out;
}

function diffRecords<T extends object>(
  kind: string,
  before: readonly T[],
  after: readonly T[],
  idOf: (r: T) => string,
  add: (key: string, field: string) => void,
): void {
  if (before === after) return;
  const old = new Map<string, T>();
  for (const r of before) old.set(idOf(r), r);
  const seen = new Set<string>();
  for (const r of after) {
    const id = idOf(r);
    seen.add(id);
    const o = old.get(id);
    if (o === r) continue;
    if (o === undefined) {
      add(`${kind}:${id}`, '*');
      continue;
    }
    const keys = new Set([...Object.keys(o), ...Object.keys(r)]);
    for (const k of keys) {
      const a = (o as Record<string, unknown>)[k];
      const b = (r as Record<string, unknown>)[k];
      if (a !== b && !deepEqual(a, b)) add(`${kind}:${id}`, k);
    }
  }
  for (const id of old.keys()) if (!seen.has(id)) add(`${kind}:${id}`, '*');
}

/**
 * The first record both footprints touch. Records, not fields: an op's effect can depend on a
 * field of a record it changes elsewhere (moving a team moves its members: someone else putting
 * a person in the team meanwhile changes what the move does), so two changes to one person or
 * team conflict even when they set different fields.
 */
function firstOverlap(taken: Footprint, mine: Footprint): { key: string; field: string } | undefined {
  for (const [key, fields] of mine) {
    const other = taken.get(key);
    if (!other) continue;
    const field = [...fields].find((f) => other.has(f)) ?? [...other][0] ?? '*';
    return { key, field };
  }
  return undefined;
}

function describeKey(key: string): string {
  const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  if (kind === 'person') return `person ${id}`;
  if (kind === 'team') return `team ${id}`;
  if (kind === 'interaction') return `the interaction ${id.replace('>', ' → ')}`;
  return 'the org settings';
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
