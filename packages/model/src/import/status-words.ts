import type { PersonStatus } from '../schema/person';

/**
 * Status words HR systems write, folded to letters only, mapped to a person status:
 * active/employed → active; open/vacancy/vacant/req → open; planned/future/offer → planned;
 * leaving/notice/resigned → leaving (and a few close variants of each). Words for people who
 * have already gone (terminated, inactive, former…) are {@link TERMINATED_WORDS}, not a status.
 */
const STATUS_WORDS: Record<string, PersonStatus> = {
  active: 'active',
  employed: 'active',
  current: 'active',
  inpost: 'active',
  open: 'open',
  vacancy: 'open',
  vacant: 'open',
  req: 'open',
  requisition: 'open',
  openreq: 'open',
  openrequisition: 'open',
  hiring: 'open',
  planned: 'planned',
  future: 'planned',
  offer: 'planned',
  offeraccepted: 'planned',
  prehire: 'planned',
  pending: 'planned',
  leaving: 'leaving',
  notice: 'leaving',
  onnotice: 'leaving',
  resigned: 'leaving',
  departing: 'leaving',
  eliminated: 'leaving',
};

/** The status a word stands for (case, spaces and punctuation ignored), or `undefined` if unknown. */
export function parseStatusWord(raw: string): PersonStatus | undefined {
  return STATUS_WORDS[raw.toLowerCase().replace(/[^a-z]/g, '')];
}

/**
 * Status words of people who have left (an HRIS export often keeps them, as BambooHR's `Status`
 * "Terminated"): such rows are left out of the org and counted in one finding.
 */
const TERMINATED_WORDS = new Set([
  'terminated',
  'inactive',
  'former',
  'separated',
  'exited',
  'left',
  'retired',
]);

/** True when a status word says the person has already left (see {@link TERMINATED_WORDS}). */
export function isTerminatedWord(raw: string): boolean {
  return TERMINATED_WORDS.has(raw.toLowerCase().replace(/[^a-z]/g, ''));
}

/** The status words accepted, for error messages. */
export const STATUS_WORD_LIST =
  'active, employed, open, vacancy, vacant, req, planned, future, offer, leaving, notice, terminated (left out)';
