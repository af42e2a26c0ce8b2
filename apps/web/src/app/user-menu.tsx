import { useEffect, useRef, useState } from 'react';
import { listUsers, signOut, type UserItem } from '../lib/api/identity';
import { canManageUsers, canViewAs, canViewAudit, getInitials, getRoleOn } from '../lib/auth/permissions';
import { setViewAs } from '../lib/auth/view-as';
import { useMe } from '../stores/me-store';
import { navigate, useRoute } from './navigation';

/** Starts or stops viewing as another user: the page loads afresh, every request with the header. */
export function switchViewAs(email: string | null): void {
  setViewAs(email);
  location.reload();
}

async function doSignOut(): Promise<void> {
  try {
    await signOut();
  } finally {
    setViewAs(null);
    location.assign('/signin');
  }
}

/** The admin's "view as" picker: every user but the admin themself. */
function ViewAsPicker({ self, onDone }: { self: string; onDone: () => void }) {
  const [users, setUsers] = useState<UserItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [email, setEmail] = useState('');
  useEffect(() => {
    listUsers()
      .then((u) => setUsers(u.filter((x) => x.email !== self)))
      .catch((e: Error) => setError(e.message));
  }, [self]);
  return (
    <form
      className="view-as-picker"
      onSubmit={(e) => {
        e.preventDefault();
        if (email) switchViewAs(email);
      }}
    >
      <label className="field-label" htmlFor="view-as-user">
        See the app as
      </label>
      {error && <p className="form-error">{error}</p>}
      <select
        id="view-as-user"
        className="select"
        value={email}
        onChange={(e) => setEmail(e.target.value)}
        disabled={!users}
      >
        <option value="">{users ? 'Choose a user…' : 'Loading users…'}</option>
        {users?.map((u) => (
          <option key={u.id} value={u.email}>
            {u.email} · {u.roles.map((r) => r.role).join(', ') || 'no role'}
          </option>
        ))}
      </select>
      <div className="form-actions">
        <button type="submit" className="btn btn-primary btn-sm" disabled={!email}>
          View as
        </button>
        <button type="button" className="btn btn-ghost btn-sm" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * The signed-in user's menu (top right): initials avatar, e-mail and role on the current org;
 * for admins "View as…", Settings and Audit trail; Sign out. Nothing on a server without sign-in.
 */
export function UserMenu() {
  const identity = useMe((s) => s.identity);
  const orgId = useRoute((s) => s.orgId);
  const [open, setOpen] = useState(false);
  const [picking, setPicking] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: MouseEvent) => {
      if (!ref.current?.contains(e.target as Node)) setOpen(false);
    };
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', esc);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', esc);
    };
  }, [open]);
  if (identity.status !== 'signed-in') return null;
  const { me } = identity;
  const role = getRoleOn(identity, orgId);
  const go = (page: 'settings' | 'audit') => {
    setOpen(false);
    navigate({ page, orgId: null });
  };
  return (
    <div className="menu user-menu" ref={ref}>
      <button
        type="button"
        className="avatar-btn"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={`${getInitials(me.user)}: account of ${me.user.email}`}
        title={me.user.email}
        onClick={() => {
          setOpen(!open);
          setPicking(false);
        }}
      >
        <span className={`avatar${me.viewAs ? ' is-viewing-as' : ''}`} aria-hidden="true">
          {getInitials(me.user)}
        </span>
      </button>
      {open && (
        <div className="menu-list user-menu-list" role="menu">
          <div className="user-menu-head">
            <strong>{me.user.name || me.user.email}</strong>
            <span className="muted">{me.user.email}</span>
            {role && (
              <span className={`chip role-chip role-${role}`}>
                {role}
                {orgId ? ` on ${orgId}` : ''}
              </span>
            )}
          </div>
          {me.viewAs && (
            <button type="button" role="menuitem" onClick={() => switchViewAs(null)}>
              Stop viewing as {me.viewAs}
            </button>
          )}
          {canViewAs(identity) &&
            !me.viewAs &&
            (picking ? (
              <ViewAsPicker self={me.user.email} onDone={() => setPicking(false)} />
            ) : (
              <button type="button" role="menuitem" onClick={() => setPicking(true)}>
                View as…
              </button>
            ))}
          {canManageUsers(identity) && (
            <button type="button" role="menuitem" onClick={() => go('settings')}>
              Settings
            </button>
          )}
          {canViewAudit(identity) && (
            <button type="button" role="menuitem" onClick={() => go('audit')}>
              Audit trail
            </button>
          )}
          <button type="button" role="menuitem" onClick={() => void doSignOut()}>
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}
