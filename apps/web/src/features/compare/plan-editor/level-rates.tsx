import { type LevelRate, newRowKey } from './plan-draft';

/**
 * Rates by level, one row each (a level of the ladder and a percent a year): attrition overrides
 * and promotion rates. `field` names the draft field, for the error paths (`field.N`).
 */
export function LevelRates({
  field,
  what,
  rates,
  errorOf,
  readOnly,
  onChange,
}: {
  field: string;
  /** What each rate is, e.g. "attrition", "promotion to the next IC level". */
  what: string;
  rates: LevelRate[];
  errorOf: (path: string) => string | undefined;
  readOnly: boolean;
  onChange: (rates: LevelRate[]) => void;
}) {
  const set = (k: number, part: Partial<LevelRate>) =>
    onChange(rates.map((x, j) => (j === k ? { ...x, ...part } : x)));
  return (
    <>
      {rates.map((l, k) => (
        <div className="plan-level-rate" key={l.key}>
          <input
            className="input input-narrow"
            aria-label={`Level of ${what} ${k + 1}`}
            value={l.level}
            list="plan-grid-levels"
            readOnly={readOnly}
            onChange={(e) => set(k, { level: e.target.value })}
          />
          <input
            className="input input-narrow"
            aria-label={`Annual ${what} of level ${l.level || k + 1}, percent`}
            value={l.rate}
            readOnly={readOnly}
            onChange={(e) => set(k, { rate: e.target.value })}
          />
          <span className="muted">% a year</span>
          {!readOnly && (
            <button
              type="button"
              className="btn btn-ghost btn-sm"
              aria-label={`Remove the ${what} of level ${l.level}`}
              onClick={() => onChange(rates.filter((_, j) => j !== k))}
            >
              ×
            </button>
          )}
          {errorOf(`${field}.${k}`) && <span className="field-error">{errorOf(`${field}.${k}`)}</span>}
        </div>
      ))}
      {!readOnly && (
        <button
          type="button"
          className="btn btn-sm"
          onClick={() => onChange([...rates, { key: newRowKey(), level: '', rate: '' }])}
        >
          + {what[0]!.toUpperCase()}
          {what.slice(1)} for a level
        </button>
      )}
    </>
  );
}
