import type { Org } from '@reorg/model';
import { ALL_ORGS, type Principal, type Role } from './principal';

// The one place that answers "may this principal do X to Y" and "whose compensation may they
// see" (STYLE 6). Handlers and middleware ask; they never decide themselves. Pure functions.

/** The principal's role on an org: an admin is admin everywhere; an org grant wins over `*`. */
export function roleOn(p: Principal, orgId: string): Role | undefined {
  if (isAdmin(p)) return 'admin';
  return p.roles.get(orgId) ?? p.roles.get(ALL_ORGS);
}

/** True for an admin (a role that is admin on every org). */
export function isAdmin(p: Principal): boolean {
  return p.roles.get(ALL_ORGS) === 'admin';
}

/** True when the principal has any role on the org (else the org answers 404). */
export function canSeeOrg(p: Principal, orgId: string): boolean {
  return roleOn(p, orgId) !== undefined;
}

/** True when the principal may import new orgs: admins, and HR on every org. */
export function canImportOrgs(p: Principal): boolean {
  return isAdmin(p) || p.roles.get(ALL_ORGS) === 'hr';
}

/** True when the principal's role on the org lets them write (create scenarios, ops, plans). */
export function canEditOn(p: Principal, orgId: string): boolean {
  const role = roleOn(p, orgId);
  return role === 'admin' || role === 'hr' || role === 'editor';
}

/** True when the principal sees every person's compensation in the org (admin, HR). */
export function seesAllCompensation(p: Principal, orgId: string): boolean {
  const role = roleOn(p, orgId);
  return role === 'admin' || role === 'hr';
}

/** How far a principal may go with a scenario, weakest first. */
export const ACCESS_LEVELS = ['view', 'comment', 'edit', 'owner'] as const;

/** An access level on a scenario. */
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** What {@link scenarioAccess} needs to know of a scenario. */
export interface ScenarioGrantInfo {
  orgId: string;
  author: string;
  visibility: 'private' | 'org';
  /** Shares: `with` is `org` or an e-mail. */
  shares: readonly { with: string; access: 'view' | 'comment' | 'edit' }[];
}

/**
 * The principal's access to a scenario, or undefined when they may not even see it (404).
 * Scenarios are private to their author until shared (ChartHop, Orgvue): the author owns it,
 * an admin may do everything, a share grants its access, `visibility: org` grants edit to every
 * role on the org. A role caps it: a viewer can at most comment, whatever the share says.
 */
export function scenarioAccess(p: Principal, s: ScenarioGrantInfo): AccessLevel | undefined {
  const role = roleOn(p, s.orgId);
  if (role === undefined) return undefined;
  if (role === 'admin' || sameEmail(s.author, p.email)) return 'owner';
  let level: AccessLevel | undefined = s.visibility === 'org' ? 'edit' : undefined;
  for (const share of s.shares) {
    if (share.with === 'org' || sameEmail(share.with, p.email)) level = stronger(level, share.access);
  }
  if (level === undefined) return undefined;
  return role === 'viewer' && (level === 'edit' || level === 'owner') ? 'comment' : level;
}

/** True when the access level allows saving ops, restores and plans. */
export function allowsEdit(level: AccessLevel | undefined): boolean {
  return level === 'edit' || level === 'owner';
}

/** True when the access level allows commenting (a `comment` share or more). */
export function allowsComment(level: AccessLevel | undefined): boolean {
  return level === 'comment' || allowsEdit(level);
}

/** True when `level` is at least `needed`. */
export function allowsAccess(level: AccessLevel | undefined, needed: AccessLevel): boolean {
  return level !== undefined && ACCESS_LEVELS.indexOf(level) >= ACCESS_LEVELS.indexOf(needed);
}

/**
 * The access a write under `/api/scenarios/:id/…` needs, by its path after the id: sharing needs
 * the author (`owner`); comments need `comment`; deciding on a review (approve, request changes)
 * and adopting need only `view` here, because the handler then asks {@link canDecide} and
 * {@link canAdopt}; rebasing (which makes a new scenario) needs `view` and an editing role on the
 * org; every other write needs `edit`.
 */
export function accessNeededFor(rest: string): AccessLevel {
  if (rest === '/share') return 'owner';
  if (rest === '/comments' || rest.startsWith('/comments/')) return 'comment';
  if (rest === '/review/approve' || rest === '/review/request-changes' || rest === '/adopt') return 'view';
  if (rest === '/rebase') return 'view';
  return 'edit';
}

/**
 * True when the principal may approve or request changes: only the approvers named when the
 * scenario was submitted (a role named at submission was resolved to its holders then), and only
 * while they hold a role on the org.
 */
export function canDecide(p: Principal, orgId: string, approvers: readonly string[]): boolean {
  return canSeeOrg(p, orgId) && approvers.some((a) => sameEmail(a, p.email));
}

/**
 * True when the principal may adopt an approved scenario as the org's new baseline: admins and HR
 * on the org, who own the HRIS the change list goes to (Workday, ChartHop: HR applies approved
 * reorgs).
 */
export function canAdopt(p: Principal, orgId: string): boolean {
  const role = roleOn(p, orgId);
  return role === 'admin' || role === 'hr';
}

/** True when the access level allows sharing (the author, admins). */
export function allowsShare(level: AccessLevel | undefined): boolean {
  return level === 'owner';
}

/**
 * Whose compensation the principal may see in an org: `all` for admin and HR; otherwise the
 * people below (directly or not) every person of the baseline whose e-mail is the principal's
 * (ChartHop: compensation down your own reporting line). The reporting line is the baseline's:
 * moving people under yourself in a draft scenario does not reveal their pay.
 */
export function visibleCompensation(p: Principal, baseline: Org): 'all' | Set<string> {
  if (seesAllCompensation(p, baseline.id)) return 'all';
  const own = personIdsOf(p, baseline);
  const visible = new Set<string>();
  if (own.length === 0) return visible;
  const reports = new Map<string, string[]>();
  for (const person of baseline.people) {
    if (!person.managerId) continue;
    const list = reports.get(person.managerId);
    if (list) list.push(person.id);
    else reports.set(person.managerId, [person.id]);
  }
  const queue = [...own];
  while (queue.length > 0) {
    const id = queue.pop() as string;
    for (const r of reports.get(id) ?? []) {
      if (visible.has(r)) continue;
      visible.add(r);
      queue.push(r);
    }
  }
  return visible;
}

/** The ids of the baseline's people whose e-mail is the principal's (case-insensitive). */
export function personIdsOf(p: Principal, baseline: Org): string[] {
  return baseline.people.filter((x) => x.email && sameEmail(x.email, p.email)).map((x) => x.id);
}

function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function stronger(a: AccessLevel | undefined, b: AccessLevel): AccessLevel {
  if (a === undefined) return b;
  return ACCESS_LEVELS.indexOf(a) >= ACCESS_LEVELS.indexOf(b) ? a : b;
}
