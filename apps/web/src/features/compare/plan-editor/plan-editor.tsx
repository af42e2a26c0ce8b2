import { useMemo } from 'react';
import { IconDownload } from '../../../components/icons';
import type { ScenarioSummary } from '../../../lib/api/client';
import { downloadBlob } from '../download';
import { PlanAssumptions } from './plan-assumptions';
import { draftHorizon, getAssumptionDefaults, newRowKey } from './plan-draft';
import { PlanGrid } from './plan-grid';
import { getPlanOrgContext, getQuarterTotals } from './plan-grid-model';
import { PlanTotals } from './plan-totals';
import { RateCardEditor } from './rate-card-editor';
import { hasHiddenCosts, usePlanEditor } from './use-plan-editor';
import './plan-editor.css';

/** What the plan editor needs from the compare view. */
export interface PlanEditorProps {
  /** A saved plan's id, or `new`. */
  planId: string;
  /** For a new plan: the scenario it is saved with. */
  scenarioId?: string;
  scenarios: ScenarioSummary[];
  /** Go to another plan's editor (after saving a new one or duplicating). */
  onOpen: (planId: string) => void;
  onPickScenario: (scenarioId: string) => void;
  /** Back to the compare view, with these plans picked. */
  onClose: (planIds?: string[]) => void;
}

/**
 * The headcount plan editor: name and horizon, the hire grid, the assumptions with their defaults,
 * totals per quarter; save (a new revision with If-Match), rename, duplicate, delete, and the plan
 * as JSON ("plans as code").
 */
export function PlanEditor({
  planId,
  scenarioId,
  scenarios,
  onOpen,
  onPickScenario,
  onClose,
}: PlanEditorProps) {
  const editor = usePlanEditor(planId, scenarioId, onOpen, () => onClose());
  const { state, draft, setDraft, result, note, busy } = editor;
  const ready = state.status === 'ready' ? state : null;
  const ctx = useMemo(() => (ready ? getPlanOrgContext(ready.org) : null), [ready]);
  if (!ready || !draft || !ctx) {
    return (
      <section className="compare-card plan-editor">
        {state.status === 'error' ? (
          <p className="form-error">{state.message}</p>
        ) : (
          <div className="card-loading">
            <div className="spinner" />
            <span className="muted">Loading the plan…</span>
          </div>
        )}
      </section>
    );
  }
  const scenario = scenarios.find((s) => s.id === ready.scenarioId);
  const canEdit = scenario?.access?.edit ?? true;
  const costsHidden = hasHiddenCosts(ready.saved?.plan);
  const readOnly = !canEdit || costsHidden;
  const horizon = draftHorizon(draft);
  const totals = horizon ? getQuarterTotals(draft.rows, ctx, horizon) : [];
  const fieldErrors = result && !result.ok ? result.fields : [];
  const cellErrors = result && !result.ok ? result.cells : new Map();
  const saved = ready.saved;
  const json = JSON.stringify(result?.ok ? result.plan : (saved?.plan ?? {}), null, 2);
  const renamed = saved && draft.name.trim() !== saved.name;
  const fileName = (draft.name.trim() || 'plan').replace(/[^\w.-]+/g, '-').toLowerCase();

  return (
    <section className="compare-card plan-editor" aria-labelledby="plan-editor-title">
      <div className="card-head">
        <div>
          <h2 id="plan-editor-title">{saved ? 'Headcount plan' : 'New headcount plan'}</h2>
          <p className="muted">
            {saved
              ? `Saved with ${scenario?.name ?? saved.scenarioId} · revision ${saved.revision ?? 1} by ${saved.updatedBy ?? saved.author}`
              : 'Hires by team, level and quarter, and the assumptions the simulation draws from.'}
          </p>
        </div>
        <div className="plan-toolbar">
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => onClose(saved ? [saved.id] : undefined)}
          >
            Back to compare
          </button>
          {saved && canEdit && (
            <>
              <button
                type="button"
                className="btn btn-sm"
                disabled={busy}
                onClick={() => editor.duplicate(`${draft.name.trim() || saved.name} (copy)`)}
              >
                Duplicate
              </button>
              <button
                type="button"
                className="btn btn-sm btn-danger"
                disabled={busy}
                onClick={() => {
                  if (
                    confirm(`Delete “${saved.name}”? It leaves the lists; its revisions stay in the history.`)
                  )
                    editor.remove();
                }}
              >
                Delete
              </button>
            </>
          )}
          {canEdit && (
            <button
              type="button"
              className="btn btn-primary btn-sm"
              disabled={busy || costsHidden}
              onClick={editor.save}
            >
              {saved ? 'Save revision' : 'Save plan'}
            </button>
          )}
        </div>
      </div>
      {note && (
        <p className={note.kind === 'ok' ? 'plan-note is-ok' : 'form-error'} role="status">
          {note.text}
          {note.kind === 'stale' && (
            <button type="button" className="btn btn-sm" onClick={editor.reload}>
              Reload
            </button>
          )}
        </p>
      )}
      {!canEdit && (
        <p className="muted">
          You may read this plan; your access to its scenario does not let you change it.
        </p>
      )}
      {canEdit && costsHidden && (
        <p className="muted">
          Some costs of this plan are hidden from you, so its hires are read-only here (saving would drop
          them). You may rename or duplicate it.
        </p>
      )}
      <div className="plan-head-fields">
        <div
          className={`plan-field plan-name${fieldErrors.some((e) => e.field === 'name') ? ' has-error' : ''}`}
        >
          <label htmlFor="plan-name">Name</label>
          <div className="plan-field-input">
            <input
              id="plan-name"
              className="input"
              value={draft.name}
              readOnly={!canEdit}
              onChange={(e) => setDraft({ ...draft, name: e.target.value })}
            />
            {renamed && canEdit && (
              <button type="button" className="btn btn-sm" disabled={busy} onClick={editor.rename}>
                Rename
              </button>
            )}
          </div>
        </div>
        {!saved && (
          <div className="plan-field">
            <label htmlFor="plan-scenario">Saved with</label>
            <select
              id="plan-scenario"
              className="select"
              value={ready.scenarioId}
              onChange={(e) => onPickScenario(e.target.value)}
            >
              {scenarios
                .filter((s) => s.access?.edit ?? true)
                .map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
            </select>
          </div>
        )}
        {(['startQuarter', 'quarters'] as const).map((field) => {
          const error = fieldErrors.find((e) => e.field === field)?.message;
          return (
            <div key={field} className={`plan-field${error ? ' has-error' : ''}`}>
              <label htmlFor={`plan-${field}`}>
                {field === 'startQuarter' ? 'Start quarter' : 'Quarters'}
              </label>
              <input
                id={`plan-${field}`}
                className="input input-narrow"
                value={draft[field]}
                readOnly={readOnly}
                aria-invalid={error ? true : undefined}
                onChange={(e) => setDraft({ ...draft, [field]: e.target.value })}
              />
              <span className={error ? 'field-error' : 'field-hint'}>
                {error ??
                  (field === 'quarters' ? 'Default 8 (two years)' : `After the as-of date ${ready.org.asOf}`)}
              </span>
            </div>
          );
        })}
      </div>
      <h3 className="plan-section">Planned hires</h3>
      <PlanGrid
        rows={draft.rows.length ? draft.rows : []}
        errors={cellErrors}
        ctx={ctx}
        readOnly={readOnly}
        newKey={newRowKey}
        onChange={(rows) => setDraft({ ...draft, rows })}
      />
      {totals.length > 0 && <PlanTotals totals={totals} currency={ready.org.currency} />}
      <h3 className="plan-section">Assumptions</h3>
      <PlanAssumptions
        draft={draft}
        defaults={getAssumptionDefaults(ready.org)}
        errors={fieldErrors}
        currency={ready.org.currency}
        readOnly={readOnly}
        onChange={(next) => setDraft({ ...draft, ...next })}
      />
      <RateCardEditor
        key={ready.scenarioId}
        card={ready.org.rateCard}
        scenarioId={ready.scenarioId}
        revision={ready.scenarioRevision}
        levels={ctx.levelIds}
        currency={ready.org.currency}
        canEdit={canEdit}
        onSaved={editor.rateCardSaved}
      />
      <details className="plan-json">
        <summary>The plan as JSON (plans as code)</summary>
        <div className="plan-json-actions">
          <button
            type="button"
            className="btn btn-sm"
            onClick={() => downloadBlob(`${fileName}.json`, new Blob([json], { type: 'application/json' }))}
          >
            <IconDownload /> Download JSON
          </button>
          <span className="muted">
            {result?.ok
              ? 'As it would be saved now.'
              : 'As last saved (fix the marked cells to see your changes).'}
          </span>
        </div>
        <pre>{json}</pre>
      </details>
    </section>
  );
}
