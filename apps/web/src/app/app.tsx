import type { Finding } from '@reorg/model';
import { lazy, Suspense } from 'react';
import { ResetPasswordPage } from '../features/auth/reset-password-page';
import { SignInPage } from '../features/auth/sign-in-page';
import { OrgCanvas } from '../features/canvas/org-canvas';
import { FocusBar } from '../features/find-me/focus-bar';
import { FindingsPanel } from '../features/findings/findings-panel';
import { PersonInspector } from '../features/person/person-inspector';
import { loadOrgs } from '../stores/catalog-store';
import { useMe } from '../stores/me-store';
import { useSession } from '../stores/session-store';
import { showPerson } from '../stores/show-person';
import { useCanImport } from '../stores/use-permissions';
import { useView } from '../stores/view-store';
import { ConflictBanner } from './conflict-banner';
import { Home, ScenarioChooser } from './home';
import { navigate, useRoute, useRouteSync } from './navigation';
import { useShortcuts } from './shortcuts';
import { Sidebar } from './sidebar';
import { Toasts } from './toasts';
import { TopBar } from './topbar';
import { UserMenu } from './user-menu';
import { ViewAsBanner } from './view-as-banner';

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
const SettingsPage = lazy(() =>
  import('../features/admin/settings-page').then((m) => ({ default: m.SettingsPage })),
);
const AuditPage = lazy(() => import('../features/admin/audit-page').then((m) => ({ default: m.AuditPage })));
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

/** The import view, for those who may import orgs. */
function ImportPage() {
  const canImport = useCanImport();
  if (!canImport) {
    return (
      <div className="empty">
        <div className="empty-card">
          <h2>Importing orgs is for admins</h2>
          <p>Ask an admin to import your org or to give you the role that may.</p>
        </div>
      </div>
    );
  }
  return (
    <Suspense fallback={null}>
      <ImportView onImported={openImported} />
    </Suspense>
  );
}

/** The slim bar above pages without a scenario: the user menu (signed-in only). */
function AccountBar() {
  const signedIn = useMe((s) => s.identity.status === 'signed-in');
  if (!signedIn) return null;
  return (
    <header className="account-bar">
      <UserMenu />
    </header>
  );
}

/** The middle of the page without a scenario open: compare, an org's scenarios, a page, or home. */
function PageView() {
  const route = useRoute();
  if (route.page === 'settings' || route.page === 'audit') {
    return (
      <Suspense fallback={null}>{route.page === 'settings' ? <SettingsPage /> : <AuditPage />}</Suspense>
    );
  }
  return null;
}

/** The app: the sign-in pages alone; else the workspace once it knows who the user is. */
export function App() {
  const page = useRoute((s) => s.page);
  const loading = useMe((s) => s.identity.status === 'loading');
  if (page === 'signin') return <SignInPage />;
  if (page === 'reset-password') return <ResetPasswordPage />;
  if (loading) {
    return (
      <div className="empty" aria-busy="true">
        <div className="spinner" />
        <span className="sr-only">Loading…</span>
      </div>
    );
  }
  return <Workspace />;
}

/**
 * Person details and findings on the right; on narrow screens a drawer over the chart, open
 * below the top bar, open while someone is selected or after "Findings" in the top bar.
 */
function SidePanel() {
  const open = useView((s) => s.panelOpen || s.selectedId !== null);
  return (
    <aside className="panel" aria-label="Details and findings" data-open={open}>
      <PersonInspector onFocus={(id) => navigate({ personId: id, view: 'chart' })} />
      <FindingsPanel onOpen={openFinding} />
    </aside>
  );
}

/** The workspace: sidebar, the open scenario's view in the middle, person details and findings on the right. */
function Workspace() {
  useRouteSync();
  useShortcuts();
  const route = useRoute();
  const withPanel = route.scenarioId !== null;
  return (
    <div className={`app${withPanel ? '' : ' no-panel'}`}>
      <Sidebar />
      <main className="main" id="main">
        <ViewAsBanner />
        {!route.scenarioId && !(route.orgId && route.compare) && <AccountBar />}
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
              actions={<UserMenu />}
            />
          </Suspense>
        ) : route.orgId ? (
          <ScenarioChooser orgId={route.orgId} />
        ) : route.page === 'import' ? (
          <ImportPage />
        ) : route.page === 'settings' || route.page === 'audit' ? (
          <PageView />
        ) : (
          <Home />
        )}
      </main>
      {withPanel && <SidePanel />}
      <Toasts />
    </div>
  );
}
