import { type AssumptionDefault, type FieldError, newRowKey, type PlanDraft } from './plan-draft';

type Defaults = Record<string, AssumptionDefault>;

/** One labelled field with its default and source beneath, and its error. */
function Field({
  id,
  label,
  unit,
  value,
  error,
  hint,
  readOnly,
  onChange,
  placeholder,
}: {
  id: string;
  label: string;
  unit?: string;
  value: string;
  error?: string;
  hint?: AssumptionDefault;
  readOnly: boolean;
  onChange: (v: string) => void;
  placeholder?: string;
}) {
  const hintId = `${id}-hint`;
  return (
    <div className={`plan-field${error ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <div className="plan-field-input">
        <input
          id={id}
          className="input"
          value={value}
          readOnly={readOnly}
          placeholder={placeholder}
          aria-invalid={error ? true : undefined}
          aria-describedby={hintId}
          onChange={(e) => onChange(e.target.value)}
        />
        {unit && <span className="muted">{unit}</span>}
      </div>
      <span id={hintId} className={error ? 'field-error' : 'field-hint'}>
        {error ?? (hint ? `Default: ${hint.value} (${hint.source})` : '')}
      </span>
    </div>
  );
}

/**
 * The plan's assumptions as plain fields: attrition (overall and by level), time to hire,
 * ramp-up, backfill and its delay, replacement cost, and the budget and headcount target; each
 * shows its default and where it comes from.
 */
export function PlanAssumptions({
  draft,
  defaults,
  errors,
  currency,
  readOnly,
  onChange,
}: {
  draft: PlanDraft;
  defaults: Defaults;
  errors: FieldError[];
  currency: string;
  readOnly: boolean;
  onChange: (next: Partial<PlanDraft>) => void;
}) {
  const err = (field: string) => errors.find((e) => e.field === field)?.message;
  const f = (field: keyof PlanDraft) => ({
    id: `plan-${field}`,
    value: String(draft[field]),
    error: err(field),
    readOnly,
    onChange: (v: string) => onChange({ [field]: v }),
  });
  const byLevel = draft.attritionByLevel;
  return (
    <div className="plan-assumptions">
      <fieldset>
        <legend>Attrition</legend>
        <Field
          {...f('attrition')}
          label="Annual attrition"
          unit="% a year"
          hint={defaults.attrition}
          placeholder="e.g. 12"
        />
        {byLevel.map((l, k) => (
          <div className="plan-level-rate" key={l.key}>
            <input
              className="input input-narrow"
              aria-label={`Level of attrition override ${k + 1}`}
              value={l.level}
              list="plan-grid-levels"
              readOnly={readOnly}
              onChange={(e) =>
                onChange({
                  attritionByLevel: byLevel.map((x, j) => (j === k ? { ...x, level: e.target.value } : x)),
                })
              }
            />
            <input
              className="input input-narrow"
              aria-label={`Annual attrition of level ${l.level || k + 1}, percent`}
              value={l.rate}
              readOnly={readOnly}
              onChange={(e) =>
                onChange({
                  attritionByLevel: byLevel.map((x, j) => (j === k ? { ...x, rate: e.target.value } : x)),
                })
              }
            />
            <span className="muted">% a year</span>
            {!readOnly && (
              <button
                type="button"
                className="btn btn-ghost btn-sm"
                aria-label={`Remove the attrition of level ${l.level}`}
                onClick={() => onChange({ attritionByLevel: byLevel.filter((_, j) => j !== k) })}
              >
                ×
              </button>
            )}
            {err(`attritionByLevel.${k}`) && (
              <span className="field-error">{err(`attritionByLevel.${k}`)}</span>
            )}
          </div>
        ))}
        {!readOnly && (
          <button
            type="button"
            className="btn btn-sm"
            onClick={() =>
              onChange({ attritionByLevel: [...byLevel, { key: newRowKey(), level: '', rate: '' }] })
            }
          >
            + Attrition for a level
          </button>
        )}
      </fieldset>
      <fieldset>
        <legend>Hiring</legend>
        <Field {...f('timeToHire')} label="Time to hire" unit="quarters" hint={defaults.timeToHire} />
        <Field {...f('rampUp')} label="Ramp-up" unit="quarters" hint={defaults.rampUp} />
        <div className="plan-field">
          <label className="plan-check">
            <input
              type="checkbox"
              checked={draft.backfill}
              disabled={readOnly}
              onChange={(e) => onChange({ backfill: e.target.checked })}
            />
            Backfill leavers
          </label>
          <span className="field-hint">
            Default: {defaults.backfill!.value} ({defaults.backfill!.source})
          </span>
        </div>
        <Field {...f('backfillDelay')} label="Backfill delay" unit="quarters" hint={defaults.backfillDelay} />
        <Field
          {...f('replacementCostMonths')}
          label="Replacement cost of a leaver"
          unit="months of their cost"
          hint={defaults.replacementCostMonths}
          placeholder={defaults.replacementCostMonths!.value.replace(' months', '')}
        />
      </fieldset>
      <fieldset>
        <legend>Budget and target</legend>
        <Field
          {...f('budget')}
          label="Annual cost budget"
          unit={`${currency}, run rate`}
          hint={{ value: 'none', source: 'optional: the simulation then gives P(within budget) per quarter' }}
        />
        <Field
          {...f('headcountTarget')}
          label="Headcount target"
          unit="people in post"
          hint={{
            value: 'none',
            source: 'optional: P(reach target) per quarter and the quarter it is reached',
          }}
        />
      </fieldset>
    </div>
  );
}
