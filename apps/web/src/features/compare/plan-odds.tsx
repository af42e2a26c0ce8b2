import type { CostSourceRow } from '@reorg/model';
import { CostValue } from '../../components/cost-value';
import type { SavedPlan } from '../../lib/api/client';
import type { SimulationAnswer } from './use-compare-data';

const PCT = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** A share of runs as a percent ("83%"); "<1%" and ">99%" rather than a misleading 0% or 100%. */
export function formatShare(p: number): string {
  if (p > 0 && p < 0.005) return '<1%';
  if (p < 1 && p > 0.995) return '>99%';
  return PCT.format(p);
}

/** The class of a share: `is-low` under 50%, `is-high` from 90%. */
export function shareClass(p: number): string {
  return p < 0.5 ? 'is-low' : p >= 0.9 ? 'is-high' : '';
}

/** Where a cost came from, in words (`CostSourceRow.source`). */
export const COST_SOURCE_WORDS: Record<CostSourceRow['source'], string> = {
  own: 'its own cost',
  'rate-card': 'the rate card',
  'level-median': 'the median of its level',
  'org-median': 'the median of the org',
  none: 'no cost known (0)',
};

function Share({ p }: { p: number | undefined }) {
  return p === undefined ? (
    <span className="muted">—</span>
  ) : (
    <span className={`sim-p ${shareClass(p)}`}>{formatShare(p)}</span>
  );
}

function CostSources({ answer }: { answer: SimulationAnswer }) {
  const rows = answer.costSources.filter((r) => r.source !== 'own');
  if (rows.length === 0) return <p className="muted">Every post has a cost of its own.</p>;
  return (
    <table className="odds-table sim-sources">
      <thead>
        <tr>
          <th scope="col">Posts</th>
          <th scope="col">Level</th>
          <th scope="col">Location</th>
          <th scope="col">Cost from</th>
          <th scope="col" className="num">
            Annual cost per post
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.of}-${r.line ?? ''}-${r.level}-${r.location}-${r.source}`}>
            <td>
              {COUNT.format(r.posts)}{' '}
              {r.of === 'hire'
                ? `planned (line ${(r.line ?? 0) + 1})`
                : r.of === 'open-req'
                  ? 'open reqs'
                  : 'people'}
            </td>
            <td>{r.level ?? '—'}</td>
            <td>{r.location ?? '—'}</td>
            <td>
              {COST_SOURCE_WORDS[r.source]}
              {r.source === 'rate-card' && r.rateLocation ? ` (${r.rateLocation})` : ''}
            </td>
            <td className="num">
              <CostValue
                value={r.annualCostPerPost as number | null}
                redacted={(r as { redacted?: boolean }).redacted}
                currency={answer.currency}
              />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Per plan and quarter: the share of runs within budget and at the headcount target, and the
 * manager bench (managers needed, internal candidates, manager hires from outside); then where
 * the costs of posts without one came from (the rate card, a median).
 */
export function PlanOdds({ rows }: { rows: { plan: SavedPlan; color: string; answer: SimulationAnswer }[] }) {
  return (
    <details className="sim-assumptions sim-odds" open>
      <summary>Odds, manager bench and cost sources by quarter</summary>
      {rows.map(({ plan, color, answer }) => {
        const bench = new Map(answer.managerBench.map((b) => [b.quarter, b]));
        return (
          <div key={plan.id}>
            <h3>
              <span className="swatch" style={{ background: color }} aria-hidden="true" />
              {plan.name}
              {answer.pWithinBudgetThroughout !== undefined && (
                <span className="muted">
                  {' '}
                  · within budget at every quarter’s end in {formatShare(answer.pWithinBudgetThroughout)} of
                  runs
                </span>
              )}
            </h3>
            <table className="odds-table" aria-label={`${plan.name}: odds and manager bench by quarter`}>
              <thead>
                <tr>
                  <th scope="col">Quarter</th>
                  <th scope="col" className="num">
                    P(within budget)
                  </th>
                  <th scope="col" className="num">
                    P(at headcount target)
                  </th>
                  <th scope="col" className="num">
                    Managers needed (p50)
                  </th>
                  <th scope="col" className="num">
                    Internal candidates
                  </th>
                  <th scope="col" className="num">
                    Manager hires from outside
                  </th>
                </tr>
              </thead>
              <tbody>
                {answer.quarters.map((q) => {
                  const b = bench.get(q.quarter);
                  return (
                    <tr key={q.quarter}>
                      <th scope="row">{q.quarter}</th>
                      <td className="num">
                        <Share p={q.pWithinBudget} />
                      </td>
                      <td className="num">
                        <Share p={q.pAtHeadcountTarget} />
                      </td>
                      <td className="num">{COUNT.format(q.managersNeeded.p50)}</td>
                      <td className="num">{b ? COUNT.format(b.internalCandidates) : '—'}</td>
                      <td className={`num${b && b.externalManagersNeeded > 0 ? ' delta-down' : ''}`}>
                        {b ? COUNT.format(b.externalManagersNeeded) : '—'}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            <h4 className="sim-sources-title">Where costs come from</h4>
            <CostSources answer={answer} />
          </div>
        );
      })}
    </details>
  );
}
