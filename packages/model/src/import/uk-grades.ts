import type { Ladder } from '../schema/ladder';
import { UK_GRADE_BY_FORM } from './uk-grade-names';

/**
 * The UK civil-service grade ladder. IC track: AA 1, AO 2, EO 3, HEO 4, SEO 5, G7 6, G6 7;
 * manager track (the Senior Civil Service pay bands): SCS1 8, SCS2 9, SCS3 10, SCS4 11. Grade
 * names as the civil service spells them; no pay bands (they vary by department and year).
 */
export const UK_CIVIL_SERVICE_LADDER: Ladder = {
  id: 'uk-civil-service',
  name: 'UK civil service grades',
  // One grade scale, not an engineering IC/manager fork: people line-manage at every delegated
  // grade (an EO manages AOs), and the Senior Civil Service's first band, SCS1 (Deputy Director),
  // is entered from Grade 6 (rank 7), the grade below it. So the step into the "manager track" is
  // measured from G6, not from the policy's senior rank (HEO, 4), and `ladder.wide_fork` stays
  // silent on this ladder (SCS1, rank 8, is one rank above G6).
  forkRank: 7,
  tracks: {
    ic: [
      { id: 'AA', name: 'Administrative Assistant', rank: 1 },
      { id: 'AO', name: 'Administrative Officer', rank: 2 },
      { id: 'EO', name: 'Executive Officer', rank: 3 },
      { id: 'HEO', name: 'Higher Executive Officer', rank: 4 },
      { id: 'SEO', name: 'Senior Executive Officer', rank: 5 },
      { id: 'G7', name: 'Grade 7', rank: 6 },
      { id: 'G6', name: 'Grade 6', rank: 7 },
    ],
    manager: [
      { id: 'SCS1', name: 'Senior Civil Service Pay Band 1 (Deputy Director)', rank: 8 },
      { id: 'SCS2', name: 'Senior Civil Service Pay Band 2 (Director)', rank: 9 },
      { id: 'SCS3', name: 'Senior Civil Service Pay Band 3 (Director General)', rank: 10 },
      { id: 'SCS4', name: 'Senior Civil Service Pay Band 4 (Permanent Secretary)', rank: 11 },
    ],
  },
};

/** Lower case, letters, digits and `/` only (brackets already dealt with). */
const fold = (text: string) => text.toLowerCase().replace(/[^a-z0-9/]/g, '');

/** The ladder id of one written form (no brackets), or undefined. See {@link normalizeUkGrade}. */
function gradeOf(text: string): string | undefined {
  const folded = fold(text);
  const known = UK_GRADE_BY_FORM.get(folded.replace(/\//g, ''));
  if (known) return known;
  const scs = /^(?:scs|seniorcivilservice)(?:payband|band|pb)?([1-4])a?(?:\/(?:scs)?([1-4]))?$/.exec(folded);
  if (!scs) return undefined;
  const [low, high] = [Number(scs[1]), scs[2] === undefined ? undefined : Number(scs[2])];
  if (high !== undefined && high !== low + 1) return undefined; // "SCS1/3" is not a band
  return `SCS${low}`;
}

/**
 * The ladder id of a UK grade as departments write it (the table `UK_GRADE_NAMES`, with its
 * sources, and the Senior Civil Service bands: `SCS_SOURCE`), or the grade as written (trimmed)
 * when it is not a civil-service grade (e.g. NHS "AfC band 7", military "OF-6", a bare "FS"):
 * those become `ladder.level_unknown` findings, never guessed. Case, spaces and punctuation are
 * ignored; a bracket is a note ("Grade 7 (London)" → G7, "Higher Executive Officer (Fast Stream)"
 * → HEO) unless the words outside are no grade and the bracket is one ("Fast Stream (HEOD)" →
 * HEO). "Senior Officer" (HMRC) → SEO; "SCS1A" → SCS1; "SCS1/2" → SCS1.
 */
export function normalizeUkGrade(raw: string): string {
  const written = raw.trim();
  const outside = gradeOf(written.replace(/\([^)]*\)/g, ''));
  if (outside) return outside;
  for (const [, inside] of written.matchAll(/\(([^)]*)\)/g)) {
    const grade = gradeOf(inside);
    if (grade) return grade;
  }
  return written;
}
