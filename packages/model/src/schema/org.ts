import { z } from 'zod';
import { IdSchema, IsoDateSchema } from './common';
import { DEFAULT_LADDER, LadderSchema } from './ladder';
import { PersonSchema } from './person';
import { PolicySchema } from './policy';
import { RateCardSchema } from './rate-card';
import { InteractionSchema, TeamSchema } from './team';

/** The org document version this code writes. Older documents are migrated on load. */
export const CURRENT_SCHEMA_VERSION = 1;

/**
 * An org: people, teams, interactions between teams, a career ladder and the policy its rules use.
 * `asOf` is the date the data describes (tenure is measured to it); `currency` is an ISO 4217 code
 * for every cost in the document (annual amounts).
 */
export const OrgSchema = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  id: IdSchema,
  name: z.string().min(1),
  asOf: IsoDateSchema,
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, 'expected an ISO 4217 currency code such as GBP')
    .default('USD'),
  people: z.array(PersonSchema).default([]),
  teams: z.array(TeamSchema).default([]),
  interactions: z.array(InteractionSchema).default([]),
  ladder: LadderSchema.default(DEFAULT_LADDER),
  policy: PolicySchema.prefault({}),
  /**
   * What an import changed in the data it read, for the analysis to report (`graph.ids_normalized`,
   * `graph.terminated_left_out`):
   * manager ids rewritten to the record they differ from only in case or leading zeros
   * (`normalizeManagerIds`, the import option `normalizeIds`). Absent when nothing was changed.
   */
  importNotes: z
    .object({
      normalizedIds: z.array(z.object({ id: IdSchema, from: IdSchema, to: IdSchema })).default([]),
      /**
       * Ids of people an HRIS import left out because they had already left (a status such as
       * "Terminated", or a termination date on or before `asOf`): `graph.terminated_left_out`.
       */
      terminatedIds: z.array(IdSchema).optional(),
      /**
       * Set when the org was read without reporting lines (a teams file alone, a Backstage catalog
       * without an HRIS file): why, in words ("the Backstage catalog has no reporting lines"). The
       * analysis then skips the people rules and says so in one `analysis.check_skipped` finding.
       */
      teamsOnly: z.string().optional(),
    })
    .optional(),
  /**
   * Cost per level (optionally per location) for posts without a cost of their own; optional, so
   * documents of schemaVersion 1 without it stay valid (no migration needed).
   */
  rateCard: RateCardSchema.optional(),
});
/** A validated org document. */
export type Org = z.infer<typeof OrgSchema>;
/** Input of {@link createOrg}: `id`, `name` and `asOf` are required; the rest has defaults. */
export type OrgInput = Omit<z.input<typeof OrgSchema>, 'schemaVersion'> & { schemaVersion?: number };

/**
 * Builds an org with defaults (no people, the default ladder, the default policy, USD).
 * @throws ZodError on a malformed field.
 */
export function createOrg(input: OrgInput): Org {
  return OrgSchema.parse({ ...input, schemaVersion: CURRENT_SCHEMA_VERSION });
}

/** One problem found while loading a document: where (a JSON path) and what. */
export interface LoadIssue {
  /** Path into the document, e.g. `people.12.managerId`. */
  path: string;
  message: string;
}

/** Result of {@link loadOrg}: the org, or every issue found (nothing partial). */
export type LoadOrgResult = { ok: true; org: Org } | { ok: false; issues: LoadIssue[] };

type Migration = (doc: Record<string, unknown>) => Record<string, unknown>;

/**
 * Migrations by the version they upgrade *from*. Version 0 is the pre-release shape: no
 * `schemaVersion`, people as `employees` with `reportsTo` for the manager, and no `interactions`.
 */
const MIGRATIONS: Record<number, Migration> = {
  0: (doc) => {
    const { employees, ...rest } = doc;
    const people = (Array.isArray(doc.people) ? doc.people : Array.isArray(employees) ? employees : []).map(
      (p: unknown) => {
        if (!p || typeof p !== 'object') return p;
        const { reportsTo, ...person } = p as Record<string, unknown>;
        return 'managerId' in person || reportsTo === undefined
          ? person
          : { ...person, managerId: reportsTo };
      },
    );
    return { ...rest, people, interactions: doc.interactions ?? [], schemaVersion: 1 };
  },
};

/**
 * Migrates an org document of any known `schemaVersion` (missing = 0) to the current version.
 * Returns the input unchanged when it is already current or not an object.
 */
export function migrateOrg(doc: unknown): unknown {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) return doc;
  let current = doc as Record<string, unknown>;
  let version = typeof current.schemaVersion === 'number' ? current.schemaVersion : 0;
  while (version < CURRENT_SCHEMA_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) break;
    current = migrate(current);
    version = current.schemaVersion as number;
  }
  return current;
}

/** Turns zod issues into `{ path, message }` with dotted paths. */
export function toLoadIssues(error: z.ZodError): LoadIssue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(root)', message: i.message }));
}

/**
 * Loads an org document (parsed JSON): migrates it by `schemaVersion`, then validates it.
 * Never throws; on failure returns every issue with its path (e.g. `people.3.fte`).
 * A `schemaVersion` newer than {@link CURRENT_SCHEMA_VERSION} is refused.
 */
export function loadOrg(doc: unknown): LoadOrgResult {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) {
    return { ok: false, issues: [{ path: '(root)', message: 'expected an org object' }] };
  }
  const version = (doc as Record<string, unknown>).schemaVersion;
  if (typeof version === 'number' && version > CURRENT_SCHEMA_VERSION) {
    return {
      ok: false,
      issues: [
        {
          path: 'schemaVersion',
          message: `schemaVersion ${version} is newer than this version of reorg understands (${CURRENT_SCHEMA_VERSION})`,
        },
      ],
    };
  }
  const parsed = OrgSchema.safeParse(migrateOrg(doc));
  return parsed.success ? { ok: true, org: parsed.data } : { ok: false, issues: toLoadIssues(parsed.error) };
}
