import type { ChangeRow } from './change-list';

/**
 * Columns of a change list laid out for an HRIS mass update. The names are those of the
 * systems' own import templates: Workday's "Change Job" / "Assign Organization" EIB
 * spreadsheets (Employee ID, Effective Date, Manager, Supervisory Organization, Business Title,
 * Job Level, Worker Status) and BambooHR's job-information table import (Employee #, Date,
 * Reports To, Department, Job Title, Job Level, Employment Status). Values are the after-state;
 * the `Previous …` columns help a reviewer and are ignored by both importers' column mapping.
 */
export const HRIS_SYSTEMS = ['workday', 'bamboohr'] as const;
/** One of {@link HRIS_SYSTEMS}. */
export type HrisSystem = (typeof HRIS_SYSTEMS)[number];

const HEADERS: Record<HrisSystem, readonly string[]> = {
  workday: [
    'Employee ID',
    'Worker',
    'Effective Date',
    'Reason',
    'Manager Employee ID',
    'Manager',
    'Supervisory Organization',
    'Job Level',
    'Business Title',
    'Worker Status',
    'Previous Manager',
    'Previous Supervisory Organization',
    'Previous Job Level',
    'Previous Business Title',
    'Previous Worker Status',
  ],
  bamboohr: [
    'Employee #',
    'Name',
    'Date',
    'Reason',
    'Reports To ID',
    'Reports To',
    'Department',
    'Job Level',
    'Job Title',
    'Employment Status',
    'Previous Reports To',
    'Previous Department',
    'Previous Job Level',
    'Previous Job Title',
    'Previous Employment Status',
  ],
};

/** The reason column's words, per row kind. */
const REASONS: Record<ChangeRow['kind'], string> = {
  change: 'Reorganization',
  hire: 'New Position',
  removal: 'Position Eliminated',
};

/**
 * The change list as a table of text cells for `system`: a header row of that system's column
 * names, then one row per {@link ChangeRow}, fifteen cells each (empty text for an unset value).
 * The `Reason` cell also lists the changed fields ("Reorganization: manager, team").
 */
export function getChangeListTable(rows: readonly ChangeRow[], system: HrisSystem): string[][] {
  const out: string[][] = [[...HEADERS[system]]];
  for (const r of rows) {
    const a = r.after;
    const b = r.before;
    const reason =
      r.changed.length > 0 && r.kind === 'change'
        ? `${REASONS[r.kind]}: ${r.changed.join(', ')}`
        : REASONS[r.kind];
    out.push([
      r.personId,
      r.name ?? '',
      r.effectiveDate,
      reason,
      a?.managerId ?? '',
      a?.managerName ?? '',
      a?.teamName ?? a?.teamId ?? '',
      a?.level ?? '',
      a?.title ?? '',
      a?.status ?? 'terminated',
      b?.managerName ?? b?.managerId ?? '',
      b?.teamName ?? b?.teamId ?? '',
      b?.level ?? '',
      b?.title ?? '',
      b?.status ?? '',
    ]);
  }
  return out;
}
