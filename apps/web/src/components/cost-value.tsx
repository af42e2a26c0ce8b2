import { COST_HIDDEN_TOOLTIP, type CostOptions, getCostCell } from '../lib/cost';

/**
 * A cost on screen (see `getCostCell`): money, or "hidden" (muted, with a tooltip saying who may
 * see compensation), or a dash when there is none.
 */
export function CostValue({ value, ...options }: { value: number | null | undefined } & CostOptions) {
  const cell = getCostCell(value, options);
  if (cell.kind === 'hidden') {
    return (
      <span className="cost-hidden" title={COST_HIDDEN_TOOLTIP} data-cost="hidden">
        {cell.text}
      </span>
    );
  }
  return <span data-cost={cell.kind}>{cell.text}</span>;
}
