import { formatMoney } from '../../../lib/cost';
import type { QuarterTotal } from './plan-grid-model';

const COUNT = new Intl.NumberFormat('en-US');

/** Hires and their cost per quarter of the plan's horizon, with the whole-plan total. */
export function PlanTotals({ totals, currency }: { totals: QuarterTotal[]; currency: string }) {
  const sum = totals.reduce(
    (a, t) => ({ hires: a.hires + t.hires, cost: a.cost + t.cost, unpriced: a.unpriced + t.unpriced }),
    { hires: 0, cost: 0, unpriced: 0 },
  );
  const money = (n: number) => formatMoney(n, currency, false);
  return (
    <table className="plan-totals" aria-label="Totals per quarter">
      <thead>
        <tr>
          <th scope="col">Quarter</th>
          <th scope="col" className="num">
            Hires opened
          </th>
          <th scope="col" className="num">
            Annual cost of hires with a cost
          </th>
          <th scope="col" className="num">
            Hires without a cost
          </th>
        </tr>
      </thead>
      <tbody>
        {totals.map((t) => (
          <tr key={t.quarter} className={t.hires === 0 ? 'is-empty' : undefined}>
            <th scope="row">{t.quarter}</th>
            <td className="num">{COUNT.format(t.hires)}</td>
            <td className="num">{t.cost ? money(t.cost) : '—'}</td>
            <td className="num">{t.unpriced ? COUNT.format(t.unpriced) : '—'}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">Total</th>
          <td className="num" data-testid="plan-total-hires">
            {COUNT.format(sum.hires)}
          </td>
          <td className="num">{sum.cost ? money(sum.cost) : '—'}</td>
          <td className="num">{sum.unpriced ? COUNT.format(sum.unpriced) : '—'}</td>
        </tr>
      </tfoot>
    </table>
  );
}
