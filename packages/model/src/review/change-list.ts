import type { Org } from '../schema/org';
import type { Person } from '../schema/person';

/**
 * The change list of an adoption (issue 14, item 5): one row per person whose manager, team,
 * level, title or status differs between the old baseline and the adopted scenario, ready for an
 * HRIS mass update. Pure: the effective date is an argument.
 */

/** The fields a change list compares, in the order its columns show them. */
export const CHANGE_FIELDS = ['manager', 'team', 'level', 'title', 'status'] as const;
/** One of {@link CHANGE_FIELDS}. */
export type ChangeField = (typeof CHANGE_FIELDS)[number];

/** A person's values of the compared fields (ids for manager and team; null when unset). */
export interface ChangeValues {
  managerId: string | null;
  managerName: string | null;
  teamId: string | null;
  teamName: string | null;
  level: string | null;
  title: string | null;
  status: string | null;
}

/**
 * One row: a person present in the baseline (`kind: 'change'`) or new in the scenario
 * (`kind: 'hire'`: an open or planned position added), or taken out of it (`kind: 'removal'`),
 * with the values before and after and the fields that changed.
 */
export interface ChangeRow {
  personId: string;
  name: string | null;
  kind: 'change' | 'hire' | 'removal';
  /** `YYYY-MM-DD`. */
  effectiveDate: string;
  changed: ChangeField[];
  before: ChangeValues | null;
  after: ChangeValues | null;
}

/**
 * The rows of the change list from `before` (the baseline) to `after` (the adopted state), in the
 * order of `after`'s people (then removals in `before`'s order). Aggregate records (posts counted
 * by FTE) are left out: an HRIS updates workers, not posts. A person whose compared fields are all
 * equal gets no row. Team and manager names are read from each side's own org. An id used by
 * two records (`graph.duplicate_id`) counts as its later record, as everywhere in the model, so
 * each id has at most one row (an HRIS import is keyed by employee id).
 */
export function getChangeList(before: Org, after: Org, effectiveDate: string): ChangeRow[] {
  const beforeById = byIdLaterWins(before.people);
  const afterIds = new Set<string>();
  const rows: ChangeRow[] = [];
  const valuesBefore = valuesOf(before);
  const valuesAfter = valuesOf(after);
  for (const person of byIdLaterWins(after.people).values()) {
    if (person.aggregate) continue;
    afterIds.add(person.id);
    const old = beforeById.get(person.id);
    const now = valuesAfter(person);
    if (!old) {
      rows.push({
        personId: person.id,
        name: person.name ?? null,
        kind: 'hire',
        effectiveDate,
        changed: [...CHANGE_FIELDS].filter((f) => fieldValue(now, f) !== null),
        before: null,
        after: now,
      });
      continue;
    }
    const was = valuesBefore(old);
    const changed = CHANGE_FIELDS.filter((f) => fieldValue(was, f) !== fieldValue(now, f));
    if (changed.length > 0) {
      rows.push({
        personId: person.id,
        name: person.name ?? old.name ?? null,
        kind: 'change',
        effectiveDate,
        changed,
        before: was,
        after: now,
      });
    }
  }
  for (const old of beforeById.values()) {
    if (old.aggregate || afterIds.has(old.id)) continue;
    rows.push({
      personId: old.id,
      name: old.name ?? null,
      kind: 'removal',
      effectiveDate,
      changed: [],
      before: valuesBefore(old),
      after: null,
    });
  }
  return rows;
}

/** People by id, in order of first appearance, each id's later record kept. */
function byIdLaterWins(people: readonly Person[]): Map<string, Person> {
  const out = new Map<string, Person>();
  for (const p of people) out.set(p.id, p);
  return out;
}

function fieldValue(v: ChangeValues, field: ChangeField): string | null {
  switch (field) {
    case 'manager':
      return v.managerId;
    case 'team':
      return v.teamId;
    case 'level':
      return v.level;
    case 'title':
      return v.title;
    case 'status':
      return v.status;
  }
}

function valuesOf(org: Org): (p: Person) => ChangeValues {
  const names = new Map(org.people.map((p) => [p.id, p.name ?? null]));
  const teams = new Map(org.teams.map((t) => [t.id, t.name]));
  return (p) => ({
    managerId: p.managerId,
    managerName: p.managerId ? (names.get(p.managerId) ?? null) : null,
    teamId: p.teamId,
    teamName: p.teamId ? (teams.get(p.teamId) ?? null) : null,
    level: p.level ?? null,
    title: p.title ?? null,
    status: p.status,
  });
}
