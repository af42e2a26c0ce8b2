import { useState } from 'react';
import { CopyField } from '../../components/copy-button';
import {
  makeResetLink,
  type Role,
  type RoleGrant,
  setUserRoles,
  type UserItem,
} from '../../lib/api/identity';
import { RoleFields } from './role-fields';

const grantText = (g: RoleGrant) => `${g.role}${g.orgId ? ` · ${g.orgId}` : ' · every org'}`;

/** A user's roles, each removable, and one more to add; saved as the full list (`PUT …/roles`). */
function RolesEditor({ user, onSaved }: { user: UserItem; onSaved: (user: UserItem) => void }) {
  const [role, setRole] = useState<Role>('viewer');
  const [orgId, setOrgId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const save = async (roles: RoleGrant[]) => {
    setError(null);
    try {
      onSaved(await setUserRoles(user.id, roles));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="roles-editor">
      <ul className="grant-list">
        {user.roles.map((g) => (
          <li key={`${g.role}:${g.orgId}`} className={`chip role-chip role-${g.role}`}>
            {grantText(g)}
            <button
              type="button"
              className="chip-x"
              aria-label={`Remove ${grantText(g)} from ${user.email}`}
              onClick={() => void save(user.roles.filter((x) => x !== g))}
            >
              ×
            </button>
          </li>
        ))}
        {user.roles.length === 0 && <li className="muted">No role: sees nothing</li>}
      </ul>
      <form
        className="grant-add"
        onSubmit={(e) => {
          e.preventDefault();
          void save([...user.roles, { role, orgId: role === 'admin' ? null : orgId }]);
        }}
      >
        <RoleFields
          idPrefix={`roles-${user.id}`}
          role={role}
          orgId={orgId}
          onChange={(r, o) => {
            setRole(r);
            setOrgId(o);
          }}
        />
        <button type="submit" className="btn btn-sm">
          Add role
        </button>
      </form>
      {error && <p className="form-error">{error}</p>}
    </div>
  );
}

/** One user's row: e-mail and name, roles, and the reset link an admin hands over. */
function UserRow({ user, onSaved }: { user: UserItem; onSaved: (user: UserItem) => void }) {
  const [editing, setEditing] = useState(false);
  const [link, setLink] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const reset = async () => {
    setError(null);
    try {
      setLink(await makeResetLink(user.id));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <tr data-user={user.email}>
      <td>
        <div className="user-email">{user.email}</div>
        {user.name && user.name !== user.email && <div className="muted">{user.name}</div>}
      </td>
      <td>
        {editing ? (
          <RolesEditor user={user} onSaved={onSaved} />
        ) : (
          <ul className="grant-list">
            {user.roles.map((g) => (
              <li key={`${g.role}:${g.orgId}`} className={`chip role-chip role-${g.role}`}>
                {grantText(g)}
              </li>
            ))}
            {user.roles.length === 0 && <li className="muted">No role</li>}
          </ul>
        )}
      </td>
      <td className="muted">{user.createdAt.slice(0, 10)}</td>
      <td>
        <div className="admin-actions">
          <button type="button" className="btn btn-sm" onClick={() => setEditing(!editing)}>
            {editing ? 'Done' : 'Change role'}
          </button>
          <button type="button" className="btn btn-sm" onClick={() => void reset()}>
            Reset link
          </button>
          {link && <CopyField value={link} label={`Password reset link for ${user.email}`} />}
          {error && <p className="form-error">{error}</p>}
        </div>
      </td>
    </tr>
  );
}

/** The users table: e-mail, roles, added, and per-user actions. */
export function UsersTable({ users, onSaved }: { users: UserItem[]; onSaved: (user: UserItem) => void }) {
  return (
    <table className="admin-table" aria-label="Users">
      <thead>
        <tr>
          <th scope="col">User</th>
          <th scope="col">Roles</th>
          <th scope="col">Added</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <UserRow key={u.id} user={u} onSaved={onSaved} />
        ))}
      </tbody>
    </table>
  );
}
