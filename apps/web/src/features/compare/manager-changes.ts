import type { ManagerChange } from '@reorg/model';

/** How the list of a long diff is cut: people shown in all, and per new manager. */
export interface ManagerChangeLimits {
  /** Most people shown over all groups. */
  people: number;
  /** Most people shown under one new manager. */
  perGroup: number;
}

/** The caps of the compare view: a few screens of names, never thousands of rows. */
export const MANAGER_CHANGE_LIMITS: ManagerChangeLimits = { people: 60, perGroup: 8 };

/** One person in the list: their name and their former manager's, both ready to print. */
export interface ManagerChangeLine {
  id: string;
  name: string;
  /** The manager before the scenario (`No manager` for someone at the top). */
  from: string;
}

/** The people who report to one new manager in the scenario. */
export interface ManagerChangeGroup {
  /** The new manager's id; null for people moved to the top of the org. */
  managerId: string | null;
  /** The new manager's name (`No manager` for the top). */
  manager: string;
  /** Everyone in the group, shown or not. */
  total: number;
  /** The people shown, by name. */
  people: ManagerChangeLine[];
  /** People of the group not shown (`total - people.length`). */
  more: number;
}

/** The manager changes of one scenario, grouped by new manager and cut to the limits. */
export interface ManagerChangeList {
  /** People changing manager, shown or not. */
  total: number;
  /** Groups shown, the largest first (then by manager name). */
  groups: ManagerChangeGroup[];
  /** Groups left out entirely. */
  moreGroups: number;
  /** People in the groups left out. */
  morePeople: number;
}

/** The label of someone with no manager (at the top of the org). */
export const NO_MANAGER = 'No manager';

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** A manager's name as shown: the name, else the id, else {@link NO_MANAGER}. */
function managerLabel(id: string | null, name: string | undefined): string {
  return id === null ? NO_MANAGER : (name ?? id);
}

const byNameThenId = (a: ManagerChangeLine, b: ManagerChangeLine) =>
  collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The `k` first of `items` in `compare` order, sorted: O(n·k), one comparison for most items. */
function firstSorted<T>(items: readonly T[], k: number, compare: (a: T, b: T) => number): T[] {
  const out: T[] = [];
  if (k <= 0) return out;
  for (const x of items) {
    if (out.length === k && compare(x, out[k - 1]!) >= 0) continue;
    let i = out.length;
    while (i > 0 && compare(x, out[i - 1]!) < 0) i--;
    out.splice(i, 0, x);
    if (out.length > k) out.pop();
  }
  return out;
}

/**
 * The people of `changes` (an `OrgDiff`'s `people.managerChanged`) grouped by new manager: the
 * groups with the most people first (ties by manager name), people by name within a group (ties by
 * id). At most `limits.perGroup` people are shown per group and `limits.people` in all; groups
 * past that are only counted. A missing name falls back to the id. O(n) in the changes for fixed
 * limits (plus sorting the groups), so a diff of 100k people is cut without sorting it.
 */
export function listManagerChanges(
  changes: readonly ManagerChange[],
  limits: ManagerChangeLimits = MANAGER_CHANGE_LIMITS,
): ManagerChangeList {
  const byManager = new Map<string | null, ManagerChange[]>();
  for (const c of changes) {
    const group = byManager.get(c.to);
    if (group) group.push(c);
    else byManager.set(c.to, [c]);
  }
  const sorted = [...byManager.values()]
    .map((members) => ({ members, manager: managerLabel(members[0]!.to, members[0]!.toName) }))
    .sort((a, b) => b.members.length - a.members.length || collator.compare(a.manager, b.manager));

  const groups: ManagerChangeGroup[] = [];
  let room = limits.people;
  let moreGroups = 0;
  let morePeople = 0;
  for (const { members, manager } of sorted) {
    if (room <= 0) {
      moreGroups++;
      morePeople += members.length;
      continue;
    }
    const lines = members.map((c) => ({
      id: c.id,
      name: c.name ?? c.id,
      from: managerLabel(c.from, c.fromName),
    }));
    const people = firstSorted(lines, Math.min(limits.perGroup, room), byNameThenId);
    room -= people.length;
    groups.push({
      managerId: members[0]!.to,
      manager,
      total: members.length,
      people,
      more: members.length - people.length,
    });
  }
  return { total: changes.length, groups, moreGroups, morePeople };
}

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** `1 person` / `1,234 people`. */
export function peopleCount(n: number): string {
  return `${COUNT.format(n)} ${n === 1 ? 'person' : 'people'}`;
}

/** The last line of a cut group: `and 1,234 more`. */
export function moreText(n: number): string {
  return `and ${COUNT.format(n)} more`;
}

/**
 * What a cut list leaves out, as the line under it (`and 40 more people under 3 other managers`);
 * empty when nothing is left out.
 */
export function leftOutText(list: ManagerChangeList): string {
  if (list.moreGroups === 0) return '';
  const managers = `${COUNT.format(list.moreGroups)} other ${list.moreGroups === 1 ? 'manager' : 'managers'}`;
  const people = `${COUNT.format(list.morePeople)} more ${list.morePeople === 1 ? 'person' : 'people'}`;
  return `and ${people} under ${managers}`;
}
