import { enablePatches, Immer } from 'immer';

enablePatches();

/**
 * The immer instance of the ops and the history. Auto-freeze is off: freezing would deep-freeze
 * the caller's input org as a side effect and costs milliseconds on a 10k-person org. Orgs are
 * still treated as immutable everywhere: results share every untouched object with their input.
 */
export const opsImmer = new Immer({ autoFreeze: false });
