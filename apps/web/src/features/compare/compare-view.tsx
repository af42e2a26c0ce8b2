import { useEffect, useMemo, useRef, useState } from 'react';
import { IconDownload } from '../../components/icons';
import { visibilitySuffix } from '../../components/visibility-marker';
import type { SavedPlan, ScenarioSummary } from '../../lib/api/client';
import { reviewSuffix } from '../../lib/review/review-words';
import { useCatalog } from '../../stores/catalog-store';
import { compareTableToCsv } from './compare-csv';
import { getCompareTable } from './compare-rows';
import { defaultSelection, keepKnown, type Selection, selectionColors, toggleId } from './compare-selection';
import { downloadCsv } from './download';
import { ManagerChanges } from './manager-changes-view';
import { MetricsTable } from './metrics-table';
import { PlanEditor } from './plan-editor/plan-editor';
import { SimulationPanel } from './simulation-panel';
import { useComparison, useOrgPlans } from './use-compare-data';
import './compare.css';

/** What the compare view needs from the app: the org, what is picked, and how to move. */
export interface CompareViewProps {
  orgId: string;
  /** The scenarios and plans picked (from the address bar). */
  selection: Selection;
  onSelect: (selection: Selection) => void;
  onChangeOrg: (orgId: string) => void;
  onOpenScenario: (scenarioId: string) => void;
  /** Shown at the end of the view's top bar (the user menu). */
  actions?: React.ReactNode;
}

function Chip({
  checked,
  color,
  onToggle,
  children,
}: {
  checked: boolean;
  color?: string;
  onToggle: () => void;
  children: React.ReactNode;
}) {
  return (
    <label className={`pick-chip${checked ? ' is-on' : ''}`}>
      <input type="checkbox" checked={checked} onChange={onToggle} />
      <span className="swatch" style={{ background: checked ? color : 'transparent' }} aria-hidden="true" />
      <span className="pick-chip-text">{children}</span>
    </label>
  );
}

function Picker({
  scenarios,
  plans,
  selection,
  colors,
  onSelect,
  onEdit,
}: {
  scenarios: ScenarioSummary[];
  plans: SavedPlan[];
  selection: Selection;
  colors: Map<string, string>;
  onSelect: (s: Selection) => void;
  /** Opens the plan editor on a plan, or on a new one. */
  onEdit: (planId: string) => void;
}) {
  const scenarioName = (id: string) => scenarios.find((s) => s.id === id)?.name ?? id;
  const picked = selection.scenarios.length + selection.plans.length;
  return (
    <section className="compare-card picker" aria-label="What to compare">
      <div className="picker-row">
        <span className="picker-label">Scenarios</span>
        <div className="picker-chips">
          {scenarios.map((s) => (
            <Chip
              key={s.id}
              checked={selection.scenarios.includes(s.id)}
              color={colors.get(s.id)}
              onToggle={() => onSelect({ ...selection, scenarios: toggleId(selection.scenarios, s.id) })}
            >
              {s.name}
              <span className="muted">
                {' '}
                · rev {s.revision}
                {visibilitySuffix(s.visibility)}
                {reviewSuffix(s.review?.state)}
              </span>
            </Chip>
          ))}
          {scenarios.length === 0 && (
            <span className="muted">No scenarios yet: create one from the sidebar.</span>
          )}
        </div>
      </div>
      <div className="picker-row">
        <span className="picker-label">Headcount plans</span>
        <div className="picker-chips">
          {plans.map((p) => (
            <span key={p.id} className="pick-plan">
              <Chip
                checked={selection.plans.includes(p.id)}
                color={colors.get(p.id)}
                onToggle={() => onSelect({ ...selection, plans: toggleId(selection.plans, p.id) })}
              >
                {p.name}
                <span className="muted"> · with {scenarioName(p.scenarioId)}</span>
              </Chip>
              <button
                type="button"
                className="btn btn-ghost btn-sm pick-plan-edit"
                aria-label={`Open the plan ${p.name}`}
                onClick={() => onEdit(p.id)}
              >
                Open
              </button>
            </span>
          ))}
          {plans.length === 0 && (
            <span className="muted">No headcount plans saved with this org’s scenarios yet.</span>
          )}
          {scenarios.some((s) => s.access?.edit ?? true) && (
            <button type="button" className="btn btn-sm" onClick={() => onEdit('new')}>
              + New plan
            </button>
          )}
        </div>
      </div>
      {picked < 2 && (
        <p className="picker-hint">Pick at least two scenarios or plans to compare them side by side.</p>
      )}
    </section>
  );
}

function MetricsSection({
  scenarioIds,
  colors,
  orgId,
  onOpenScenario,
}: {
  scenarioIds: string[];
  colors: Map<string, string>;
  orgId: string;
  onOpenScenario: (id: string) => void;
}) {
  const comparison = useComparison(scenarioIds);
  const table = useMemo(
    () => (comparison?.status === 'ready' ? getCompareTable(comparison.data) : null),
    [comparison],
  );
  const moves = useMemo(
    () =>
      comparison?.status === 'ready'
        ? comparison.data.comparison.scenarios.map((s) => ({
            id: s.id,
            name: s.name,
            changes: s.diff.people.managerChanged,
          }))
        : null,
    [comparison],
  );
  return (
    <section
      className="compare-card"
      aria-labelledby="metrics-title"
      aria-busy={comparison?.status === 'loading'}
    >
      <div className="card-head">
        <div>
          <h2 id="metrics-title">Metrics side by side</h2>
          <p className="muted">
            Each scenario against the baseline; deltas in green improve a finding count, in red worsen it.
          </p>
        </div>
        <button
          type="button"
          className="btn btn-sm"
          disabled={!table}
          onClick={() => table && downloadCsv(`${orgId}-comparison.csv`, compareTableToCsv(table))}
        >
          <IconDownload /> Export CSV
        </button>
      </div>
      {!comparison && (
        <p className="muted">Pick one or more scenarios to see their metrics beside the baseline.</p>
      )}
      {comparison?.status === 'loading' && (
        <div className="card-loading">
          <div className="spinner" />
          <span className="muted">Comparing…</span>
        </div>
      )}
      {comparison?.status === 'error' && <p className="form-error">{comparison.message}</p>}
      {table && <MetricsTable table={table} colors={colors} onOpen={onOpenScenario} />}
      {moves && moves.length > 0 && <ManagerChanges scenarios={moves} colors={colors} orgId={orgId} />}
    </section>
  );
}

/**
 * The VP's compare view of one org: pick scenarios and saved headcount plans; see the metrics of
 * each scenario beside the baseline (with CSV export) and the plans simulated over quarters.
 */
export function CompareView({
  orgId,
  selection,
  onSelect,
  onChangeOrg,
  onOpenScenario,
  actions,
}: CompareViewProps) {
  const orgs = useCatalog((s) => s.orgs);
  const scenarios = useCatalog((s) => (s.scenariosOf === orgId ? s.scenarios : null));
  // The plans are read again each time the editor opens or closes (it may have saved one).
  const [plansVersion, setPlansVersion] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a change of the edited plan is the trigger.
  useEffect(() => setPlansVersion((v) => v + 1), [selection.edit]);
  const plans = useOrgPlans(orgId, plansVersion);
  const org = orgs?.find((o) => o.id === orgId);
  const planList = plans.status === 'ready' ? plans.data : null;

  // Opening the view with nothing picked picks the defaults, once.
  const defaulted = useRef(false);
  useEffect(() => {
    if (defaulted.current || !scenarios || !planList) return;
    defaulted.current = true;
    if (selection.scenarios.length === 0 && selection.plans.length === 0) {
      onSelect(
        defaultSelection(
          scenarios.map((s) => s.id),
          planList.map((p) => p.id),
        ),
      );
    }
  }, [scenarios, planList, selection, onSelect]);

  const known: Selection = {
    scenarios: scenarios
      ? keepKnown(
          selection.scenarios,
          scenarios.map((s) => s.id),
        )
      : [],
    plans: planList
      ? keepKnown(
          selection.plans,
          planList.map((p) => p.id),
        )
      : [],
  };
  const colors = selectionColors(known);
  const pickedPlans = known.plans.map((id) => planList!.find((p) => p.id === id)!);

  return (
    <div className="compare" data-testid="compare-view">
      <header className="topbar">
        <div className="topbar-title">
          <h1>Compare scenarios and headcount plans</h1>
          <span className="sub">{org ? `${org.name} · baseline as of ${org.summary.asOf}` : orgId}</span>
        </div>
        <div className="topbar-spacer" />
        <label className="field-inline">
          <span>Baseline</span>
          <select className="select" value={orgId} onChange={(e) => onChangeOrg(e.target.value)}>
            {orgs?.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </label>
        {actions}
      </header>
      <div className="compare-body">
        {scenarios && selection.edit ? (
          <PlanEditor
            key={selection.edit}
            planId={selection.edit}
            scenarioId={selection.on ?? scenarios.find((s) => s.access?.edit ?? true)?.id}
            scenarios={scenarios}
            onOpen={(id) => onSelect({ ...selection, edit: id, on: undefined })}
            onPickScenario={(on) => onSelect({ ...selection, on })}
            onClose={(ids) =>
              onSelect({
                scenarios: selection.scenarios,
                plans: ids ? [...new Set([...selection.plans, ...ids])] : selection.plans,
              })
            }
          />
        ) : !scenarios || plans.status === 'loading' ? (
          <div className="card-loading">
            <div className="spinner" />
            <span className="muted">Loading scenarios and plans…</span>
          </div>
        ) : (
          <>
            {plans.status === 'error' && <p className="form-error">{plans.message}</p>}
            <Picker
              scenarios={scenarios}
              plans={planList ?? []}
              selection={known}
              colors={colors}
              onSelect={onSelect}
              onEdit={(edit) => onSelect({ ...known, edit })}
            />
            <MetricsSection
              scenarioIds={known.scenarios}
              colors={colors}
              orgId={orgId}
              onOpenScenario={onOpenScenario}
            />
            <SimulationPanel
              orgId={orgId}
              orgName={org?.name ?? orgId}
              plans={pickedPlans}
              scenarios={scenarios}
              colors={colors}
            />
          </>
        )}
      </div>
    </div>
  );
}
