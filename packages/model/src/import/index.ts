/**
 * Importers: pure functions from file text to an org (or a ladder, or teams), returning every
 * problem with its file, row and column. No file IO: the CLI and API read files and pass text in.
 */

export * from './apply-teams-file';
export * from './cells';
export * from './detect';
export * from './hris-columns';
export * from './hris-csv';
export * from './import-any';
export * from './ladder-csv';
export * from './result';
export * from './team-api';
export * from './teams-file';
export * from './uk-grades';
export * from './uk-organogram';
