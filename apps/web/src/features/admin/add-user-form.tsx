import { useState } from 'react';
import { CopyField } from '../../components/copy-button';
import { addUser, type Role, type UserItem } from '../../lib/api/identity';
import { RoleFields } from './role-fields';

/** Adds a user with one role; shows the one-time sign-in link (24 h) to hand them, with Copy. */
export function AddUserForm({ onAdded }: { onAdded: (user: UserItem) => void }) {
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('viewer');
  const [orgId, setOrgId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [link, setLink] = useState<{ email: string; url: string } | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await addUser({
        email: email.trim(),
        ...(name.trim() ? { name: name.trim() } : {}),
        role,
        orgId: role === 'admin' ? null : orgId,
      });
      setLink({ email: answer.user.email, url: answer.signInLink });
      setEmail('');
      setName('');
      onAdded(answer.user);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="admin-card">
      <h3>Add a user</h3>
      <form
        className="admin-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor="add-user-email">E-mail</label>
          <input
            id="add-user-email"
            className="input"
            type="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="add-user-name">Name (optional)</label>
          <input
            id="add-user-name"
            className="input"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <RoleFields
          idPrefix="add-user"
          role={role}
          orgId={orgId}
          onChange={(r, o) => {
            setRole(r);
            setOrgId(o);
          }}
        />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? 'Adding…' : 'Add user'}
        </button>
      </form>
      {error && <p className="form-error">{error}</p>}
      {link && (
        <div className="admin-secret" role="status">
          <p>
            Send <strong>{link.email}</strong> this sign-in link. It works once, for 24 hours.
          </p>
          <CopyField value={link.url} label={`Sign-in link for ${link.email}`} />
        </div>
      )}
    </div>
  );
}
