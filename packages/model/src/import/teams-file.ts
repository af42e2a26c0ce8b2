import { parseAllDocuments } from 'yaml';
import { type Interaction, InteractionSchema, type Team, TeamSchema } from '../schema/team';
import { parseIsoDate, slugify } from './cells';
import { type ImportResult, IssueCollector, type IssueSink } from './result';
import {
  addDuration,
  createTeamRefResolver,
  isRaw,
  parseComplexity,
  parseInteractionMode,
  parseTeamType,
  pickString,
  type Raw,
} from './team-api';

/** What a teams file holds: teams (with their types and domains) and interactions between them. */
export interface TeamsFile {
  teams: Team[];
  interactions: Interaction[];
}

interface Located {
  where: string;
  raw: unknown;
}

/**
 * Reads a teams file: JSON `{ "teams": [...], "interactions": [...] }` or a JSON array of teams;
 * or YAML, either of those shapes or Team API documents as published by Team Topologies (one team
 * per `---` document: `info.name`, `info.type`, optional `manager`/`lead`, `domains`, and
 * `interactions` with `team`/`teamName`, `mode`, and `expectedEnd`/`until` or `expectedDuration`
 * counted from `since`).
 *
 * Read leniently: types such as "Stream-aligned" or "complicated subsystem" and modes such as
 * "X-as-a-Service" are accepted; a team's id defaults to the slug of its name; an interaction
 * listed in a team's document goes from that team to the other one (for x-as-a-service: the team
 * provides the service) unless it says `direction: consumes`; a team named in an interaction is
 * found by id, then name, else kept as written. Errors name the document or array index.
 */
export function importTeamsFile(text: string, fileName?: string): ImportResult<TeamsFile> {
  const issues = new IssueCollector(fileName);
  const docs = parseDocuments(text, issues);
  if (!docs) return issues.fail();
  const rawTeams: Located[] = [];
  const rawInteractions: Located[] = [];
  for (const { where, raw } of docs) collect(where, raw, rawTeams, rawInteractions, issues);
  if (rawTeams.length === 0 && rawInteractions.length === 0 && !issues.failed) {
    issues.error({
      message: 'no teams found: expected { teams, interactions }, a list of teams, or Team API YAML',
    });
  }
  const read = rawTeams.map((t) => readTeam(t, issues)).filter((t) => t !== undefined);
  const teams = dedupeTeams(
    read.map((r) => r.team),
    issues,
  );
  const resolve = createTeamRefResolver(teams);
  const interactions: Interaction[] = [];
  for (const r of read) {
    r.interactions.forEach((raw, i) => {
      const it = readInteraction(
        { where: `${r.where}, interactions[${i}]`, raw },
        issues,
        resolve,
        r.team.id,
      );
      if (it) interactions.push(it);
    });
  }
  for (const located of rawInteractions) {
    const it = readInteraction(located, issues, resolve);
    if (it) interactions.push(it);
  }
  return issues.finish({ teams, interactions: dedupeInteractions(interactions) });
}

function parseDocuments(text: string, issues: IssueSink): Located[] | undefined {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return [{ where: 'JSON', raw: JSON.parse(trimmed) }];
    } catch (e) {
      issues.error({ message: `not valid JSON: ${(e as Error).message}` });
      return undefined;
    }
  }
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [docs];
  const out: Located[] = [];
  list.forEach((doc, i) => {
    for (const e of doc.errors)
      issues.error({ message: `YAML document ${i + 1}: ${e.message.split('\n')[0]}` });
    const raw = doc.toJS();
    if (raw !== null && raw !== undefined) out.push({ where: `document ${i + 1}`, raw });
  });
  return out;
}

function collect(
  where: string,
  raw: unknown,
  teams: Located[],
  interactions: Located[],
  issues: IssueSink,
): void {
  const list = (value: unknown, key: string, into: Located[]) => {
    if (value === undefined) return;
    if (!Array.isArray(value)) issues.error({ message: `${where}: ${key} must be a list` });
    else
      value.forEach((item, i) => {
        into.push({ where: `${where}, ${key}[${i}]`, raw: item });
      });
  };
  if (Array.isArray(raw)) list(raw, 'teams', teams);
  else if (
    isRaw(raw) &&
    ('teams' in raw || ('interactions' in raw && !('info' in raw) && !('name' in raw)))
  ) {
    list(raw.teams, 'teams', teams);
    list(raw.interactions, 'interactions', interactions);
  } else if (isRaw(raw)) teams.push({ where, raw });
  else issues.error({ message: `${where}: expected a team, a list of teams, or { teams, interactions }` });
}

interface ReadTeam {
  where: string;
  team: Team;
  interactions: unknown[];
}

function readTeam({ where, raw }: Located, issues: IssueSink): ReadTeam | undefined {
  if (!isRaw(raw)) {
    issues.error({ message: `${where}: expected a team object` });
    return undefined;
  }
  const info = isRaw(raw.info) ? raw.info : undefined;
  const pick = (...keys: string[]) => pickString(info, ...keys) ?? pickString(raw, ...keys);
  const name = pick('name', 'teamName', 'team_name');
  if (!name) {
    issues.error({ message: `${where}: a team needs a name` });
    return undefined;
  }
  const typeRaw = pick('type', 'teamType', 'team_type');
  const type = typeRaw === undefined ? 'stream-aligned' : parseTeamType(typeRaw);
  if (!type) {
    issues.error({
      message: `${where}: unknown team type "${typeRaw}": expected stream-aligned, platform, enabling or complicated-subsystem`,
    });
  }
  const input = {
    id: pick('id', 'teamId', 'team_id') ?? (slugify(name) || name),
    name,
    kind: pick('kind') ?? 'team',
    type: type ?? 'stream-aligned',
    managerId: pick('managerId', 'manager', 'lead', 'teamLead', 'team_lead') ?? null,
    parentId: pick('parentId', 'parent', 'group') ?? null,
    domains: readDomains(info?.domains ?? raw.domains, where, issues),
  };
  const parsed = TeamSchema.safeParse(input);
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      issues.error({ message: `${where}, ${i.path.join('.')}: ${i.message}` });
    return undefined;
  }
  const interactions = info?.interactions ?? raw.interactions ?? [];
  if (!Array.isArray(interactions)) issues.error({ message: `${where}: interactions must be a list` });
  return { where, team: parsed.data, interactions: Array.isArray(interactions) ? interactions : [] };
}

function readDomains(value: unknown, where: string, issues: IssueSink): Team['domains'] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    issues.error({ message: `${where}: domains must be a list` });
    return [];
  }
  return value.flatMap((d, i) => {
    const name = typeof d === 'string' ? d.trim() : isRaw(d) ? pickString(d, 'name') : undefined;
    const complexityRaw = isRaw(d) ? pickString(d, 'complexity') : undefined;
    const complexity = complexityRaw === undefined ? 'simple' : parseComplexity(complexityRaw);
    if (!name || !complexity) {
      issues.error({
        message: `${where}, domains[${i}]: expected a name, or { name, complexity: simple | complicated | complex }`,
      });
      return [];
    }
    return [{ name, complexity }];
  });
}

const CONSUMER_WORDS = new Set([
  'consumes',
  'consumer',
  'consuming',
  'uses',
  'receives',
  'facilitated',
  'in',
]);

function readInteraction(
  { where, raw }: Located,
  issues: IssueSink,
  resolve: (ref: string) => string,
  self?: string,
): Interaction | undefined {
  if (!isRaw(raw)) {
    issues.error({ message: `${where}: expected an interaction object` });
    return undefined;
  }
  const modeRaw = pickString(raw, 'mode', 'interactionMode', 'interaction_mode', 'type');
  const mode = modeRaw === undefined ? undefined : parseInteractionMode(modeRaw);
  if (!mode) {
    issues.error({
      message: `${where}: ${modeRaw === undefined ? 'missing mode' : `unknown mode "${modeRaw}"`}: expected collaboration, x-as-a-service or facilitating`,
    });
  }
  let from: string | undefined;
  let to: string | undefined;
  if (self !== undefined) {
    const other = pickString(raw, 'team', 'teamName', 'team_name', 'teamId', 'with', 'to', 'name');
    const reversed = CONSUMER_WORDS.has((pickString(raw, 'direction', 'role') ?? '').toLowerCase());
    [from, to] = other === undefined ? [] : reversed ? [resolve(other), self] : [self, resolve(other)];
  } else {
    const f = pickString(raw, 'from', 'provider', 'source');
    const t = pickString(raw, 'to', 'consumer', 'target');
    [from, to] = [f && resolve(f), t && resolve(t)];
  }
  if (!from || !to) issues.error({ message: `${where}: an interaction needs the team it is with` });
  const dates = readDates(raw, where, issues);
  if (!mode || !from || !to || !dates) return undefined;
  const parsed = InteractionSchema.safeParse({ from, to, mode, ...dates });
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      issues.error({ message: `${where}, ${i.path.join('.')}: ${i.message}` });
    return undefined;
  }
  return parsed.data;
}

function readDates(raw: Raw, where: string, issues: IssueSink) {
  const out: { since?: string; expectedEnd?: string } = {};
  let ok = true;
  for (const [key, names] of [
    ['since', ['since', 'start', 'startDate', 'started']],
    ['expectedEnd', ['expectedEnd', 'expected_end', 'until', 'end', 'endDate']],
  ] as const) {
    const v = pickString(raw, ...names);
    if (v === undefined) continue;
    const parsed = parseIsoDate(v);
    if (parsed.ok) out[key] = parsed.value;
    else {
      ok = false;
      issues.error({ message: `${where}, ${key}: ${parsed.message}` });
    }
  }
  const duration = pickString(raw, 'expectedDuration', 'expected_duration', 'duration');
  if (duration !== undefined && out.expectedEnd === undefined) {
    if (out.since === undefined) {
      issues.warn({
        message: `${where}: expectedDuration "${duration}" ignored: no since date to count from`,
      });
    } else {
      const end = addDuration(out.since, duration);
      if (end) out.expectedEnd = end;
      else {
        ok = false;
        issues.error({
          message: `${where}: cannot read expectedDuration "${duration}" (e.g. "3 months", "P6W")`,
        });
      }
    }
  }
  return ok ? out : undefined;
}

function dedupeTeams(teams: Team[], issues: IssueSink): Team[] {
  const byId = new Map<string, Team>();
  for (const t of teams) {
    if (byId.has(t.id)) issues.warn({ message: `team id "${t.id}" appears twice; the later one is kept` });
    byId.set(t.id, t);
  }
  return [...byId.values()];
}

/** Drops repeats of one interaction (a collaboration listed by both teams counts once). */
function dedupeInteractions(list: Interaction[]): Interaction[] {
  const seen = new Set<string>();
  return list.filter((it) => {
    const key = `${it.from}->${it.to}:${it.mode}`;
    const reverse = `${it.to}->${it.from}:${it.mode}`;
    if (seen.has(key) || (it.mode === 'collaboration' && seen.has(reverse))) return false;
    seen.add(key);
    return true;
  });
}
