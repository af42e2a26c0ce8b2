import { useMe } from '../stores/me-store';
import { switchViewAs } from './user-menu';

/** While an admin views the app as another user: says so plainly, with a way back. */
export function ViewAsBanner() {
  const identity = useMe((s) => s.identity);
  const viewAs = identity.status === 'signed-in' ? identity.me.viewAs : null;
  if (!viewAs) return null;
  return (
    <div className="banner banner-view-as" role="status">
      <div className="view-as-text">
        Viewing as <b>{viewAs}</b> — what they see.
      </div>
      <div className="banner-actions">
        <button type="button" className="btn btn-sm" onClick={() => switchViewAs(null)}>
          Stop
        </button>
      </div>
    </div>
  );
}
