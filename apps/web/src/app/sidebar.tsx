import { useEffect, useState } from 'react';
import {
  IconChart,
  IconCompare,
  IconHistory,
  IconLadder,
  IconList,
  IconPlus,
  IconTeams,
  IconUpload,
} from '../components/icons';
import { visibilitySuffix } from '../components/visibility-marker';
import { SearchBox } from '../features/find-me/search-box';
import { createScenario } from '../lib/api/client';
import { reviewSuffix } from '../lib/review/review-words';
import { loadOrgs, loadScenarios, useCatalog } from '../stores/catalog-store';
import { useMe } from '../stores/me-store';
import { useDeferredAnalysis } from '../stores/use-analysis';
import { useCanEditOrg, useCanImport } from '../stores/use-permissions';
import type { View } from '../stores/view-store';
import { navigate, useRoute } from './navigation';

const NAV: { view: View; label: string; icon: () => React.JSX.Element }[] = [
  { view: 'chart', label: 'Org chart', icon: IconChart },
  { view: 'teams', label: 'Teams', icon: IconTeams },
  { view: 'ladder', label: 'Career ladder', icon: IconLadder },
  { view: 'outline', label: 'Outline', icon: IconList },
  { view: 'history', label: 'Revisions', icon: IconHistory },
];

function NewScenario({ orgId }: { orgId: string }) {
  const signedIn = useMe((s) => s.identity.status === 'signed-in');
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [shared, setShared] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <button
        type="button"
        className="btn btn-sm btn-ghost btn-block new-scenario"
        onClick={() => setOpen(true)}
      >
        <IconPlus /> New scenario
      </button>
    );
  }
  const submit = async () => {
    setBusy(true);
    try {
      const doc = await createScenario(
        orgId,
        name.trim() || 'Untitled scenario',
        [],
        signedIn && shared ? 'org' : undefined,
      );
      await loadScenarios(orgId);
      setOpen(false);
      setName('');
      navigate({ scenarioId: doc.id, view: 'chart' });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="new-scenario-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label className="sr-only" htmlFor="scenario-name">
        Scenario name
      </label>
      <input
        id="scenario-name"
        className="input"
        placeholder="e.g. Split platform team"
        value={name}
        onChange={(e) => setName(e.target.value)}
      />
      {signedIn && (
        <label className="check-inline">
          <input type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
          Share with the org (else private to you)
        </label>
      )}
      {error && <p className="form-error">{error}</p>}
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-sm" disabled={busy}>
          Create
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function Stats() {
  const analysis = useDeferredAnalysis();
  if (!analysis) return null;
  const s = analysis.summary;
  const open = s.headcountByStatus.open + s.headcountByStatus.planned;
  const items = [
    { label: 'People', value: s.people.toLocaleString('en-US') },
    { label: 'Managers', value: s.managers.toLocaleString('en-US') },
    { label: 'Median span', value: s.medianSpan.toLocaleString('en-US') },
    { label: 'Layers', value: s.maxLayer },
    { label: 'Open & planned', value: open },
    { label: 'Errors & warnings', value: s.findings.error + s.findings.warning },
  ];
  return (
    <div className="side-section">
      <span className="side-label">This scenario</span>
      <div className="stats">
        {items.map((i) => (
          <div key={i.label} className="stat">
            <div className="stat-value">{i.value}</div>
            <div className="stat-label">{i.label}</div>
          </div>
        ))}
      </div>
    </div>
  );
}

/** The left sidebar: org and scenario pickers, the views, and the scenario's headline numbers. */
export function Sidebar() {
  const route = useRoute();
  const orgs = useCatalog((s) => s.orgs);
  const scenarios = useCatalog((s) => s.scenarios);
  const canImport = useCanImport();
  const canEdit = useCanEditOrg(route.orgId);
  useEffect(() => {
    void loadOrgs();
  }, []);
  return (
    <nav className="sidebar" aria-label="Workspace">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true">
          <IconChart />
        </span>
        <div>
          <div className="brand-name">reorg</div>
          <div className="brand-sub">Org design workspace</div>
        </div>
      </div>
      <div className="side-section">
        <label className="side-label" htmlFor="org-picker">
          Org
        </label>
        <select
          id="org-picker"
          className="select"
          value={route.orgId ?? ''}
          onChange={(e) => navigate({ orgId: e.target.value || null })}
        >
          <option value="">Choose an org…</option>
          {orgs?.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
        {canImport && (
          <button
            type="button"
            className="btn btn-sm btn-ghost btn-block new-scenario"
            aria-current={route.page === 'import' ? 'page' : undefined}
            onClick={() => navigate({ page: 'import', orgId: null })}
          >
            <IconUpload /> Import org
          </button>
        )}
        {route.orgId && (
          <>
            <label className="side-label" htmlFor="scenario-picker">
              Scenario
            </label>
            <select
              id="scenario-picker"
              className="select"
              value={route.scenarioId ?? ''}
              onChange={(e) => navigate({ scenarioId: e.target.value || null })}
            >
              <option value="">Choose a scenario…</option>
              {scenarios?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                  {visibilitySuffix(s.visibility)}
                  {reviewSuffix(s.review?.state)}
                </option>
              ))}
            </select>
            {canEdit && <NewScenario orgId={route.orgId} />}
            <button
              type="button"
              className="nav-item compare-link"
              aria-current={route.compare && !route.scenarioId ? 'page' : undefined}
              onClick={() =>
                navigate({ scenarioId: null, compare: route.compare ?? { scenarios: [], plans: [] } })
              }
            >
              <IconCompare /> Compare scenarios
            </button>
            {route.scenarioId && canEdit && (
              <button
                type="button"
                className="nav-item"
                onClick={() =>
                  navigate({
                    scenarioId: null,
                    compare: { scenarios: [], plans: [], edit: 'new', on: route.scenarioId ?? undefined },
                  })
                }
              >
                <IconCompare /> New headcount plan on this scenario
              </button>
            )}
          </>
        )}
      </div>
      {route.scenarioId && (
        <div className="side-section">
          <span className="side-label">Find me</span>
          <SearchBox onPick={(id) => navigate({ personId: id, view: 'chart' })} />
        </div>
      )}
      {route.scenarioId && (
        <div className="side-section">
          <span className="side-label">Views</span>
          <div className="nav">
            {NAV.map((n) => (
              <button
                key={n.view}
                type="button"
                className="nav-item"
                aria-current={route.view === n.view ? 'page' : undefined}
                onClick={() => navigate({ view: n.view })}
              >
                <n.icon />
                {n.label}
              </button>
            ))}
          </div>
        </div>
      )}
      {route.scenarioId && <Stats />}
    </nav>
  );
}
