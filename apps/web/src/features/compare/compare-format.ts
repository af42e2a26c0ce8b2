import { formatMoney, getCostCell } from '../../lib/cost';
import type { MetricFormat } from './compare-rows';

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const SHARE = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 1 });

/**
 * A metric value as shown in the table; an em dash where it does not apply, "hidden" for money the
 * caller may not see (`redacted`).
 */
export function formatMetric(
  value: number | null,
  format: MetricFormat,
  currency: string,
  redacted = false,
): string {
  if (format === 'money' && redacted) return getCostCell(value, { currency, redacted }).text;
  if (value === null) return '—';
  switch (format) {
    case 'count':
      return COUNT.format(value);
    case 'decimal':
      return DECIMAL.format(value);
    case 'money':
      return formatMoney(value, currency);
    case 'share':
      return SHARE.format(value);
  }
}

/** A signed delta (`+3`, `−1.5`, `+$1.2M`); empty for none or zero. Uses a true minus sign. */
export function formatDelta(delta: number | null, format: MetricFormat, currency: string): string {
  if (delta === null || delta === 0) return '';
  const sign = delta > 0 ? '+' : '−';
  return `${sign}${formatMetric(Math.abs(delta), format, currency)}`;
}
