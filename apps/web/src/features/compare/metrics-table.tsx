import { COST_HIDDEN_TOOLTIP } from '../../lib/cost';
import { formatDelta, formatMetric } from './compare-format';
import { type CompareTable, deltaTone, type MetricRow } from './compare-rows';
import { LayerPyramid, SpanBars } from './mini-charts';

function ValueCell({ row, k, currency }: { row: MetricRow; k: number; currency: string }) {
  const value = row.values[k] ?? null;
  const delta = row.deltas[k] ?? null;
  const text = formatDelta(delta, row.format, currency);
  const hidden = row.hidden?.[k] ?? false;
  return (
    <td className="num" data-metric={row.key}>
      {hidden ? (
        <span className="metric-value cost-hidden" title={COST_HIDDEN_TOOLTIP} data-cost="hidden">
          {formatMetric(null, row.format, currency, true)}
        </span>
      ) : (
        <span className="metric-value">{formatMetric(value, row.format, currency)}</span>
      )}
      {k > 0 &&
        (text ? (
          <span className={`delta delta-${deltaTone(delta, row.better)}`} title="Against the baseline">
            {text}
          </span>
        ) : (
          <span className="delta delta-none" aria-hidden="true" />
        ))}
    </td>
  );
}

/**
 * The comparison side by side: one column per scenario after the baseline, grouped rows of
 * numbers with their deltas, then the span distribution and the layers pyramid as small charts.
 */
export function MetricsTable({
  table,
  colors,
  onOpen,
}: {
  table: CompareTable;
  /** Color of each scenario column (the baseline has none). */
  colors: Map<string, string>;
  onOpen: (scenarioId: string) => void;
}) {
  const { columns, currency } = table;
  const spanMax = Math.max(1, ...table.spans.byColumn.flat());
  const layerMax = Math.max(1, ...table.layers.byColumn.flat().map((l) => l.people));
  return (
    <div className="metrics-scroll">
      <table className="metrics-table">
        <caption className="sr-only">
          Metrics of the baseline and each scenario, with deltas against the baseline
        </caption>
        <thead>
          <tr>
            <th scope="col" className="metric-name-head">
              Metric
            </th>
            {columns.map((c) => (
              <th key={c.id} scope="col" className={`col-head col-${c.kind}`}>
                <span className="col-name">
                  {c.kind === 'scenario' && (
                    <span className="swatch" style={{ background: colors.get(c.id) }} aria-hidden="true" />
                  )}
                  {c.name}
                </span>
                {c.kind === 'scenario' ? (
                  <button type="button" className="link-btn" onClick={() => onOpen(c.id)}>
                    Open scenario
                  </button>
                ) : (
                  <span className="muted col-sub">as imported</span>
                )}
              </th>
            ))}
          </tr>
        </thead>
        {table.groups.map((g) => (
          <tbody key={g.title}>
            <tr className="group-row">
              <th scope="colgroup" colSpan={columns.length + 1}>
                {g.title}
              </th>
            </tr>
            {g.rows.map((r) => (
              <tr key={r.key}>
                <th scope="row" className="metric-name" title={r.hint}>
                  {r.format === 'money' ? `${r.label} (${currency})` : r.label}
                </th>
                {columns.map((c, k) => (
                  <ValueCell key={c.id} row={r} k={k} currency={currency} />
                ))}
              </tr>
            ))}
          </tbody>
        ))}
        <tbody>
          <tr className="group-row">
            <th scope="colgroup" colSpan={columns.length + 1}>
              Shape
            </th>
          </tr>
          <tr>
            <th scope="row" className="metric-name" title="Managers by number of direct reports">
              Span distribution
            </th>
            {columns.map((c, k) => (
              <td key={c.id}>
                <SpanBars
                  buckets={table.spans.buckets}
                  counts={table.spans.byColumn[k] ?? []}
                  max={spanMax}
                />
              </td>
            ))}
          </tr>
          <tr>
            <th
              scope="row"
              className="metric-name"
              title="People per layer of the reporting tree; darker: managers"
            >
              Layers pyramid
            </th>
            {columns.map((c, k) => (
              <td key={c.id}>
                <LayerPyramid
                  layers={table.layers.byColumn[k] ?? []}
                  max={layerMax}
                  rows={table.layers.maxLayer}
                />
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
