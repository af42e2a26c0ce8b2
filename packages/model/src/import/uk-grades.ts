import type { Ladder } from '../schema/ladder';

/**
 * The UK civil-service grade ladder. IC track: AA 1, AO 2, EO 3, HEO 4, SEO 5, G7 6, G6 7;
 * manager track (the Senior Civil Service pay bands): SCS1 8, SCS2 9, SCS3 10, SCS4 11. Grade
 * names as the civil service spells them; no pay bands (they vary by department and year).
 */
export const UK_CIVIL_SERVICE_LADDER: Ladder = {
  id: 'uk-civil-service',
  name: 'UK civil service grades',
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

/** Grade spellings, folded (lower case, letters and digits only), to their ladder id. */
const GRADE_WORDS: Record<string, string> = {
  aa: 'AA',
  administrativeassistant: 'AA',
  ao: 'AO',
  administrativeofficer: 'AO',
  administrationofficer: 'AO',
  eo: 'EO',
  executiveofficer: 'EO',
  heo: 'HEO',
  higherexecutiveofficer: 'HEO',
  seo: 'SEO',
  seniorexecutiveofficer: 'SEO',
  g7: 'G7',
  grade7: 'G7',
  g6: 'G6',
  grade6: 'G6',
};

/**
 * The ladder id of a UK grade as departments write it, or the grade as written (trimmed) when it
 * is not a civil-service grade (e.g. NHS "AfC band 7", military "OF-6", "Fast Stream"): those
 * become `ladder.level_unknown` findings. Case, spaces, punctuation and a trailing location or
 * note in brackets are ignored: "Grade 7 (London)" → G7, "Senior Executive Officer" → SEO,
 * "SCS Pay Band 1" / "SCS PB1" / "Senior Civil Service 2" → SCS1 / SCS2.
 */
export function normalizeUkGrade(raw: string): string {
  const written = raw.trim();
  const folded = written
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/[^a-z0-9]/g, '');
  const known = GRADE_WORDS[folded];
  if (known) return known;
  const scs = /^(?:scs|seniorcivilservice)(?:payband|band|pb)?([1-4])$/.exec(folded);
  if (scs) return `SCS${scs[1]}`;
  return written;
}
