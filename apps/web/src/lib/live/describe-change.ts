import type { Op, Org } from '@reorg/model';
import { getDisplayName } from '../org/display-name';

/** Names of people and teams as of the state before the change (ids when unknown). */
export interface ChangeNamer {
  person(id: string): string;
  team(id: string): string;
}

/** A namer on an org: display names of people, names of teams. */
export function namerOf(org: Org | null): ChangeNamer {
  const people = new Map(org?.people.map((p) => [p.id, p]) ?? []);
  const teams = new Map(org?.teams.map((t) => [t.id, t]) ?? []);
  return {
    person: (id) => (people.has(id) ? getDisplayName(people.get(id)) : id),
    team: (id) => teams.get(id)?.name ?? id,
  };
}

/** One op as the rest of a sentence whose subject is its author: "moved Checkout under Kofi". */
export function describeChange(op: Op, n: ChangeNamer): string {
  switch (op.type) {
    case 'changeManager':
      return op.managerId
        ? `moved ${n.person(op.personId)} under ${n.person(op.managerId)}`
        : `made ${n.person(op.personId)} report to nobody`;
    case 'moveTeam':
      return `moved ${n.team(op.teamId)} under ${n.person(op.managerId)}`;
    case 'assignTeam':
      return op.teamId
        ? `put ${n.person(op.personId)} in ${n.team(op.teamId)}`
        : `took ${n.person(op.personId)} out of their team`;
    case 'addPerson':
      return `added ${op.person.status === 'open' ? 'an open req' : (op.person.name ?? op.person.id)}${op.person.managerId ? ` under ${n.person(op.person.managerId)}` : ''}`;
    case 'removePerson':
      return `removed ${n.person(op.personId)}`;
    case 'updatePerson':
      return `changed ${Object.keys(op.changes).join(', ') || 'nothing'} of ${n.person(op.personId)}`;
    case 'addTeam':
      return `added team ${op.team.name}`;
    case 'removeTeam':
      return `removed team ${n.team(op.teamId)}`;
    case 'updateTeam':
      return `changed ${Object.keys(op.changes).join(', ') || 'nothing'} of ${n.team(op.teamId)}`;
    case 'mergeTeams':
      return `merged ${op.teamIds
        .filter((t) => t !== op.into)
        .map(n.team)
        .join(', ')} into ${n.team(op.into)}`;
    case 'splitTeam':
      return `split ${op.newTeam.name} out of ${n.team(op.teamId)}`;
    case 'setInteraction':
      return `set ${n.team(op.interaction.from)} → ${n.team(op.interaction.to)} to ${op.interaction.mode}`;
    case 'removeInteraction':
      return `removed the interaction ${n.team(op.from)} → ${n.team(op.to)}`;
    case 'updateLadder':
      return 'changed the career ladder';
    case 'updatePolicy':
      return 'changed the span-of-control policy';
    default:
      return 'changed the scenario';
  }
}

/**
 * The toast for someone else's revision: "Ana moved Checkout under Kofi", "… and 3 more
 * changes", or "Ana restored revision 4". Names come from `before` (the state the ops apply to).
 */
export function describeRevision(
  author: string,
  ops: readonly Op[],
  before: Org | null,
  restoredFrom: number | null = null,
): string {
  if (restoredFrom !== null) return `${author} restored revision ${restoredFrom}`;
  if (ops.length === 0) return `${author} saved the scenario`;
  const first = describeChange(ops[0] as Op, namerOf(before));
  const more = ops.length - 1;
  return `${author} ${first}${more > 0 ? ` and ${more} more change${more > 1 ? 's' : ''}` : ''}`;
}
