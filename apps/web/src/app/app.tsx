import type { Finding } from '@reorg/model';
import { lazy, Suspense } from 'react';
import { OrgCanvas } from '../features/canvas/org-canvas';
import { FocusBar } from '../features/find-me/focus-bar';
import { FindingsPanel } from '../features/findings/findings-panel';
import { PersonInspector } from '../features/person/person-inspector';
import { loadOrgs } from '../stores/catalog-store';
import { useSession } from '../stores/session-store';
import { showPerson } from '../stores/show-person';
import { useView } from '../stores/view-store';
import { ConflictBanner } from './conflict-banner';
import { Home, ScenarioChooser } from './home';
import { navigate, useRoute, useRouteSync } from './navigation';
import { useShortcuts } from './shortcuts';
import { Sidebar } from './sidebar';
import { Toasts } from './toasts';
import { TopBar } from './topbar';

const LadderView = lazy(() =>
  import('../features/ladder/ladder-view').then((m) => ({ default: m.LadderView })),
);
const TeamGraphView = lazy(() =>
  import('../features/teams/team-graph-view').then((m) => ({ default: m.TeamGraphView })),
);
const OutlineView = lazy(() =>
  import('../features/outline/outline-view').then((m) => ({ default: m.OutlineView })),
);
const ImportView = lazy(() =>
  import('../features/import/import-view').then((m) => ({ default: m.ImportView })),
);
const HistoryView = lazy(() =>
  import('../features/history/history-view').then((m) => ({ default: m.HistoryView })),
);
const CompareView = lazy(() =>
  import('../features/compare/compare-view').then((m) => ({ default: m.CompareView })),
);

/** After an import: the org list again, then the new org's page (its baseline findings). */
async function openImported(orgId: string): Promise<void> {
  await loadOrgs();
  navigate({ orgId });
}

const leaveFocus = () => navigate({ personId: null }, { replace: true });

/** Focuses a finding's subject: a person or team on the chart, a level on the ladder. */
function openFinding(f: Finding): void {
  const { index } = useSession.getState();
  const view = useView.getState().view;
  if (f.subject.kind === 'person') {
    if (view !== 'chart' && view !== 'outline') navigate({ view: 'chart' });
    showPerson(f.subject.id, leaveFocus);
  } else if (f.subject.kind === 'team') {
    const managerId = index?.teamsById.get(f.subject.id)?.managerId;
    if (view !== 'chart' && view !== 'outline' && view !== 'teams') navigate({ view: 'chart' });
    if (managerId && useView.getState().view !== 'teams') showPerson(managerId, leaveFocus);
  } else if (f.subject.kind === 'level') navigate({ view: 'ladder' });
  else if (f.subject.kind === 'interaction') navigate({ view: 'teams' });
}

function MainView() {
  const route = useRoute();
  const phase = useSession((s) => s.phase);
  const error = useSession((s) => s.error);
  if (phase === 'error') {
    return (
      <div className="empty">
        <div className="empty-card">
          <h2>This scenario could not be opened</h2>
          <p>{error}</p>
          <button type="button" className="btn" onClick={() => navigate({ scenarioId: null })}>
            Choose another scenario
          </button>
        </div>
      </div>
    );
  }
  if (phase !== 'ready') {
    return (
      <div className="empty" aria-busy="true">
        <div className="spinner" />
        <span className="sr-only">Loading the scenario…</span>
      </div>
    );
  }
  const fallback = (
    <div className="empty" aria-busy="true">
      <div className="spinner" />
    </div>
  );
  return (
    <Suspense fallback={fallback}>
      {route.view === 'chart' && (
        <div className="view-area" data-export-root>
          {route.personId && (
            <FocusBar
              personId={route.personId}
              onFocus={(id) => navigate({ personId: id })}
              onClose={leaveFocus}
            />
          )}
          <OrgCanvas />
        </div>
      )}
      {route.view === 'teams' && <TeamGraphView />}
      {route.view === 'ladder' && <LadderView />}
      {route.view === 'outline' && <OutlineView />}
      {route.view === 'history' && <HistoryView />}
    </Suspense>
  );
}

/** The app: sidebar, the open scenario's view in the middle, person details and findings on the right. */
export function App() {
  useRouteSync();
  useShortcuts();
  const route = useRoute();
  const withPanel = route.scenarioId !== null;
  return (
    <div className={`app${withPanel ? '' : ' no-panel'}`}>
      <Sidebar />
      <main className="main" id="main">
        {route.scenarioId ? (
          <>
            <TopBar />
            <ConflictBanner />
            <MainView />
          </>
        ) : route.orgId && route.compare ? (
          <Suspense fallback={null}>
            <CompareView
              key={route.orgId}
              orgId={route.orgId}
              selection={route.compare}
              onSelect={(compare) => navigate({ compare }, { replace: true })}
              onChangeOrg={(orgId) => navigate({ orgId, compare: { scenarios: [], plans: [] } })}
              onOpenScenario={(scenarioId) => navigate({ scenarioId, view: 'chart' })}
            />
          </Suspense>
        ) : route.orgId ? (
          <ScenarioChooser orgId={route.orgId} />
        ) : route.page === 'import' ? (
          <Suspense fallback={null}>
            <ImportView onImported={openImported} />
          </Suspense>
        ) : (
          <Home />
        )}
      </main>
      {withPanel && (
        <aside className="panel" aria-label="Details and findings">
          <PersonInspector onFocus={(id) => navigate({ personId: id, view: 'chart' })} />
          <FindingsPanel onOpen={openFinding} />
        </aside>
      )}
      <Toasts />
    </div>
  );
}
