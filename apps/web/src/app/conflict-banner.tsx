import { useSession } from '../stores/session-store';
import { resolveConflict } from '../stores/session-sync';

/** Says plainly what conflicts when unsaved changes no longer apply, and offers the two ways out. */
export function ConflictBanner() {
  const save = useSession((s) => s.save);
  const pending = useSession((s) => s.pending.length);
  if (save.status !== 'conflict' || !save.conflict) return null;
  const c = save.conflict;
  return (
    <div className="banner banner-conflict" role="alert">
      <div>
        <strong>
          Someone else saved this scenario (now revision {c.revision}), and your change “{c.label}” no longer
          applies.
        </strong>
        {c.message}
        {pending > 1 &&
          ` Your other ${pending - 1} unsaved change${pending - 1 === 1 ? '' : 's'} can still be kept.`}
      </div>
      <div className="banner-actions">
        <button type="button" className="btn btn-sm" onClick={() => void resolveConflict('drop-one')}>
          Discard this change, keep the rest
        </button>
        <button
          type="button"
          className="btn btn-sm btn-danger"
          onClick={() => void resolveConflict('drop-all')}
        >
          Discard all unsaved changes
        </button>
      </div>
    </div>
  );
}
