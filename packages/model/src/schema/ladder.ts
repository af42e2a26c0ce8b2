import { z } from 'zod';
import { IdSchema } from './common';

/** A pay band: annual pay range in the org's currency, `min ≤ max`. */
export const BandSchema = z
  .object({ min: z.number().nonnegative(), max: z.number().nonnegative() })
  .refine((b) => b.min <= b.max, { message: 'band min must not exceed band max' });
/** A validated pay band. */
export type Band = z.infer<typeof BandSchema>;

/**
 * A level on one track of the ladder. `rank` is shared across tracks: the same rank means the
 * same level (e.g. Staff Engineer L5 = Engineering Manager M5), so a move between them is lateral.
 */
export const LevelSchema = z.object({
  id: IdSchema,
  name: z.string().min(1),
  rank: z.number().int(),
  band: BandSchema.optional(),
});
/** A validated ladder level. */
export type Level = z.infer<typeof LevelSchema>;

/** The two career tracks: individual contributor and manager. */
export const TRACKS = ['ic', 'manager'] as const;
/** One of {@link TRACKS}. */
export type Track = (typeof TRACKS)[number];

/**
 * A career framework: two tracks, each a list of levels (any order; rank orders them).
 * `forkRank` is the rank of the IC level people move from into the first manager level, when it
 * is not the policy's senior rank (an engineering ladder's senior engineer, rank 4 by default):
 * `ladder.wide_fork` measures the step from there.
 */
export const LadderSchema = z.object({
  id: IdSchema.default('ladder'),
  name: z.string().default('Ladder'),
  tracks: z.object({
    ic: z.array(LevelSchema).default([]),
    manager: z.array(LevelSchema).default([]),
  }),
  forkRank: z.number().int().optional(),
});
/** A validated ladder. */
export type Ladder = z.infer<typeof LadderSchema>;
/** Input of {@link createLadder}. */
export type LadderInput = z.input<typeof LadderSchema>;

/** Builds a ladder. @throws ZodError on a malformed level or band. */
export function createLadder(input: LadderInput): Ladder {
  return LadderSchema.parse(input);
}

/**
 * The default engineering ladder of DOMAIN.md: IC L3 Software Engineer (rank 3), L4 Senior
 * Engineer (4), L5 Staff Engineer (5), L6 Principal Engineer (6) [EL26]; manager M5 Engineering
 * Manager (5), M6 Director of Engineering (6), M7 VP Engineering (7) [TRACK]. Staff = EM, so
 * Staff → EM is a lateral move [LAYER]. No pay bands: they are the org's own.
 */
export const DEFAULT_LADDER: Ladder = {
  id: 'default',
  name: 'Default engineering ladder',
  tracks: {
    ic: [
      { id: 'L3', name: 'Software Engineer', rank: 3 },
      { id: 'L4', name: 'Senior Engineer', rank: 4 },
      { id: 'L5', name: 'Staff Engineer', rank: 5 },
      { id: 'L6', name: 'Principal Engineer', rank: 6 },
    ],
    manager: [
      { id: 'M5', name: 'Engineering Manager', rank: 5 },
      { id: 'M6', name: 'Director of Engineering', rank: 6 },
      { id: 'M7', name: 'VP Engineering', rank: 7 },
    ],
  },
};
