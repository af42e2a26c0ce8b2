import { z } from 'zod';

const RangeSchema = z
  .object({ min: z.number().int().nonnegative(), max: z.number().int().positive() })
  .refine((r) => r.min <= r.max, { message: 'min must not exceed max' });
/** An inclusive target range of a count, e.g. a span-of-control target of 6–8 direct reports. */
export type Range = z.infer<typeof RangeSchema>;

/**
 * Every number the rules use, with the defaults of DOMAIN.md. Each default names its source:
 * [EL26] Engineering Leadership in 2026; [1on1] How I run a 1:1; [LAYER] Leading through
 * managers; Larson, An Elegant Puzzle; Skelton & Pais, Team Topologies; Orgvue spans & layers.
 */
export const PolicySchema = z.object({
  span: z
    .object({
      /** First-line manager who has managed for less than `newManagerDays`: 4–5 [EL26]. */
      newManager: RangeSchema.default({ min: 4, max: 5 }),
      /** Experienced first-line manager of a junior team: 5–6 [EL26]. */
      experiencedJunior: RangeSchema.default({ min: 5, max: 6 }),
      /** Experienced first-line manager of a senior team: 6–8 [EL26; Larson]. */
      experiencedSenior: RangeSchema.default({ min: 6, max: 8 }),
      /** Manager of managers (director level), counted in managers: 4–6 [EL26; Larson; LAYER]. */
      managerOfManagers: RangeSchema.default({ min: 4, max: 6 }),
      /** Executive (VP level), counted in managers: 3–5 [EL26: "VP Engineering 3–5 directors"]. */
      executive: RangeSchema.default({ min: 3, max: 5 }),
      /** Days of managing below which a manager is new: 365 (12 months) [EL26]. */
      newManagerDays: z.number().int().positive().default(365),
      /** Share of reports at or above the senior rank that makes a team senior: 0.5 [EL26]. */
      seniorShare: z.number().min(0).max(1).default(0.5),
      /** A counted span at least this multiple of the target's max is critical: 2 (project's own). */
      criticalFactor: z.number().positive().default(2),
    })
    .prefault({}),
  /** The rank from which a level counts as senior: 4 (L4 Senior Engineer) [EL26]. */
  seniorRank: z.number().int().default(4),
  layers: z
    .object({
      /** Base of the log in the `layers.deep` bound ceil(log_base(headcount)) + extra: 6 (project's own). */
      spanBase: z.number().gt(1).default(6),
      /** Layers allowed on top of the logarithmic bound: 1 (project's own). */
      extra: z.number().int().nonnegative().default(1),
      /** Managers of one direct report in a row that make a single chain: 2 (Orgvue). */
      singleChainLength: z.number().int().min(2).default(2),
    })
    .prefault({}),
  ladder: z
    .object({
      /** Equal-rank band midpoints differing by more than this share are a mismatch: 0.15 (project's own). */
      bandMismatchShare: z.number().nonnegative().default(0.15),
    })
    .prefault({}),
  teams: z
    .object({
      /** Team size (manager included) below this is small: 5 [Team Topologies]. */
      minSize: z.number().int().nonnegative().default(5),
      /** Team size above this is large: 9 [Team Topologies]. */
      maxSize: z.number().int().positive().default(9),
      /** More domains than this overload a team: 3 [Team Topologies]. */
      maxDomains: z.number().int().positive().default(3),
      /** A team with at least this many ICs needs someone senior: 3 [EL26]. */
      noSeniorMinIcs: z.number().int().positive().default(3),
      /** Engineers in stream-aligned teams above which a platform team is due: 20 [EL26]. */
      noPlatformEngineers: z.number().int().positive().default(20),
      /** Simultaneous collaborations above which a team is overloaded: 2 (project's own). */
      maxCollaborations: z.number().int().nonnegative().default(2),
    })
    .prefault({}),
  oneOnOne: z
    .object({
      /** Weekly 1:1 minutes per direct report: 30 [1on1]. */
      minutesPerReport: z.number().nonnegative().default(30),
      /** Minutes per skip-level 1:1, held monthly: 30 [1on1]. */
      skipLevelMinutes: z.number().nonnegative().default(30),
      /** Weeks per month, to turn monthly skip-levels into weekly hours: 4.33. */
      weeksPerMonth: z.number().positive().default(4.33),
    })
    .prefault({}),
  simulation: z
    .object({
      /** Cost of replacing a leaver in months of their salary: 9 (EL26: 6–18 months). */
      replacementCostMonths: z.number().nonnegative().default(9),
    })
    .prefault({}),
});

/** A validated policy: every number the rules use. */
export type Policy = z.infer<typeof PolicySchema>;
/** Input of {@link createPolicy}: any subset; missing numbers take the DOMAIN.md defaults. */
export type PolicyInput = z.input<typeof PolicySchema>;

/** Builds a policy, filling every missing number with its default. @throws ZodError on a bad number. */
export function createPolicy(input: PolicyInput = {}): Policy {
  return PolicySchema.parse(input);
}

/** The policy with every default of DOMAIN.md. */
export const DEFAULT_POLICY: Policy = createPolicy();
