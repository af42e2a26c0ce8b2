import { useCallback, useEffect, useState } from 'react';
import { listUsers, type UserItem } from '../../lib/api/identity';
import { canManageUsers } from '../../lib/auth/permissions';
import { useMe } from '../../stores/me-store';
import { AddUserForm } from './add-user-form';
import { TokensSection } from './tokens-section';
import { UsersTable } from './users-section';
import './admin.css';

/** Says that a page is for admins (the server refuses the calls anyway). */
export function AdminOnly({ what }: { what: string }) {
  return (
    <div className="empty">
      <div className="empty-card">
        <h2>{what} is for admins</h2>
        <p>Ask an admin if you need a user added, a role changed or a token made.</p>
      </div>
    </div>
  );
}

/** `/settings` (admin): users and their roles, adding users with a sign-in link, reset links, API tokens. */
export function SettingsPage() {
  const allowed = useMe((s) => canManageUsers(s.identity));
  const [users, setUsers] = useState<UserItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    listUsers()
      .then(setUsers)
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(() => {
    if (allowed) load();
  }, [allowed, load]);
  if (!allowed) return <AdminOnly what="Settings" />;
  const onSaved = (user: UserItem) =>
    setUsers((list) => {
      const rest = (list ?? []).filter((u) => u.id !== user.id);
      return [...rest, user].sort((a, b) => a.email.localeCompare(b.email));
    });
  return (
    <div className="admin-page">
      <header className="admin-head">
        <h2>Settings</h2>
        <p className="muted">Who may sign in, their role on each org, and API tokens.</p>
      </header>
      <section className="admin-card" aria-labelledby="users-title">
        <h3 id="users-title">Users</h3>
        {error && <p className="form-error">{error}</p>}
        {users ? <UsersTable users={users} onSaved={onSaved} /> : <div className="spinner" />}
      </section>
      <AddUserForm onAdded={onSaved} />
      <TokensSection />
    </div>
  );
}
