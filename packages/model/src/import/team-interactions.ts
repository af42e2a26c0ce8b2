import { type Interaction, InteractionSchema, type TeamType } from '../schema/team';
import { type DateFormat, parseDate } from './dates';
import type { IssueSink } from './result';
import { addDuration, isRaw, parseInteractionMode, pickString, type Raw } from './team-api';
import type { Located } from './teams-file';

/**
 * Which way an x-as-a-service interaction listed in a team's own document goes when nothing in it
 * says: `listed-consumes` (the default) reads "team A lists B" as A consuming B's service, as
 * TeamAPI-As-Code's own example does (a stream-aligned team listing the platform it consumes);
 * `listed-provides` is the opposite convention (a team listing the teams it serves).
 */
export type TeamsDirection = 'listed-consumes' | 'listed-provides';

/** What {@link readInteraction} needs besides the raw interaction. */
export interface InteractionContext {
  issues: IssueSink;
  /** Team reference (id or name) → team id (as written when no team matches). */
  resolve: (ref: string) => string;
  /** The type of a team of the file, by id. */
  typeOf: (id: string) => TeamType | undefined;
  direction: TeamsDirection;
  dateFormat: DateFormat;
}

/** Words (in `direction`, `role`, `interactionType`) saying the listing team is the consumer. */
const CONSUMER_WORDS = new Set([
  'consumes',
  'consumer',
  'consuming',
  'consume',
  'uses',
  'receives',
  'facilitated',
  'in',
  'inbound',
  'downstream',
]);
/** Words saying the listing team is the provider. */
const PROVIDER_WORDS = new Set([
  'provides',
  'provider',
  'providing',
  'provide',
  'offers',
  'serves',
  'facilitates',
  'out',
  'outbound',
  'upstream',
]);
/** Purpose wording of a consumer ("Consume the platform's services", "uses", "depends on"). */
const CONSUMER_PURPOSE = /\b(consum\w*|use[sd]?|using|depend\w*|rel(y|ies) on)\b/i;
/** Purpose wording of a provider ("Provide the API", "offer", "serve"). */
const PROVIDER_PURPOSE = /\b(provid\w*|offer\w*|serv(e|es|ing))\b/i;
/** Values meaning "no date" (`startDate: unknown`). */
const NO_DATE = new Set(['unknown', 'tbd', 'tba', 'n/a', 'na', 'none', '-', '?', 'ongoing', 'open']);

const OTHER_TEAM_KEYS = [
  'team-name',
  'teamName',
  'team_name',
  'team',
  'team-id',
  'team_id',
  'teamId',
  'with',
  'to',
  'name',
];
const MODE_KEYS = [
  'interaction-mode',
  'interactionMode',
  'interaction_mode',
  'mode',
  'interaction-type',
  'interactionType',
  'interaction_type',
  'type',
];

/** `consumes` / `provides` from a direction word, or undefined. */
function directionWord(raw: string | undefined): 'consumes' | 'provides' | undefined {
  const w = raw?.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return undefined;
  if (CONSUMER_WORDS.has(w)) return 'consumes';
  if (PROVIDER_WORDS.has(w)) return 'provides';
  return undefined;
}

/**
 * Whether the listing team consumes (true) or provides (false) in an interaction of its own
 * document, from the first of: a `direction`/`role` word, an `interactionType` that is a
 * direction word, a `provider`/`consumer` key naming the other team, the `purpose` wording
 * ("Consume…" / "Provide…"), the two teams' types (a platform, complicated-subsystem or enabling
 * team is the provider / facilitator of a stream-aligned one), and last the file's convention.
 */
function listingTeamConsumes(
  raw: Raw,
  mode: Interaction['mode'],
  self: string,
  other: string,
  ctx: InteractionContext,
): boolean {
  const word =
    directionWord(pickString(raw, 'direction', 'role')) ??
    directionWord(pickString(raw, 'interactionType', 'interaction-type', 'interaction_type'));
  if (word) return word === 'consumes';
  if (pickString(raw, 'provider', 'providedBy', 'provided-by') !== undefined) return true;
  if (pickString(raw, 'consumer', 'consumedBy', 'consumed-by') !== undefined) return false;
  const purpose = pickString(raw, 'purpose', 'description', 'reason') ?? '';
  if (CONSUMER_PURPOSE.test(purpose)) return true;
  if (PROVIDER_PURPOSE.test(purpose)) return false;
  const [mine, theirs] = [ctx.typeOf(self), ctx.typeOf(other)];
  const providing: TeamType[] =
    mode === 'facilitating' ? ['enabling'] : ['platform', 'complicated-subsystem'];
  if (mine && theirs && providing.includes(theirs) && !providing.includes(mine)) return true;
  if (mine && theirs && providing.includes(mine) && !providing.includes(theirs)) return false;
  if (mode !== 'x-as-a-service') return false;
  return ctx.direction === 'listed-consumes';
}

/**
 * Reads one interaction. Listed in a team's document (`self`), it is between that team and the
 * one named by `team-name`/`teamName`/`team`/`team_id`…; its direction (provider → consumer for
 * x-as-a-service, facilitator → facilitated) is decided by {@link listingTeamConsumes}. In a
 * top-level `interactions` list, it is `from`/`provider` → `to`/`consumer`. Collaboration has
 * no direction (kept from the listing team). Errors: no mode, an unknown mode, no other team.
 */
export function readInteraction(
  { where, raw }: Located,
  ctx: InteractionContext,
  self?: string,
): Interaction | undefined {
  const { issues, resolve } = ctx;
  if (!isRaw(raw)) {
    issues.error({ message: `${where}: expected an interaction object` });
    return undefined;
  }
  const modeRaw =
    MODE_KEYS.map((k) => pickString(raw, k)).find((v) => v !== undefined && parseInteractionMode(v)) ??
    pickString(raw, ...MODE_KEYS);
  const mode = modeRaw === undefined ? undefined : parseInteractionMode(modeRaw);
  if (!mode) {
    issues.error({
      message: `${where}: ${modeRaw === undefined ? 'missing mode' : `unknown mode "${modeRaw}"`}: expected collaboration, x-as-a-service or facilitating`,
    });
  }
  let from: string | undefined;
  let to: string | undefined;
  if (self !== undefined) {
    const otherRef = pickString(raw, ...OTHER_TEAM_KEYS, 'provider', 'consumer');
    const other = otherRef === undefined ? undefined : resolve(otherRef);
    if (other !== undefined && mode) {
      [from, to] =
        mode !== 'collaboration' && listingTeamConsumes(raw, mode, self, other, ctx)
          ? [other, self]
          : [self, other];
    }
  } else {
    const f = pickString(raw, 'from', 'provider', 'source');
    const t = pickString(raw, 'to', 'consumer', 'target');
    [from, to] = [f && resolve(f), t && resolve(t)];
  }
  if (mode && (!from || !to)) issues.error({ message: `${where}: an interaction needs the team it is with` });
  const dates = readDates(raw, where, ctx);
  if (!mode || !from || !to) return undefined;
  const parsed = InteractionSchema.safeParse({ from, to, mode, ...dates });
  if (!parsed.success) {
    for (const i of parsed.error.issues)
      issues.error({ message: `${where}, ${i.path.join('.')}: ${i.message}` });
    return undefined;
  }
  return parsed.data;
}

/**
 * `since` and `expectedEnd` of an interaction. A date that cannot be read is a warning and is
 * left out; `unknown` (and tbd, n/a…) is no date, silently. `expectedDuration` ("3 months",
 * "P6W", or a number with `expectedDurationUnit`) counts from `since`.
 */
function readDates(
  raw: Raw,
  where: string,
  ctx: InteractionContext,
): { since?: string; expectedEnd?: string } {
  const out: { since?: string; expectedEnd?: string } = {};
  for (const [key, names] of [
    ['since', ['since', 'start', 'startDate', 'start-date', 'start_date', 'started']],
    ['expectedEnd', ['expectedEnd', 'expected-end', 'expected_end', 'until', 'end', 'endDate', 'end-date']],
  ] as const) {
    const v = pickString(raw, ...names);
    if (v === undefined || NO_DATE.has(v.toLowerCase())) continue;
    const parsed = parseDate(v, ctx.dateFormat);
    if (parsed.ok) out[key] = parsed.value;
    else ctx.issues.warn({ message: `${where}, ${key}: ${parsed.message}; left empty` });
  }
  const amount = pickString(raw, 'expectedDuration', 'expected-duration', 'expected_duration', 'duration');
  const unit = pickString(
    raw,
    'expectedDurationUnit',
    'expected-duration-unit',
    'expected_duration_unit',
    'durationUnit',
    'unit',
  );
  const duration =
    amount !== undefined && unit !== undefined && /^\d+$/.test(amount) ? `${amount} ${unit}` : amount;
  if (duration !== undefined && out.expectedEnd === undefined && !NO_DATE.has(duration.toLowerCase())) {
    if (out.since === undefined) {
      ctx.issues.warn({
        message: `${where}: expectedDuration "${duration}" ignored: no since date to count from`,
      });
    } else {
      const end = addDuration(out.since, duration);
      if (end) out.expectedEnd = end;
      else
        ctx.issues.warn({
          message: `${where}: cannot read expectedDuration "${duration}" (e.g. "3 months", "P6W"); left empty`,
        });
    }
  }
  return out;
}
