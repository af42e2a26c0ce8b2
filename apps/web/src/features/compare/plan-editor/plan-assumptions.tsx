import { LevelRates } from './level-rates';
import type { AssumptionDefault, FieldError, PlanDraft } from './plan-draft';

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
        <LevelRates
          field="attritionByLevel"
          what="attrition"
          rates={draft.attritionByLevel}
          errorOf={err}
          readOnly={readOnly}
          onChange={(attritionByLevel) => onChange({ attritionByLevel })}
        />
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
        <legend>Promotions (manager bench)</legend>
        <span className="field-hint">
          Optional, no defaults: the share of ICs at a level promoted each year, and of those who move into
          management (the bench of internal manager candidates beside the managers the plan needs).
        </span>
        <LevelRates
          field="promotionsByLevel"
          what="IC promotion"
          rates={draft.promotionsByLevel}
          errorOf={err}
          readOnly={readOnly}
          onChange={(promotionsByLevel) => onChange({ promotionsByLevel })}
        />
        <LevelRates
          field="intoManagement"
          what="move into management"
          rates={draft.intoManagement}
          errorOf={err}
          readOnly={readOnly}
          onChange={(intoManagement) => onChange({ intoManagement })}
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
