import { useEffect, useMemo, useState } from 'react';
import { CostValue } from '../../components/cost-value';
import { IconDownload } from '../../components/icons';
import type { SavedPlan, ScenarioSummary, SimulationRequest } from '../../lib/api/client';
import { COST_HIDDEN_TOOLTIP, formatMoney } from '../../lib/cost';
import { type BandSeries, getBandPoints, getLimitPoints, isCostHidden } from './band-chart';
import { BandChartView } from './band-chart-view';
import { bandsToCsv } from './compare-csv';
import { downloadBlob, downloadCsv } from './download';
import { type PlanExport, plansToCsv, plansToXlsx } from './plan-export';
import { formatShare, PlanOdds, shareClass } from './plan-odds';
import { CANCELLED, type SimulationAnswer, useSimulations } from './use-compare-data';

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const RUNS = [200, 1000, 5000] as const;

/** Where the plans run: each on the scenario it is saved with, the baseline, or one scenario. */
type Target = { kind: 'own' } | { kind: 'baseline' } | { kind: 'scenario'; id: string };

function parseTarget(value: string): Target {
  if (value === 'own' || value === 'baseline') return { kind: value };
  return { kind: 'scenario', id: value.slice('scenario:'.length) };
}

function requestOf(
  plan: SavedPlan,
  orgId: string,
  target: Target,
  runs: number,
  seed: number,
): SimulationRequest {
  const base = { planId: plan.id, planRevision: plan.revision ?? 1, runs, seed };
  if (target.kind === 'baseline') return { ...base, on: { orgId } };
  if (target.kind === 'scenario') return { ...base, on: { scenarioId: target.id } };
  return base;
}

/** A band as its median, with the p10–p90 range beneath. */
function BandValue({
  band,
  format,
}: {
  band: { p10: number; p50: number; p90: number };
  format: (n: number) => string;
}) {
  return (
    <>
      <span className="band-p50">{format(band.p50)}</span>
      <span className="sim-band-range">
        p10–p90: {format(band.p10)} – {format(band.p90)}
      </span>
    </>
  );
}

function SummaryTable({
  rows,
}: {
  rows: { plan: SavedPlan; on: string; color: string; answer: SimulationAnswer }[];
}) {
  return (
    <table className="sim-table">
      <thead>
        <tr>
          <th scope="col">Plan</th>
          <th scope="col">Simulated on</th>
          <th scope="col" className="num">
            Headcount at the end
          </th>
          <th scope="col" className="num">
            Change
          </th>
          <th scope="col" className="num">
            Annual cost at the end
          </th>
          <th scope="col" className="num">
            Managers needed
          </th>
          <th scope="col" className="num">
            New manager reqs
          </th>
          <th scope="col" className="num">
            P(within budget) by the end
          </th>
          <th scope="col" className="num">
            Headcount target reached by
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map(({ plan, on, color, answer }) => {
          const last = answer.quarters.at(-1);
          if (!last) return null;
          const change = last.headcount.p50 - answer.start.headcount;
          const money = (n: number) => formatMoney(n, answer.currency);
          return (
            <tr key={plan.id}>
              <th scope="row">
                <span className="swatch" style={{ background: color }} aria-hidden="true" />
                {plan.name}
                <span className="muted sim-horizon">
                  {answer.quarters.length} quarters, {answer.quarters[0]?.quarter} to {last.quarter}
                </span>
              </th>
              <td className="sim-on">{on}</td>
              <td className="num">
                <BandValue band={last.headcount} format={(n) => COUNT.format(n)} />
              </td>
              <td className={`num delta-${change > 0 ? 'up' : change < 0 ? 'down' : 'flat'}`}>
                {change > 0 ? '+' : change < 0 ? '−' : ''}
                {COUNT.format(Math.abs(change))}
              </td>
              <td className="num">
                {isCostHidden(answer) ? (
                  <CostValue value={null} redacted currency={answer.currency} />
                ) : (
                  <BandValue band={last.cost} format={money} />
                )}
              </td>
              <td className="num" title="First-line managers needed to keep spans in target (p50)">
                {COUNT.format(last.managersNeeded.p50)}
              </td>
              <td className="num">{COUNT.format(last.newManagerReqs.p50)}</td>
              <td className="num" data-testid="p-within-budget">
                {last.pWithinBudget === undefined ? (
                  <span className="muted">no budget</span>
                ) : (
                  <span className={`sim-p ${shareClass(last.pWithinBudget)}`}>
                    {formatShare(last.pWithinBudget)}
                  </span>
                )}
              </td>
              <td className="num">
                {answer.targetReachedBy ? (
                  <>
                    <span className="band-p50">{answer.targetReachedBy.p50 ?? 'not reached'}</span>
                    <span className="sim-band-range">p90: {answer.targetReachedBy.p90 ?? 'not reached'}</span>
                  </>
                ) : (
                  <span className="muted">no target</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** While simulations run: how many answered, the seconds elapsed, and a button to cancel them. */
function SimulationProgress({
  done,
  total,
  startedAt,
  onCancel,
}: {
  done: number;
  total: number;
  startedAt: number;
  onCancel: () => void;
}) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const t = setInterval(() => setNow(performance.now()), 500);
    return () => clearInterval(t);
  }, []);
  const seconds = Math.max(0, Math.floor((now - startedAt) / 1000));
  return (
    <span className="sim-progress" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>
        Simulating: {done} of {total} plan{total === 1 ? '' : 's'} done · {seconds} s
      </span>
      <progress max={total} value={done} aria-label="Plans simulated" />
      <button type="button" className="btn btn-sm" onClick={onCancel}>
        Cancel
      </button>
    </span>
  );
}

/**
 * Headcount plans over time: runs the picked plans (`POST /api/simulations`) on their own
 * scenarios, the baseline or one scenario, and draws p10–p90 bands and the p50 line of headcount
 * and annual cost per plan, with a summary of where each plan ends.
 */
export function SimulationPanel({
  orgId,
  orgName,
  plans,
  scenarios,
  colors,
}: {
  orgId: string;
  orgName: string;
  plans: SavedPlan[];
  scenarios: ScenarioSummary[];
  colors: Map<string, string>;
}) {
  const [targetValue, setTargetValue] = useState('own');
  const [runs, setRuns] = useState<number>(1000);
  const [seed, setSeed] = useState(1);
  const requests = useMemo(() => {
    const target = parseTarget(targetValue);
    return plans.map((p) => requestOf(p, orgId, target, runs, seed));
  }, [plans, orgId, targetValue, runs, seed]);
  const sims = useSimulations(requests);
  const answers = sims.answers;
  const scenarioName = (id: string | null) =>
    id === null ? `Baseline (${orgName})` : (scenarios.find((s) => s.id === id)?.name ?? id);
  const ready = plans.flatMap((plan, k) => {
    const a = answers[k];
    return a?.status === 'ready'
      ? [
          {
            plan,
            color: colors.get(plan.id) ?? '#5b6b82',
            answer: a.data,
            on: scenarioName(a.data.target.scenarioId),
          },
        ]
      : [];
  });
  const failed = plans.flatMap((plan, k) => {
    const a = answers[k];
    return a?.status === 'error' ? [`${plan.name}: ${a.message === CANCELLED ? CANCELLED : a.message}`] : [];
  });
  const loading = answers.some((a) => a.status === 'loading');
  const seriesOf = (metric: 'headcount' | 'cost'): BandSeries[] =>
    ready.map((r) => ({
      id: r.plan.id,
      label: r.plan.name,
      color: r.color,
      points: getBandPoints(r.answer, metric),
      limit: getLimitPoints(r.answer, metric),
    }));
  const currency = ready[0]?.answer.currency ?? 'USD';
  const costHidden = ready.some((r) => isCostHidden(r.answer));
  const exportBands = () => {
    const rows = ready.flatMap((r) => [
      {
        label: r.plan.name,
        on: r.on,
        metric: 'Headcount',
        bands: seriesOf('headcount').find((s) => s.id === r.plan.id)!,
      },
      {
        label: r.plan.name,
        on: r.on,
        metric: `Annual cost (${r.answer.currency})`,
        bands: seriesOf('cost').find((s) => s.id === r.plan.id)!,
        hidden: isCostHidden(r.answer),
      },
    ]);
    downloadCsv(`${orgId}-headcount-plans.csv`, bandsToCsv(rows));
  };

  const exports = (): PlanExport[] =>
    ready.map((r) => ({
      name: r.plan.name,
      on: r.on,
      currency: r.answer.currency,
      plan: r.answer.plan,
      quarters: r.answer.quarters,
    }));
  const exportPlansCsv = () => downloadCsv(`${orgId}-headcount-plans-quarters.csv`, plansToCsv(exports()));
  const exportPlansXlsx = async () =>
    downloadBlob(`${orgId}-headcount-plans.xlsx`, await plansToXlsx(exports()));

  return (
    <section className="compare-card" aria-labelledby="sim-title" aria-busy={loading}>
      <div className="card-head">
        <div>
          <h2 id="sim-title">Headcount plans over time</h2>
          <p className="muted">
            Monte Carlo simulation of each plan: bands hold 80% of the runs (p10–p90), the line is the median.
          </p>
        </div>
        <div className="plan-toolbar">
          <button type="button" className="btn btn-sm" onClick={exportBands} disabled={ready.length === 0}>
            <IconDownload /> Export CSV
          </button>
          <button
            type="button"
            className="btn btn-sm"
            onClick={exportPlansCsv}
            disabled={ready.length === 0}
            title="Every simulated quarter of each plan: bands, budget and odds"
          >
            <IconDownload /> Plans CSV
          </button>
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => void exportPlansXlsx()}
            disabled={ready.length === 0}
            title="A workbook with one sheet per plan: assumptions, hires and simulated quarters"
          >
            <IconDownload /> Plans xlsx
          </button>
        </div>
      </div>
      <div className="sim-controls">
        <label className="field-inline">
          <span>Simulate on</span>
          <select className="select" value={targetValue} onChange={(e) => setTargetValue(e.target.value)}>
            <option value="own">Each plan’s own scenario</option>
            <option value="baseline">The baseline</option>
            {scenarios.map((s) => (
              <option key={s.id} value={`scenario:${s.id}`}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span>Runs</span>
          <select
            className="select select-narrow"
            value={runs}
            onChange={(e) => setRuns(Number(e.target.value))}
          >
            {RUNS.map((n) => (
              <option key={n} value={n}>
                {COUNT.format(n)}
              </option>
            ))}
          </select>
        </label>
        <label className="field-inline">
          <span>Seed</span>
          <input
            className="input input-narrow"
            type="number"
            step={1}
            value={seed}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isSafeInteger(n)) setSeed(n);
            }}
          />
        </label>
        {loading && (
          <SimulationProgress
            done={answers.filter((a) => a.status !== 'loading').length}
            total={answers.length}
            startedAt={sims.startedAt}
            onCancel={sims.cancel}
          />
        )}
        {!loading && answers.some((a) => a.status === 'error') && (
          <button type="button" className="btn btn-sm" onClick={sims.retry}>
            Run again
          </button>
        )}
      </div>
      {plans.length === 0 && (
        <p className="muted">Pick one or more headcount plans above to simulate them.</p>
      )}
      {failed.map((f) => (
        <p key={f} className="form-error">
          {f}
        </p>
      ))}
      {ready.length > 0 && (
        <>
          <ul className="sim-legend" aria-label="Plans">
            {ready.map((r) => (
              <li key={r.plan.id}>
                <span className="legend-band" style={{ background: r.color }} aria-hidden="true" />
                <strong>{r.plan.name}</strong>
                <span className="muted">on {r.on}</span>
              </li>
            ))}
          </ul>
          <div className="band-charts">
            <BandChartView
              title="Headcount"
              unit="people in post"
              series={seriesOf('headcount')}
              format={(n) => COUNT.format(n)}
              limitLabel="target"
            />
            {costHidden ? (
              <figure className="band-chart band-chart-hidden" data-chart="Annual cost">
                <figcaption>
                  <span className="band-chart-title">Annual cost</span>
                  <span className="muted">run rate, {currency}</span>
                </figcaption>
                <p className="cost-hidden" title={COST_HIDDEN_TOOLTIP} data-cost="hidden">
                  Hidden. {COST_HIDDEN_TOOLTIP}.
                </p>
              </figure>
            ) : (
              <BandChartView
                title="Annual cost"
                unit={`run rate, ${currency}`}
                series={seriesOf('cost')}
                format={(n) => formatMoney(n, currency)}
                limitLabel="budget"
              />
            )}
          </div>
          <SummaryTable rows={ready} />
          <PlanOdds rows={ready} />
          <details className="sim-assumptions">
            <summary>Assumptions and warnings</summary>
            {ready.map((r) => (
              <div key={r.plan.id}>
                <h3>{r.plan.name}</h3>
                {r.plan.plan.description && <p>{r.plan.plan.description}</p>}
                <ul>
                  {[...r.answer.assumptions, ...r.answer.warnings.map((w) => `Warning: ${w}`)].map((a) => (
                    <li key={a}>{a}</li>
                  ))}
                </ul>
              </div>
            ))}
          </details>
        </>
      )}
    </section>
  );
}
