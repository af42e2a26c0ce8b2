import type { Org } from '@reorg/model';
import type { OrgSummaryColumn } from '../db/schema';

/** Counts kept beside a stored org so listings need not read documents. */
export function summarizeOrg(org: Org): OrgSummaryColumn {
  const aggregates = org.people.filter((p) => p.aggregate).length;
  return {
    people: org.people.length - aggregates,
    aggregates,
    teams: org.teams.length,
    asOf: org.asOf,
  };
}
