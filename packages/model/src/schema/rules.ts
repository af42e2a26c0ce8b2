/**
 * Every rule the analysis checks, keyed by its code, with its default severity and the source of
 * its default numbers (DOMAIN.md), and a title in words for people ("Span over target"). Findings take `severity` and `source` from here, so a director
 * can always tell why something is flagged.
 */
export const RULES = {
  'graph.duplicate_id': {
    title: 'Same id on several records',
    severity: 'error',
    source: 'Data integrity: one record per id',
  },
  'graph.self_report': {
    title: 'Reports to themselves',
    severity: 'error',
    source: 'Data integrity: nobody reports to themselves',
  },
  'graph.dangling_manager': {
    title: 'Manager not in the file',
    severity: 'error',
    source: 'Data integrity: every manager id names a record',
  },
  'graph.cycle': {
    title: 'Reporting loop',
    severity: 'error',
    source: 'Data integrity: reporting lines form a tree',
  },
  'graph.ids_normalized': {
    title: 'Manager ids read loosely',
    severity: 'info',
    source: 'Data integrity: manager ids read as the record they differ from only in case or leading zeros',
  },
  'graph.leaving_at_top': {
    title: 'Leaving post at the top',
    severity: 'info',
    source: 'Data integrity: a leaving (e.g. eliminated) post is not a head of the org',
  },
  'graph.multiple_roots': {
    title: 'Several heads of the org',
    severity: 'warning',
    source: 'Data integrity: an org is ideally one reporting tree',
  },
  'span.over': {
    title: 'Span over target',
    severity: 'warning',
    source: 'EL26 span-of-control table; Larson, An Elegant Puzzle ("1:1s consistently cancelled")',
  },
  'span.critical': {
    title: 'Span far over target',
    severity: 'error',
    source: "EL26 span-of-control table; at least 2 x the target's max (project's own threshold)",
  },
  'span.under': {
    title: 'Span under target',
    severity: 'warning',
    source: 'EL26 span-of-control table ("< 4 reports: micromanaging, high overhead"); Larson',
  },
  'span.single': {
    title: 'Manager of one',
    severity: 'warning',
    source: 'Orgvue spans and layers: managers of one',
  },
  'layers.deep': {
    title: 'More layers than expected',
    severity: 'info',
    source:
      "Project's own arithmetic: ceil(log base 6 of headcount) + 1; PwC Saratoga average of 6 layers (2022)",
  },
  'layers.single_chain': {
    title: 'Chain of managers of one',
    severity: 'warning',
    source: 'Orgvue spans and layers: chains of managers of one',
  },
  'ladder.missing_rung': {
    title: 'Missing rung on the ladder',
    severity: 'warning',
    source: 'Career ladder design: one level per rank on a track',
  },
  'ladder.no_lateral': {
    title: 'No lateral move to management',
    severity: 'warning',
    source:
      'LAYER: "the supposedly lateral move from staff engineer to engineering manager turns into a difficult diagonal move"',
  },
  'ladder.wide_fork': {
    title: 'Wide step into management',
    severity: 'warning',
    source:
      'LAYER: "the progression from senior engineer to engineering manager becomes too wide or unclear"',
  },
  'ladder.band_gap': {
    title: 'Gap between pay bands',
    severity: 'warning',
    source: 'Pay band design: adjacent bands meet or overlap',
  },
  'ladder.band_inverted': {
    title: 'Higher level pays less',
    severity: 'error',
    source: 'Pay band design: a higher level never pays less',
  },
  'ladder.band_mismatch': {
    title: 'Pay bands differ for equal rank',
    severity: 'info',
    source: "Equal rank = equal level (Dropbox, GitLab frameworks); 15% midpoint tolerance (project's own)",
  },
  'ladder.level_unknown': {
    title: 'Level not on the ladder',
    severity: 'error',
    source: 'Data integrity: every level is on the ladder',
  },
  'ladder.inversion': {
    title: 'Report at or above their manager',
    severity: 'warning',
    source: "Orgvue: reports at or above their manager's grade",
  },
  'ladder.informal_manager': {
    title: 'Manages people on the IC track',
    severity: 'warning',
    source: 'TRACK: managing people is the manager track',
  },
  'ladder.manager_without_reports': {
    title: 'Manager level without reports',
    severity: 'info',
    source: 'TRACK: a manager-track level implies reports',
  },
  'ladder.no_senior_in_team': {
    title: 'Team without a senior engineer',
    severity: 'warning',
    source: 'EL26: a team with no senior engineer has no growth path',
  },
  'team.size_small': {
    title: 'Team too small',
    severity: 'warning',
    source: 'Skelton & Pais, Team Topologies: teams of 5-9 people',
  },
  'team.size_large': {
    title: 'Team too large',
    severity: 'warning',
    source: 'Skelton & Pais, Team Topologies: teams of 5-9 people',
  },
  'team.no_manager': {
    title: 'Team without a manager',
    severity: 'warning',
    source: 'EL26: every team has an EM or lead',
  },
  'team.split_reporting': {
    title: 'Team split across managers',
    severity: 'info',
    source: 'Team Topologies: a team is one unit of delivery',
  },
  'team.cognitive_load': {
    title: 'Team cognitive load',
    severity: 'warning',
    source: 'Skelton & Pais, Team Topologies: cognitive load',
  },
  'org.no_platform': {
    title: 'No platform team',
    severity: 'info',
    source: 'EL26: over 20 engineers in stream-aligned teams need a platform team',
  },
  'interaction.stale': {
    title: 'Temporary interaction overdue',
    severity: 'warning',
    source: 'Team Topologies: collaboration and facilitating are temporary modes',
  },
  'interaction.too_many_collaborations': {
    title: 'Too many collaborations',
    severity: 'warning',
    source: "Team Topologies: collaboration is costly; more than 2 at once (project's own threshold)",
  },
  'interaction.stream_aligned_provider': {
    title: 'Stream-aligned team provides a service',
    severity: 'info',
    source: 'Team Topologies: services are usually provided by platform teams',
  },
  'analysis.check_skipped': {
    title: 'Check skipped',
    severity: 'info',
    source: "Project's own: a check whose inputs are not in the data is skipped and said once, not guessed",
  },
} as const satisfies Record<
  string,
  { title: string; severity: 'error' | 'warning' | 'info'; source: string }
>;

/** The code of a rule, e.g. `span.over`. */
export type RuleCode = keyof typeof RULES;
/** Every rule code, in a stable order. */
export const RULE_CODES = Object.keys(RULES) as RuleCode[];

/**
 * The title of a rule in words, e.g. `Span over target` for `span.over`; a code the model does
 * not know (from a newer server, say) is returned as it is.
 */
export function ruleTitle(code: string): string {
  return (RULES as Record<string, { title: string } | undefined>)[code]?.title ?? code;
}
