import { parseAllDocuments } from 'yaml';
import { type Interaction, type Team, TeamSchema } from '../schema/team';
import { slugify } from './cells';
import type { DateFormat } from './dates';
import { frontMatter, isMarkdownName } from './markdown';
import { type ImportResult, IssueCollector, type IssueSink } from './result';
import { createTeamRefResolver, isRaw, parseComplexity, parseTeamType, pickString } from './team-api';
import { readInteraction, type TeamsDirection } from './team-interactions';

export type { TeamsDirection } from './team-interactions';

/** Options of {@link importTeamsFile}. */
export interface TeamsFileOptions {
  /** Which way a team's own listed x-as-a-service interactions go when nothing in them says (default `listed-consumes`). */
  direction?: TeamsDirection;
  /** How numeric dates such as `01/02/2022` are written (default `MM-DD-YYYY`; `01/01/2022` reads either way). */
  dateFormat?: DateFormat;
}

/** What a teams file holds: teams (with their types and domains) and interactions between them. */
export interface TeamsFile {
  teams: Team[];
  interactions: Interaction[];
}

/** A raw value and where it was found (`document 2, interactions[0]`), for messages. */
export interface Located {
  where: string;
  raw: unknown;
  /** Where issues about it go (its file's view of the collector); the caller's sink when absent. */
  sink?: IssueSink;
}

/**
 * Reads a teams file: JSON `{ "teams": [...], "interactions": [...] }` or a JSON array of teams;
 * or YAML, either of those shapes or Team API documents as Team Topologies' TeamAPI-As-Code
 * writes them (one team per `---` document: `info.name`, `info.type`, optional `manager`/`lead`,
 * `domains`, and `interactions` with `team-name`/`teamName`/`team_id`, `interaction-mode`/`mode`,
 * `purpose`, `since`, and `expectedEnd`/`until` or `expectedDuration` (+ `expectedDurationUnit`)
 * counted from `since`); or a Markdown file (`.md`) whose YAML front matter is such a document.
 *
 * Read leniently: types such as "Stream-aligned" or "complicated subsystem" and modes such as
 * "X-as-a-Service" are accepted; a team's id defaults to the slug of its name; dates as people
 * write them (`parseDate`), a date that cannot be read (or `unknown`) left empty with a warning;
 * the direction of a listed interaction as `readInteraction` decides it; a team named in an
 * interaction is found by id, then name, else kept as written. Errors name the document or index.
 */
export function importTeamsFile(
  text: string,
  fileName?: string,
  options: TeamsFileOptions = {},
): ImportResult<TeamsFile> {
  return importTeamsFiles([{ name: fileName, text }], options);
}

/**
 * Reads several teams files as one (a Team API repository keeps one team per file): teams of
 * every file are known to the interactions of every other (by id or name, and by type for the
 * direction), and repeats across files count once. Issues name their file.
 */
export function importTeamsFiles(
  files: readonly { name?: string; text: string }[],
  options: TeamsFileOptions = {},
): ImportResult<TeamsFile> {
  const issues = new IssueCollector(files.length === 1 ? files[0].name : undefined);
  const rawTeams: Located[] = [];
  const rawInteractions: Located[] = [];
  for (const file of files) {
    const sink = files.length === 1 ? issues : issues.forFile(file.name);
    const text = file.name && isMarkdownName(file.name) ? (frontMatter(file.text) ?? '') : file.text;
    const docs = parseDocuments(text, sink);
    if (!docs) continue;
    const [teamsBefore, interactionsBefore] = [rawTeams.length, rawInteractions.length];
    for (const { where, raw } of docs) collect(where, raw, rawTeams, rawInteractions, sink);
    for (const l of [...rawTeams.slice(teamsBefore), ...rawInteractions.slice(interactionsBefore)])
      l.sink = sink;
    if (rawTeams.length === teamsBefore && rawInteractions.length === interactionsBefore) {
      sink.error({
        message: 'no teams found: expected { teams, interactions }, a list of teams, or Team API YAML',
      });
    }
  }
  const read = rawTeams.map((t) => readTeam(t, t.sink ?? issues)).filter((t) => t !== undefined);
  const teams = dedupeTeams(
    read.map((r) => r.team),
    issues,
  );
  const resolve = createTeamRefResolver(teams);
  const types = new Map(teams.map((t) => [t.id, t.type]));
  const context = {
    issues: issues as IssueSink,
    resolve,
    typeOf: (id: string) => types.get(id),
    direction: options.direction ?? 'listed-consumes',
    dateFormat: options.dateFormat ?? 'MM-DD-YYYY',
  } as const;
  const interactions: Interaction[] = [];
  for (const r of read) {
    r.interactions.forEach((raw, i) => {
      const where = `${r.where}, interactions[${i}]`;
      const it = readInteraction({ where, raw }, { ...context, issues: r.sink }, r.team.id);
      if (it) interactions.push(it);
    });
  }
  for (const located of rawInteractions) {
    const it = readInteraction(located, { ...context, issues: located.sink ?? issues });
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
    // One line per document: a broken document makes the YAML parser report every later line.
    const first = doc.errors[0];
    if (first) {
      issues.error({ message: `YAML document ${i + 1}: ${first.message.split('\n')[0]}` });
      return; // what the parser salvaged of a broken document would only add confusing errors
    }
    const raw = doc.toJS();
    if (raw !== null && raw !== undefined) out.push({ where: `document ${i + 1}`, raw });
  });
  return list.some((doc) => doc.errors.length > 0) ? undefined : out;
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
  sink: IssueSink;
  team: Team;
  interactions: unknown[];
}

function readTeam({ where, raw }: Located, issues: IssueSink): ReadTeam | undefined {
  const sink = issues;
  if (!isRaw(raw)) {
    issues.error({ message: `${where}: expected a team object` });
    return undefined;
  }
  const info = isRaw(raw.info) ? raw.info : undefined;
  const pick = (...keys: string[]) => pickString(info, ...keys) ?? pickString(raw, ...keys);
  const name = pick('name', 'team-name', 'teamName', 'team_name');
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
  return { where, sink, team: parsed.data, interactions: Array.isArray(interactions) ? interactions : [] };
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
