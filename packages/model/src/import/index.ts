/**
 * Importers: pure functions from file text to an org (or a ladder, or teams), returning every
 * problem with its file, row and column. No file IO: the CLI and API read files and pass text in.
 * Helpers used only between importers (CSV parsing, cell readers, the team builder) stay private.
 */

export { applyTeamsFile } from './apply-teams-file';
export { type BackstageCatalog, importBackstageCatalog, joinCatalogUsers } from './backstage';
export { DATE_FORMATS, type DateFormat, decideDateOrder, parseDate, parseDateFormat } from './dates';
export {
  type DetectedFile,
  type DetectedFormat,
  detectFileKind,
  detectInputFormat,
  type FileKind,
  type InputFile,
  type InputFormat,
} from './detect';
export {
  HRIS_FIELDS,
  HRIS_SYNONYMS,
  type HrisColumnMatch,
  type HrisField,
  type HrisMapping,
  matchHrisColumns,
} from './hris-columns';
export { type HrisImportOptions, importHrisCsv } from './hris-csv';
export { findJsonRecords, importHrisJson, recordsToTable } from './hris-json';
export { type ImportAnyOptions, importAny } from './import-any';
export { importLadderCsv, type LadderCsvOptions } from './ladder-csv';
export { type IdChange, idMatchKey, normalizeManagerIds } from './normalize-ids';
export { type ImportIssue, type ImportResult, MAX_ISSUES } from './result';
export { parseInteractionMode, parseTeamType } from './team-api';
export {
  importTeamsFile,
  importTeamsFiles,
  type TeamsDirection,
  type TeamsFile,
  type TeamsFileOptions,
} from './teams-file';
export { normalizeUkGrade, UK_CIVIL_SERVICE_LADDER } from './uk-grades';
export { importUkOrganogram, type UkOrganogramOptions } from './uk-organogram';
