import { parseAllDocuments } from 'yaml';
import type { PersonInput } from '../schema/person';
import type { TeamInput } from '../schema/team';
import { foldKey, slugify } from './cells';
import { type ImportResult, IssueCollector, type IssueSink } from './result';
import { isRaw, parseTeamType, pickString, type Raw } from './team-api';

/** The kinds of Backstage catalog entity reorg reads; the others (Component, API, System…) are skipped. */
const READ_KINDS = new Set(['group', 'user']);

/**
 * Group `spec.type` values read as a team (kind `team`); every other type (department,
 * organization, business-unit, product-area, tribe…) is a group. Backstage leaves the types free;
 * these are the ones its documentation and examples use for a delivery team.
 */
const TEAM_TYPES = new Set(['team', 'squad', 'subteam', 'sub-team', 'pod', 'crew']);

/** True for a Backstage catalog entity (`apiVersion: backstage.io/…` or a `kind` with `metadata.name`). */
export function isBackstageEntity(doc: unknown): boolean {
  if (!isRaw(doc) || typeof doc.kind !== 'string' || !isRaw(doc.metadata)) return false;
  const api = typeof doc.apiVersion === 'string' ? doc.apiVersion : '';
  return api.startsWith('backstage.io/') || (READ_KINDS.has(doc.kind.toLowerCase()) && 'spec' in doc);
}

/** What a Backstage catalog holds for reorg: teams and groups from Groups, people from Users. */
export interface BackstageCatalog {
  /** Teams (`spec.type` team) and groups (department, organization…), parents resolved. */
  teams: TeamInput[];
  /** People with their team (`teamId`) and e-mail; no manager: the catalog has no reporting lines. */
  people: (PersonInput & { id: string })[];
}

/** `group:default/platform`, `default/platform`, `platform` → `platform` (the entity's name). */
function refName(ref: string): string {
  return ref.replace(/^[a-z]+:/i, '').replace(/^[^/]*\//, '');
}

function names(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string').map(refName) : [];
}

/**
 * Reads a Backstage software catalog: YAML documents (`---`-separated, as `catalog-info.yaml`
 * and `org.yaml` files are written), a JSON array of entities, or the catalog API's
 * `{ "items": [...] }`. A `kind: Group` becomes a team when its `spec.type` is a team type (see
 * {@link TEAM_TYPES}) and a group otherwise, named `spec.profile.displayName` (else
 * `metadata.title`, else `metadata.name`), its parent from `spec.parent` or from a group listing
 * it in `spec.children`. A `kind: User` becomes a person (id `metadata.name`) with
 * `spec.profile.email` and `displayName`, in the first team of `spec.memberOf` (else its first
 * group). References such as `group:default/platform` are resolved by name. Other kinds are skipped.
 *
 * Errors: unreadable YAML or JSON, an entity without `metadata.name`, no Group or User at all.
 * Warnings: a `memberOf` or parent naming no Group of the catalog (left unset).
 */
export function importBackstageCatalog(text: string, fileName?: string): ImportResult<BackstageCatalog> {
  const issues = new IssueCollector(fileName);
  const entities = readEntities(text, issues);
  if (!entities) return issues.fail();
  const groups = new Map<string, Raw>();
  const users: Raw[] = [];
  entities.forEach((e, i) => {
    const kind = typeof e.kind === 'string' ? e.kind.toLowerCase() : '';
    if (!READ_KINDS.has(kind)) return;
    const name = isRaw(e.metadata) ? pickString(e.metadata, 'name') : undefined;
    if (!name) issues.error({ message: `entity ${i + 1} (${e.kind}) has no metadata.name` });
    else if (kind === 'group') groups.set(name, e);
    else users.push(e);
  });
  if (groups.size === 0 && users.length === 0 && !issues.failed) {
    issues.error({
      message: 'no Group or User entity: expected Backstage catalog entities (kind: Group, kind: User)',
    });
  }
  if (issues.failed) return issues.fail();
  const teams = readGroups(groups, issues);
  const people = readUsers(users, groups, issues);
  return issues.finish({ teams, people });
}

function readEntities(text: string, issues: IssueCollector): Raw[] | undefined {
  const trimmed = text.replace(/^\uFEFF/, '').trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      const doc: unknown = JSON.parse(trimmed);
      const list = Array.isArray(doc) ? doc : isRaw(doc) && Array.isArray(doc.items) ? doc.items : [];
      return list.filter(isRaw);
    } catch (e) {
      issues.error({ message: `not valid JSON: ${(e as Error).message}` });
      return undefined;
    }
  }
  const docs = parseAllDocuments(trimmed);
  const list = Array.isArray(docs) ? docs : [docs];
  const out: Raw[] = [];
  list.forEach((doc, i) => {
    const first = doc.errors[0];
    if (first) issues.error({ message: `YAML document ${i + 1}: ${first.message.split('\n')[0]}` });
    const raw: unknown = doc.toJS();
    if (isRaw(raw)) out.push(raw);
  });
  return issues.failed ? undefined : out;
}

const specOf = (e: Raw): Raw => (isRaw(e.spec) ? e.spec : {});
const profileOf = (e: Raw): Raw | undefined => {
  const p = specOf(e).profile;
  return isRaw(p) ? p : undefined;
};
const nameOf = (e: Raw) => pickString(e.metadata as Raw, 'name') ?? '';

function isTeamGroup(e: Raw): boolean {
  const type = pickString(specOf(e), 'type')?.toLowerCase() ?? '';
  return TEAM_TYPES.has(type);
}

function readGroups(groups: Map<string, Raw>, issues: IssueSink): TeamInput[] {
  const parentOf = new Map<string, string>();
  for (const [name, g] of groups) {
    for (const child of names(specOf(g).children)) if (!parentOf.has(child)) parentOf.set(child, name);
  }
  const teams: TeamInput[] = [];
  for (const [name, g] of groups) {
    const spec = specOf(g);
    const declared = pickString(spec, 'parent');
    const parent = declared ? refName(declared) : parentOf.get(name);
    if (parent !== undefined && !groups.has(parent)) {
      issues.warn({
        message: `group ${name}: parent "${parent}" is not a Group of the catalog; left at the top`,
      });
    }
    const annotations = isRaw(g.metadata) && isRaw(g.metadata.annotations) ? g.metadata.annotations : {};
    const ttType =
      pickString(annotations, 'teamtopologies.com/type', 'team-type') ?? pickString(spec, 'teamType');
    teams.push({
      id: name,
      name: pickString(profileOf(g), 'displayName') ?? pickString(g.metadata as Raw, 'title') ?? name,
      kind: isTeamGroup(g) ? 'team' : 'group',
      type: (ttType && parseTeamType(ttType)) || 'stream-aligned',
      parentId: parent !== undefined && groups.has(parent) ? parent : null,
    });
  }
  return teams;
}

function readUsers(
  users: Raw[],
  groups: Map<string, Raw>,
  issues: IssueSink,
): (PersonInput & { id: string })[] {
  const membersOf = new Map<string, string[]>();
  for (const [name, g] of groups) {
    for (const member of names(specOf(g).members))
      membersOf.set(member, [...(membersOf.get(member) ?? []), name]);
  }
  return users.map((u) => {
    const id = nameOf(u);
    const profile = profileOf(u);
    const memberOf = [...names(specOf(u).memberOf), ...(membersOf.get(id) ?? [])];
    const unknown = memberOf.filter((g) => !groups.has(g));
    if (unknown.length > 0) {
      issues.warn({
        message: `user ${id}: memberOf ${unknown.map((g) => `"${g}"`).join(', ')} is not a Group of the catalog`,
      });
    }
    const known = memberOf.filter((g) => groups.has(g));
    const teamId = known.find((g) => isTeamGroup(groups.get(g) as Raw)) ?? known[0] ?? null;
    const email = pickString(profile, 'email');
    const name = pickString(profile, 'displayName') ?? pickString(u.metadata as Raw, 'title');
    return { id, teamId, ...(email ? { email } : {}), ...(name ? { name } : {}) };
  });
}

/**
 * Joins a catalog to the people of an HRIS import: each person is matched to a catalog user by
 * e-mail (case-insensitive), else by id or e-mail local part equal to the user's `metadata.name`, and
 * takes the user's team. Returns each person's team id (undefined: no user matched) and the
 * catalog users that matched no one.
 */
export function joinCatalogUsers(
  people: readonly { id: string; email?: string }[],
  catalog: BackstageCatalog,
): { teamIds: (string | null | undefined)[]; unmatched: string[] } {
  const byEmail = new Map<string, PersonInput & { id: string }>();
  const byName = new Map<string, PersonInput & { id: string }>();
  for (const u of catalog.people) {
    if (u.email) byEmail.set(foldKey(u.email), u);
    byName.set(foldKey(u.id), u);
  }
  const used = new Set<string>();
  const teamIds = people.map((p) => {
    const u =
      (p.email ? byEmail.get(foldKey(p.email)) : undefined) ??
      byName.get(foldKey(p.id)) ??
      byName.get(slugify(p.id)) ??
      (p.email ? byName.get(foldKey(p.email.split('@')[0])) : undefined);
    if (!u) return undefined;
    used.add(u.id);
    return u.teamId ?? null;
  });
  return { teamIds, unmatched: catalog.people.filter((u) => !used.has(u.id)).map((u) => u.id) };
}
