import { IconUpload } from '../components/icons';
import { ReviewStateChip } from '../components/review-state-chip';
import { VisibilityMarker } from '../components/visibility-marker';
import { BaselineOverview } from '../features/baseline/baseline-overview';
import { useCatalog } from '../stores/catalog-store';
import { useCanEditOrg, useCanImport } from '../stores/use-permissions';
import { navigate } from './navigation';

/** The start page: the orgs on the server, as cards. */
export function Home() {
  const orgs = useCatalog((s) => s.orgs);
  const error = useCatalog((s) => s.error);
  const canImport = useCanImport();
  return (
    <div className="empty">
      <div className="empty-card">
        <h2>Choose an org to work on</h2>
        <p>
          Each org is an imported baseline. Reorgs happen in scenarios: copies you can change, compare and
          restore.
        </p>
        {error && <p className="form-error">{error}</p>}
        <div className="org-cards">
          {orgs?.map((o) => (
            <button key={o.id} type="button" className="org-card" onClick={() => navigate({ orgId: o.id })}>
              <h3>{o.name}</h3>
              <div className="muted">
                {o.summary.people.toLocaleString('en-US')} people · {o.summary.teams} teams · as of{' '}
                {o.summary.asOf}
              </div>
            </button>
          ))}
        </div>
        {canImport && (
          <p className="home-import">
            Or bring your own: an HRIS export, a UK organogram or an org document.{' '}
            <button type="button" className="btn btn-sm" onClick={() => navigate({ page: 'import' })}>
              <IconUpload /> Import org
            </button>
          </p>
        )}
        {orgs?.length === 0 && !canImport && (
          <p className="muted">No org is shared with you yet. Ask an admin for a role on one.</p>
        )}
      </div>
    </div>
  );
}

/** The scenarios of an org, as cards (create one from the sidebar). */
export function ScenarioChooser({ orgId }: { orgId: string }) {
  const scenarios = useCatalog((s) => s.scenarios);
  const org = useCatalog((s) => s.orgs?.find((o) => o.id === orgId));
  const canEdit = useCanEditOrg(orgId);
  return (
    <div className="empty">
      <div className="empty-card">
        <h2>{org?.name ?? orgId}</h2>
        <p>
          {canEdit
            ? 'Open a scenario, or create a new one from the sidebar. The baseline itself never changes.'
            : 'Open a scenario to read it. You can look, not change: your role on this org is read-only.'}
        </p>
        <div className="org-cards">
          {scenarios?.map((s) => (
            <button
              key={s.id}
              type="button"
              className="org-card"
              onClick={() => navigate({ scenarioId: s.id, view: 'chart' })}
            >
              <h3>{s.name}</h3>
              <VisibilityMarker visibility={s.visibility} />
              {s.review && <ReviewStateChip state={s.review.state} />}
              <div className="muted">
                Revision {s.revision} · by {s.author} · {s.updatedAt.slice(0, 10)}
                {s.review && s.review.openComments > 0
                  ? ` · ${s.review.openComments} open comment${s.review.openComments === 1 ? '' : 's'}`
                  : ''}
              </div>
            </button>
          ))}
          {scenarios?.length === 0 && <p className="muted">No scenarios yet.</p>}
        </div>
        <BaselineOverview orgId={orgId} />
      </div>
    </div>
  );
}
