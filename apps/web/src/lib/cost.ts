/**
 * How the app shows compensation: one place for every cost on screen and in the exports the
 * browser builds. The server removes a person's `cost` the caller may not see and turns a total
 * over people into `null` next to `"redacted": true`; here both read "hidden" (never 0 or NaN).
 */

/** The word shown instead of a cost the caller may not see. */
export const COST_HIDDEN_TEXT = 'hidden';

/** Why a cost is hidden (the tooltip of every "hidden"). */
export const COST_HIDDEN_TOOLTIP =
  'Compensation is visible to HR, admins and managers for their own reporting line';

/** What a cost cell shows: a number, "hidden", or a dash when there is no cost at all. */
export type CostCell =
  | { kind: 'value'; value: number; text: string }
  | { kind: 'hidden'; text: typeof COST_HIDDEN_TEXT }
  | { kind: 'none'; text: '—' };

/** Options of {@link getCostCell}. */
export interface CostOptions {
  /** ISO 4217 code, e.g. `USD`. */
  currency: string;
  /** The object holding the value says `"redacted": true` (a total the caller may not see). */
  redacted?: boolean;
  /**
   * A missing value means "not visible to you" rather than "not recorded": true for a person's
   * cost when the caller does not see every cost of the org.
   */
  missingIsHidden?: boolean;
  /** `$94.1M` (default) or `$94,100,000`. */
  compact?: boolean;
}

const formats = new Map<string, Intl.NumberFormat>();

/**
 * Money with its currency: compact (`$94.1M`, `£950K`) or in full (`$142,000`); an unknown
 * currency code is shown after the number (`94.1M XYZ`).
 */
export function formatMoney(value: number, currency: string, compact = true): string {
  const key = `${currency}|${compact}`;
  let f = formats.get(key);
  if (!f) {
    const shape: Intl.NumberFormatOptions = compact
      ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
      : { minimumFractionDigits: 0, maximumFractionDigits: 0 };
    try {
      f = new Intl.NumberFormat('en-US', { style: 'currency', currency, ...shape });
    } catch {
      const plain = new Intl.NumberFormat('en-US', shape);
      f = { format: (n: number) => `${plain.format(n)} ${currency}` } as Intl.NumberFormat;
    }
    formats.set(key, f);
  }
  return f.format(value);
}

/**
 * What to show for one cost: a finite number as money; `null`/absent as "hidden" when the
 * containing object is redacted (or a missing value means hidden, see
 * {@link CostOptions.missingIsHidden}); otherwise a dash. NaN and infinities are never shown.
 */
export function getCostCell(value: number | null | undefined, options: CostOptions): CostCell {
  if (typeof value === 'number' && Number.isFinite(value) && !options.redacted)
    return { kind: 'value', value, text: formatMoney(value, options.currency, options.compact ?? true) };
  if (options.redacted || ((value === null || value === undefined) && options.missingIsHidden))
    return { kind: 'hidden', text: COST_HIDDEN_TEXT };
  return { kind: 'none', text: '—' };
}

/** True when an API object says some compensation in it was removed (`"redacted": true`). */
export function isRedacted(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { redacted?: unknown }).redacted === true;
}

/**
 * The sum of people's costs, or `null` when it may not be shown: some person has no cost while
 * the caller does not see every cost (`seesAll` false), so the sum would be a partial number.
 * With `seesAll`, people without a cost simply add nothing (as the model's analysis does).
 */
export function getCostTotal(
  people: Iterable<{ cost?: number | undefined }>,
  seesAll: boolean,
): number | null {
  let total = 0;
  for (const p of people) {
    if (typeof p.cost === 'number' && Number.isFinite(p.cost)) total += p.cost;
    else if (!seesAll) return null;
  }
  return total;
}

/**
 * A cost as a CSV cell: the number unformatted, "hidden" for a redacted or hidden one, empty when
 * there is none (so a spreadsheet never reads a hidden cost as 0).
 */
export function costCsvValue(
  value: number | null | undefined,
  options: Omit<CostOptions, 'currency' | 'compact'>,
): number | string | null {
  const cell = getCostCell(value, { ...options, currency: 'USD' });
  return cell.kind === 'value' ? cell.value : cell.kind === 'hidden' ? COST_HIDDEN_TEXT : null;
}
