import type { DomainComplexity, InteractionMode, TeamType } from '../schema/team';
import { parseIsoDate, slugify } from './cells';

/** A plain object read from JSON or YAML. */
export type Raw = Record<string, unknown>;

/** True for a plain object (not an array, not null). */
export function isRaw(v: unknown): v is Raw {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const fold = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

const TEAM_TYPE_WORDS: Record<string, TeamType> = {
  streamaligned: 'stream-aligned',
  stream: 'stream-aligned',
  streamalignedteam: 'stream-aligned',
  platform: 'platform',
  platformteam: 'platform',
  enabling: 'enabling',
  enablingteam: 'enabling',
  complicatedsubsystem: 'complicated-subsystem',
  complicatedsubsystemteam: 'complicated-subsystem',
};

/** A Team Topologies team type written any way ("Stream-aligned", "complicated subsystem"), or undefined. */
export function parseTeamType(raw: string): TeamType | undefined {
  return TEAM_TYPE_WORDS[fold(raw)];
}

const MODE_WORDS: Record<string, InteractionMode> = {
  collaboration: 'collaboration',
  collaborate: 'collaboration',
  collaborating: 'collaboration',
  xasaservice: 'x-as-a-service',
  asaservice: 'x-as-a-service',
  xaas: 'x-as-a-service',
  service: 'x-as-a-service',
  facilitating: 'facilitating',
  facilitate: 'facilitating',
  facilitation: 'facilitating',
};

/** An interaction mode written any way ("X-as-a-Service", "collaboration", "Facilitating"), or undefined. */
export function parseInteractionMode(raw: string): InteractionMode | undefined {
  return MODE_WORDS[fold(raw)];
}

const COMPLEXITY_WORDS: Record<string, DomainComplexity> = {
  simple: 'simple',
  low: 'simple',
  complicated: 'complicated',
  medium: 'complicated',
  complex: 'complex',
  high: 'complex',
};

/** A domain complexity (simple/complicated/complex, or low/medium/high), or undefined. */
export function parseComplexity(raw: string): DomainComplexity | undefined {
  return COMPLEXITY_WORDS[fold(raw)];
}

/** The first of `keys` holding a non-empty string or number, as a trimmed string. */
export function pickString(obj: Raw | undefined, ...keys: string[]): string | undefined {
  if (!obj) return undefined;
  for (const key of keys) {
    const v = obj[key];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'number') return String(v);
    if (isRaw(v)) {
      const inner = pickString(v, 'id', 'name');
      if (inner) return inner;
    }
  }
  return undefined;
}

const UNIT_DAYS: Record<string, number> = { d: 1, w: 7 };
const UNIT_MONTHS: Record<string, number> = { m: 1, q: 3, y: 12 };

/**
 * The end date of a duration counted from `since`: "3 months", "6 weeks", "2 quarters", "1 year",
 * "90 days" or ISO 8601 ("P3M", "P6W"). Months are calendar months (a day past the month's end
 * falls on its last day). Undefined when the duration cannot be read.
 */
export function addDuration(since: string, duration: string): string | undefined {
  const s = duration.trim().toLowerCase();
  const m =
    /^p(\d+)([dwmy])$/.exec(s) ??
    /^(\d+)\s*(d|day|days|w|week|weeks|m|month|months|q|quarter|quarters|y|year|years)$/.exec(s);
  const start = parseIsoDate(since);
  if (!m || !start.ok) return undefined;
  const n = Number(m[1]);
  const unit = m[2][0];
  const [y, mo, d] = start.value.split('-').map(Number);
  let t: Date;
  if (unit in UNIT_DAYS) t = new Date(Date.UTC(y, mo - 1, d + n * UNIT_DAYS[unit]));
  else {
    const months = mo - 1 + n * UNIT_MONTHS[unit];
    const lastDay = new Date(Date.UTC(y, months + 1, 0)).getUTCDate();
    t = new Date(Date.UTC(y, months, Math.min(d, lastDay)));
  }
  return t.toISOString().slice(0, 10);
}

/**
 * Finds a team referred to by id, then by name (case-insensitive), then by the slug of the
 * reference; returns the reference as written when no team matches.
 */
export function createTeamRefResolver(
  teams: readonly { id: string; name: string }[],
): (ref: string) => string {
  const ids = new Set(teams.map((t) => t.id));
  const byName = new Map<string, string>();
  const bySlug = new Map<string, string>();
  for (const t of teams) {
    if (!byName.has(t.name.toLowerCase())) byName.set(t.name.toLowerCase(), t.id);
    if (!bySlug.has(slugify(t.name))) bySlug.set(slugify(t.name), t.id);
  }
  return (ref) => {
    if (ids.has(ref)) return ref;
    return byName.get(ref.toLowerCase()) ?? bySlug.get(slugify(ref)) ?? ref;
  };
}
