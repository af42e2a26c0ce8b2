import { useCallback, useEffect, useState } from 'react';
import { CopyField } from '../../components/copy-button';
import { createToken, listTokens, revokeToken, type TokenItem } from '../../lib/api/identity';

const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '—');

/** The form that makes a token: a name, and optionally whose it is; shows the secret once. */
function CreateTokenForm({ onCreated }: { onCreated: () => void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setError(null);
    try {
      const answer = await createToken(name.trim(), email.trim() || undefined);
      setSecret(answer.token);
      setName('');
      setEmail('');
      onCreated();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <>
      <form
        className="admin-form admin-form-row"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor="token-name">Token name</label>
          <input
            id="token-name"
            className="input"
            required
            placeholder="e.g. nightly HRIS sync"
            value={name}
            onChange={(e) => setName(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="token-email">For (e-mail, optional)</label>
          <input
            id="token-email"
            className="input"
            type="email"
            placeholder="yourself"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <button type="submit" className="btn btn-primary">
          Create token
        </button>
      </form>
      {error && <p className="form-error">{error}</p>}
      {secret && (
        <div className="admin-secret" role="status">
          <p>
            <strong>Copy this token now.</strong> It is shown only once; use it as{' '}
            <code>Authorization: Bearer …</code>.
          </p>
          <CopyField value={secret} label="New API token" />
        </div>
      )}
    </>
  );
}

/** API tokens: everyone's (admin), with create (secret shown once) and revoke. */
export function TokensSection() {
  const [tokens, setTokens] = useState<TokenItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    listTokens()
      .then(setTokens)
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);
  const revoke = async (t: TokenItem) => {
    try {
      await revokeToken(t.id);
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="admin-card" aria-labelledby="tokens-title">
      <h3 id="tokens-title">API tokens</h3>
      <p className="muted">
        For scripts and the command line. Tokens are stored hashed; revoking one is immediate.
      </p>
      <CreateTokenForm onCreated={load} />
      {error && <p className="form-error">{error}</p>}
      <table className="admin-table" aria-label="API tokens">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">User</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens?.map((t) => (
            <tr key={t.id} className={t.revokedAt ? 'is-revoked' : ''}>
              <td>{t.name}</td>
              <td>{t.email}</td>
              <td className="muted">{day(t.createdAt)}</td>
              <td className="muted">{day(t.lastUsedAt)}</td>
              <td>
                <div className="admin-actions">
                  {t.revokedAt ? (
                    <span className="chip">Revoked {day(t.revokedAt)}</span>
                  ) : (
                    <button type="button" className="btn btn-sm btn-danger" onClick={() => void revoke(t)}>
                      Revoke
                    </button>
                  )}
                </div>
              </td>
            </tr>
          ))}
          {tokens?.length === 0 && (
            <tr>
              <td colSpan={5} className="muted">
                No tokens yet.
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </section>
  );
}
