/**
 * How UK departments write civil-service grades in organograms, onto the grade ids of
 * `UK_CIVIL_SERVICE_LADDER`. Each row names the written forms (folded: lower case, letters and
 * digits only) and where the equivalence comes from. A form not in this table is never guessed:
 * it stays as written and becomes a `ladder.level_unknown` finding.
 */
export interface UkGradeName {
  /** The ladder id (`AA` … `G6`, `SCS1` … `SCS4`). */
  grade: string;
  /** Written forms, folded (e.g. "Higher Officer" → `higherofficer`). */
  forms: readonly string[];
  /** Where the equivalence is stated. */
  source: string;
}

const CORE =
  'Cabinet Office, organogram publishing guidance (data.gov.uk): the delegated grades AA, AO, EO, HEO, SEO, Grade 7, Grade 6';
const FAST_STREAM =
  'Civil Service Fast Stream: fast streamers hold the development grades HEO(D), then SEO(D), paid and ranked as HEO and SEO';
const HMRC =
  "HMRC's own grade names (its organograms and job adverts): Administrative Assistant = AA, Assistant Officer = AO, Officer = EO, Higher Officer = HEO, Senior Officer = SEO";

/** The table. Senior Civil Service pay bands (SCS1 … SCS4 and their spellings) are read by pattern in `uk-grades.ts`. */
export const UK_GRADE_NAMES: readonly UkGradeName[] = [
  { grade: 'AA', forms: ['aa', 'administrativeassistant'], source: CORE },
  { grade: 'AO', forms: ['ao', 'administrativeofficer', 'administrationofficer'], source: CORE },
  { grade: 'AO', forms: ['assistantofficer'], source: HMRC },
  { grade: 'EO', forms: ['eo', 'executiveofficer'], source: CORE },
  { grade: 'EO', forms: ['officer'], source: HMRC },
  { grade: 'HEO', forms: ['heo', 'higherexecutiveofficer'], source: CORE },
  { grade: 'HEO', forms: ['higherofficer'], source: HMRC },
  {
    grade: 'HEO',
    forms: ['heod', 'higherexecutiveofficerd', 'higherexecutiveofficerdevelopment'],
    source: FAST_STREAM,
  },
  { grade: 'SEO', forms: ['seo', 'seniorexecutiveofficer'], source: CORE },
  { grade: 'SEO', forms: ['seniorofficer'], source: HMRC },
  {
    grade: 'SEO',
    forms: ['seod', 'seniorexecutiveofficerd', 'seniorexecutiveofficerdevelopment'],
    source: FAST_STREAM,
  },
  { grade: 'G7', forms: ['g7', 'grade7'], source: CORE },
  { grade: 'G6', forms: ['g6', 'grade6'], source: CORE },
];

/**
 * Senior Civil Service bands: "SCS1", "SCS Pay Band 1", "SCS PB1", "Senior Civil Service 2"; the
 * sub-band "SCS1A" (HMRC: a Deputy Director post paid within band 1) is band 1; a post graded
 * across two adjacent bands ("SCS1/2") is read at the lower, the band it is at least.
 * Source: Cabinet Office, Senior Civil Service pay bands 1–4 (Deputy Director, Director,
 * Director General, Permanent Secretary).
 */
export const SCS_SOURCE =
  'Cabinet Office, Senior Civil Service pay bands 1–4; SCS1A is within band 1; a post graded "SCS1/2" is at least band 1';

/** Folded form → ladder id, built from {@link UK_GRADE_NAMES}. */
export const UK_GRADE_BY_FORM: ReadonlyMap<string, string> = new Map(
  UK_GRADE_NAMES.flatMap((row) => row.forms.map((form) => [form, row.grade] as const)),
);
