import type { AnalysisReport, Org } from '@reorg/model';
import { costCsvValue } from '../../lib/cost';
import { csvCell } from '../../lib/csv/csv-cell';

/** One CSV cell, formulas defused (OWASP CSV injection): see `lib/csv/csv-cell`. */
export { csvCell };

/** The columns of the export, in order (HRIS-style headers that `reorg`'s importer reads back). */
export const CSV_COLUMNS = [
  'Employee ID',
  'Name',
  'Title',
  'Email',
  'Level',
  'Manager ID',
  'Manager Name',
  'Team ID',
  'Team',
  'Team Type',
  'Status',
  'FTE',
  'Location',
  'Start Date',
  'Manager Since',
  'Annual Cost',
  'Direct Reports',
  'Span Status',
  'Weekly 1:1 Hours',
] as const;

/**
 * The org as CSV (one row per record, CRLF line ends), with span columns from the analysis when
 * given. A cost the caller may not see (absent while `seesAllCompensation` is false) is written
 * "hidden", never 0 or an empty number a spreadsheet would sum.
 */
export function orgToCsv(
  org: Org,
  analysis?: AnalysisReport | null,
  options: { seesAllCompensation: boolean } = { seesAllCompensation: true },
): string {
  const byId = new Map(org.people.map((p) => [p.id, p]));
  const teams = new Map(org.teams.map((t) => [t.id, t]));
  const spans = new Map((analysis?.managers ?? []).map((m) => [m.id, m]));
  const lines = [CSV_COLUMNS.map(csvCell).join(',')];
  for (const p of org.people) {
    const team = p.teamId ? teams.get(p.teamId) : undefined;
    const span = spans.get(p.id);
    const row = [
      p.id,
      p.name,
      p.title,
      p.email,
      p.level,
      p.managerId,
      p.managerId ? byId.get(p.managerId)?.name : undefined,
      p.teamId,
      team?.name,
      team?.type,
      p.status,
      p.fte,
      p.location,
      p.startDate,
      p.managerSince,
      costCsvValue(p.cost, { missingIsHidden: !options.seesAllCompensation }),
      span?.directReports,
      span?.status,
      span?.weeklyOneOnOneHours,
    ];
    lines.push(row.map(csvCell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
