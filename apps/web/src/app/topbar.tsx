import { IconRedo, IconUndo } from '../components/icons';
import { VisibilityMarker } from '../components/visibility-marker';
import { ChangesToggle } from '../features/canvas/changes-toggle';
import { ExportMenu } from '../features/export/export-menu';
import { ReviewButton } from '../features/review/review-panel';
import { ShareButton } from '../features/share/share-dialog';
import { redo, undo } from '../stores/session-actions';
import { type SaveStatus, useSession } from '../stores/session-store';
import { saveNow } from '../stores/session-sync';
import { useDeferredAnalysis } from '../stores/use-analysis';
import { useCanShare, useReadOnlyReason } from '../stores/use-permissions';
import { useView } from '../stores/view-store';
import { navigate } from './navigation';
import { PresenceAvatars } from './presence-avatars';
import { UserMenu } from './user-menu';

const SAVE_TEXT: Record<SaveStatus, string> = {
  idle: '',
  saved: 'All changes saved',
  unsaved: 'Unsaved changes',
  saving: 'Saving…',
  offline: 'Offline: will retry',
  conflict: 'Conflict: see above',
  error: 'Not saved',
};

/** "Findings" on narrow screens, where the details and findings panel is a drawer. */
function PanelToggle() {
  const open = useView((s) => s.panelOpen || s.selectedId !== null);
  const count = useDeferredAnalysis()?.summary.findings;
  return (
    <button
      type="button"
      className="btn btn-sm panel-toggle"
      aria-expanded={open}
      onClick={() => useView.setState(open ? { panelOpen: false, selectedId: null } : { panelOpen: true })}
    >
      Findings{count ? ` ${count.error + count.warning}` : ''}
    </button>
  );
}

/** Save state in words, with the count of unsaved changes and the revision. */
function SaveState() {
  const save = useSession((s) => s.save);
  const pending = useSession((s) => s.pending.length);
  const revision = useSession((s) => s.revision);
  const text =
    save.status === 'unsaved' && pending > 0
      ? `${pending} unsaved change${pending > 1 ? 's' : ''}`
      : SAVE_TEXT[save.status];
  return (
    <span
      className="save-status"
      data-status={save.status}
      role="status"
      title={save.message ?? `Revision ${revision}`}
    >
      <span className="save-dot" aria-hidden="true" />
      {text}
      {revision > 0 && <span className="muted">· rev {revision}</span>}
    </span>
  );
}

/** The top bar: scenario name, undo/redo, save, share, export, the user menu. Read-only: says so. */
export function TopBar() {
  const readOnly = useReadOnlyReason();
  const canShare = useCanShare();
  const visibility = useSession((s) => s.visibility);
  const name = useSession((s) => s.scenarioName);
  const org = useSession((s) => s.org);
  const canUndo = useSession((s) => s.undoStack.length > 0);
  const canRedo = useSession((s) => s.redoStack.length > 0);
  const pending = useSession((s) => s.pending.length);
  const status = useSession((s) => s.save.status);
  const mod = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform) ? '⌘' : 'Ctrl+';
  return (
    <header className="topbar">
      <div className="topbar-title">
        <h1>{name || 'Scenario'}</h1>
        <span className="sub">
          {org ? `${org.name} · as of ${org.asOf}` : ''} <VisibilityMarker visibility={visibility} />
        </span>
      </div>
      <div className="topbar-spacer" />
      <PresenceAvatars />
      {readOnly && (
        <span className="chip read-only-chip" title={readOnly} data-testid="read-only">
          Read-only
        </span>
      )}
      <div className="toolbar-group">
        <button
          type="button"
          className="btn btn-icon btn-ghost"
          onClick={undo}
          disabled={!canUndo || readOnly !== null}
          aria-label="Undo"
          title={readOnly ?? `Undo (${mod}Z)`}
        >
          <IconUndo />
        </button>
        <button
          type="button"
          className="btn btn-icon btn-ghost"
          onClick={redo}
          disabled={!canRedo || readOnly !== null}
          aria-label="Redo"
          title={readOnly ?? `Redo (Shift+${mod}Z)`}
        >
          <IconRedo />
        </button>
      </div>
      <div className="divider" />
      <SaveState />
      <button
        type="button"
        className="btn btn-sm"
        onClick={() => void saveNow()}
        disabled={pending === 0 || status === 'saving' || status === 'conflict' || readOnly !== null}
        title={readOnly ?? undefined}
      >
        Save
      </button>
      <ReviewButton onOpenScenario={(id) => navigate({ scenarioId: id, view: 'chart' })} />
      {canShare && <ShareButton />}
      <ChangesToggle />
      <ExportMenu />
      <PanelToggle />
      <UserMenu />
    </header>
  );
}
