import { SPAN_BUCKETS, type SpanBucket, type Summary } from '@reorg/model';
import type { CompareAnswer, LayerCount } from '../../lib/api/client';
import { isRedacted } from '../../lib/cost';

/** A column of the comparison: the baseline, then each scenario in the order picked. */
export interface CompareColumn {
  id: string;
  name: string;
  kind: 'baseline' | 'scenario';
}

/** How a number is shown. */
export type MetricFormat = 'count' | 'decimal' | 'money' | 'share';

/**
 * Which way of a change reads as better: `lower` (errors), `higher` (findings resolved), or
 * `null` when a change is neither (headcount, cost: the VP decides).
 */
export type Better = 'lower' | 'higher' | null;

/** One metric across the columns: a value per column (null where it does not apply) and deltas. */
export interface MetricRow {
  key: string;
  label: string;
  format: MetricFormat;
  better: Better;
  /** One per column; null where the metric does not apply (disruption of the baseline). */
  values: (number | null)[];
  /** Scenario minus baseline, per column (null for the baseline and for non-applicable cells). */
  deltas: (number | null)[];
  /** A short explanation, shown as the row's title. */
  hint?: string;
  /** Per column: the value is compensation the caller may not see (shown as "hidden"). */
  hidden?: boolean[];
}

/** Rows under one heading. */
export interface MetricGroup {
  title: string;
  rows: MetricRow[];
}

/** Everything the comparison table shows, in order. */
export interface CompareTable {
  /** ISO 4217 code of every cost. */
  currency: string;
  columns: CompareColumn[];
  groups: MetricGroup[];
  /** Managers by direct reports, per column, in {@link SPAN_BUCKETS} order. */
  spans: { buckets: readonly SpanBucket[]; byColumn: number[][] };
  /** People per layer, per column, top first; `maxLayer` is the deepest over all columns. */
  layers: { byColumn: LayerCount[][]; maxLayer: number };
}

type Cell = { summary: Summary; scenario?: CompareAnswer['comparison']['scenarios'][number] };
type Pick = (cell: Cell) => number | null;

interface RowSpec {
  key: string;
  label: string;
  format: MetricFormat;
  better?: Better;
  hint?: string;
  pick: Pick;
  /** Scenario-only metrics have no baseline value and no delta. */
  scenarioOnly?: boolean;
  /** The cell's value is compensation the server redacted (`null` next to `redacted: true`). */
  hiddenIn?: (cell: Cell) => boolean;
}

/** The summary's cost total was redacted by the server (or is missing). */
const costHidden = (c: Cell) => isRedacted(c.summary) || c.summary.cost == null;

const disruption =
  (key: keyof NonNullable<Cell['scenario']>['diff']['disruption']): Pick =>
  (c) =>
    c.scenario ? c.scenario.diff.disruption[key] : null;

const GROUPS: { title: string; rows: RowSpec[] }[] = [
  {
    title: 'Headcount and cost',
    rows: [
      {
        key: 'people',
        label: 'Headcount',
        format: 'count',
        hint: 'Records that are not aggregates, any status',
        pick: (c) => c.summary.people,
      },
      {
        key: 'openPlanned',
        label: 'Open and planned positions',
        format: 'count',
        pick: (c) => c.summary.headcountByStatus.open + c.summary.headcountByStatus.planned,
      },
      { key: 'fte', label: 'FTE', format: 'decimal', pick: (c) => c.summary.fte },
      {
        key: 'cost',
        label: 'Annual cost',
        format: 'money',
        hint: 'Loaded cost of every record, any status',
        pick: (c) => c.summary.cost?.total ?? null,
        hiddenIn: costHidden,
      },
    ],
  },
  {
    title: 'Structure',
    rows: [
      { key: 'managers', label: 'Managers', format: 'count', pick: (c) => c.summary.managers },
      { key: 'ics', label: 'Individual contributors', format: 'count', pick: (c) => c.summary.ics },
      {
        key: 'icsPerManager',
        label: 'ICs per manager',
        format: 'decimal',
        pick: (c) => c.summary.icsPerManager,
      },
      { key: 'medianSpan', label: 'Median span', format: 'decimal', pick: (c) => c.summary.medianSpan },
      { key: 'meanSpan', label: 'Mean span', format: 'decimal', pick: (c) => c.summary.meanSpan },
      { key: 'maxLayer', label: 'Layers', format: 'count', better: 'lower', pick: (c) => c.summary.maxLayer },
    ],
  },
  {
    title: 'Findings',
    rows: [
      {
        key: 'errors',
        label: 'Errors',
        format: 'count',
        better: 'lower',
        pick: (c) => c.summary.findings.error,
      },
      {
        key: 'warnings',
        label: 'Warnings',
        format: 'count',
        better: 'lower',
        pick: (c) => c.summary.findings.warning,
      },
      { key: 'infos', label: 'Info', format: 'count', pick: (c) => c.summary.findings.info },
      {
        key: 'introduced',
        label: 'Findings introduced',
        format: 'count',
        better: 'lower',
        scenarioOnly: true,
        pick: (c) => c.scenario?.findingsChange.introduced ?? null,
      },
      {
        key: 'resolved',
        label: 'Findings resolved',
        format: 'count',
        better: 'higher',
        scenarioOnly: true,
        pick: (c) => c.scenario?.findingsChange.resolved ?? null,
      },
    ],
  },
  {
    title: 'Disruption against the baseline',
    rows: [
      {
        key: 'managerChanged',
        label: 'People changing manager',
        format: 'count',
        scenarioOnly: true,
        pick: disruption('managerChanged'),
      },
      {
        key: 'teamChanged',
        label: 'People changing team',
        format: 'count',
        scenarioOnly: true,
        pick: disruption('teamChanged'),
      },
      {
        key: 'share',
        label: 'Share of the org affected',
        format: 'share',
        hint: 'People with a manager or team change, over the baseline’s records',
        scenarioOnly: true,
        pick: disruption('share'),
      },
      {
        key: 'teamsCreated',
        label: 'Teams created',
        format: 'count',
        scenarioOnly: true,
        pick: disruption('teamsCreated'),
      },
      {
        key: 'teamsRemoved',
        label: 'Teams removed',
        format: 'count',
        scenarioOnly: true,
        pick: disruption('teamsRemoved'),
      },
      {
        key: 'teamsMerged',
        label: 'Teams merged away',
        format: 'count',
        scenarioOnly: true,
        pick: disruption('teamsMerged'),
      },
      {
        key: 'teamsSplit',
        label: 'Teams split',
        format: 'count',
        scenarioOnly: true,
        pick: disruption('teamsSplit'),
      },
    ],
  },
];

/** Rounds away floating-point noise (0.1 + 0.2) from a difference. */
const tidy = (n: number) => Math.round(n * 1e6) / 1e6;

/**
 * The comparison table of a `GET /api/compare` answer: the baseline and each scenario as
 * columns; headcount, cost, structure, findings and disruption as rows with deltas against the
 * baseline; span distributions and layer counts for the small charts.
 */
export function getCompareTable(answer: CompareAnswer): CompareTable {
  const { baseline, scenarios } = answer.comparison;
  const columns: CompareColumn[] = [
    { id: baseline.orgId, name: 'Baseline', kind: 'baseline' },
    ...scenarios.map((s) => ({ id: s.id, name: s.name, kind: 'scenario' as const })),
  ];
  const cells: Cell[] = [
    { summary: baseline.metrics },
    ...scenarios.map((s) => ({ summary: s.metrics, scenario: s })),
  ];
  const groups = GROUPS.map((g) => ({
    title: g.title,
    rows: g.rows.map((spec) => toRow(spec, cells)),
  }));
  const layersByColumn = [
    answer.layers.baseline,
    ...scenarios.map((s) => answer.layers.scenarios[s.id] ?? []),
  ];
  return {
    currency: scenarios[0]?.diff.totals.currency ?? 'USD',
    columns,
    groups,
    spans: {
      buckets: SPAN_BUCKETS,
      byColumn: cells.map((c) => SPAN_BUCKETS.map((b) => c.summary.spanDistribution[b])),
    },
    layers: { byColumn: layersByColumn, maxLayer: Math.max(0, ...layersByColumn.map((l) => l.length)) },
  };
}

function toRow(spec: RowSpec, cells: Cell[]): MetricRow {
  const hidden = spec.hiddenIn ? cells.map((c) => spec.hiddenIn!(c)) : undefined;
  const values = cells.map((c, k) => ((spec.scenarioOnly && k === 0) || hidden?.[k] ? null : spec.pick(c)));
  const base = values[0];
  const deltas = values.map((v, k) =>
    k === 0 || spec.scenarioOnly || v === null || base === null || base === undefined ? null : tidy(v - base),
  );
  return {
    key: spec.key,
    label: spec.label,
    format: spec.format,
    better: spec.better ?? null,
    values,
    deltas,
    ...(spec.hint ? { hint: spec.hint } : {}),
    ...(hidden?.some(Boolean) ? { hidden } : {}),
  };
}

/** Whether a delta reads as good, bad or neither, given which way is better. */
export function deltaTone(delta: number | null, better: Better): 'good' | 'bad' | 'neutral' {
  if (delta === null || delta === 0 || better === null) return 'neutral';
  return delta < 0 === (better === 'lower') ? 'good' : 'bad';
}
