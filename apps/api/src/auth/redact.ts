/**
 * Which compensation a response may hold: `all`, or the ids of the people whose cost the caller
 * may see (see `visibleCompensation` in the policy module).
 */
export type CompensationScope = 'all' | ReadonlySet<string>;

/** What {@link redactCompensation} did. */
export interface RedactionResult {
  /** The value with every compensation field the scope does not cover removed or nulled. */
  value: unknown;
  /** Compensation values removed (people's costs) or nulled (totals). */
  hidden: number;
  /** Compensation values left in (non-zero numbers only), for the audit trail of who saw pay. */
  shown: number;
}

// Fields that are not compensation although their names say "cost": a number of months of pay
// (a ratio) and counts of where costs came from.
const NOT_COMPENSATION = new Set(['replacementCostMonths', 'costSources', 'costFallbacks']);

/**
 * True for a field that holds compensation: `cost`, `annualCost`, `leaverCost`, `costs`, …, and
 * `budget` (a plan's cost budget, and the budget a simulated quarter reports: a total of pay).
 * The shares of runs within budget (`pWithinBudget…`) are not.
 */
export function isCompensationKey(key: string): boolean {
  return (/cost/i.test(key) || key === 'budget') && !NOT_COMPENSATION.has(key);
}

/**
 * Removes compensation a caller may not see from any JSON value, wherever it is: orgs,
 * scenario states, revisions and their ops, analysis summaries and team rows, compare metrics,
 * simulations and plans. The one redaction function of the response boundary (STYLE 6).
 *
 * - A field is compensation when {@link isCompensationKey} says so, whatever its depth.
 * - When it belongs to one person (an object that is a person record, or carries `personId`, or
 *   sits inside such an object, like `updatePerson`'s changed fields), it is kept when the scope
 *   holds that person and deleted otherwise.
 * - Anything else (a total over people, a rate, a band of simulated costs) is kept only with
 *   scope `all`; otherwise it becomes `null` and its object gets `"redacted": true`.
 *
 * The input is not changed; a new value is returned (the same one when nothing was hidden).
 */
export function redactCompensation(value: unknown, scope: CompensationScope): RedactionResult {
  const counts = { hidden: 0, shown: 0 };
  const out = walk(value, scope, undefined, counts);
  return { value: out, ...counts };
}

function walk(
  node: unknown,
  scope: CompensationScope,
  owner: string | undefined,
  counts: { hidden: number; shown: number },
): unknown {
  if (Array.isArray(node)) {
    let changed = false;
    const next = node.map((item) => {
      const r = walk(item, scope, owner, counts);
      if (r !== item) changed = true;
      return r;
    });
    return changed ? next : node;
  }
  if (node === null || typeof node !== 'object') return node;
  const obj = node as Record<string, unknown>;
  const own = ownerOf(obj) ?? owner;
  let out: Record<string, unknown> | undefined;
  const set = (key: string, v: unknown) => {
    out ??= { ...obj };
    out[key] = v;
  };
  for (const [key, v] of Object.entries(obj)) {
    if (isCompensationKey(key) && v !== null && v !== undefined) {
      if (scope === 'all') {
        counts.shown += countNumbers(v);
        continue;
      }
      if (own !== undefined) {
        if (scope.has(own)) {
          counts.shown += countNumbers(v);
          continue;
        }
        counts.hidden += 1;
        out ??= { ...obj };
        delete out[key];
        continue;
      }
      counts.hidden += 1;
      set(key, null);
      set('redacted', true);
      continue;
    }
    const r = walk(v, scope, own, counts);
    if (r !== v) set(key, r);
  }
  return out ?? node;
}

/** The person an object belongs to: a person record's id, or a `personId` field. */
function ownerOf(obj: Record<string, unknown>): string | undefined {
  if (typeof obj.personId === 'string') return obj.personId;
  const isPerson =
    typeof obj.id === 'string' &&
    'managerId' in obj &&
    !('kind' in obj) &&
    ('dottedManagerIds' in obj || 'status' in obj || 'fte' in obj || 'level' in obj || 'title' in obj);
  return isPerson ? (obj.id as string) : undefined;
}

function countNumbers(v: unknown): number {
  if (typeof v === 'number') return v === 0 ? 0 : 1;
  if (Array.isArray(v)) return v.reduce((n: number, x) => n + countNumbers(x), 0);
  if (v && typeof v === 'object') return Object.values(v).reduce((n: number, x) => n + countNumbers(x), 0);
  return 0;
}
