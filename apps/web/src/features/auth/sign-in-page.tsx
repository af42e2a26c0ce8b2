import { useEffect, useState } from 'react';
import { ApiError } from '../../lib/api/client';
import { hasSingleSignOn, signIn, startSingleSignOn } from '../../lib/api/identity';
import { getSafeNext } from '../../lib/auth/sign-in-url';
import { setViewAs } from '../../lib/auth/view-as';
import { AuthCard } from './auth-card';

/** What the contract's `?error=` values say. */
const LINK_ERRORS: Record<string, string> = {
  expired: 'This sign-in link has expired or was already used. Ask an admin for a new one.',
};

/** The words for a failed sign-in: never which half (e-mail or password) was wrong. */
export function signInErrorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401 || error.status === 400 || error.status === 403)
      return 'That e-mail and password do not match an account. Check both and try again.';
    if (error.status === 429) return 'Too many attempts. Wait a minute, then try again.';
    if (error.status === 0) return 'Cannot reach the server. Check your connection and try again.';
  }
  return 'Signing in did not work just now. Try again in a moment.';
}

/**
 * `/signin`: e-mail and password. After signing in the browser loads `next` (a path on this site)
 * or the start page afresh, so every store starts over as the signed-in user.
 */
export function SignInPage() {
  const params = new URLSearchParams(location.search);
  const linkError = LINK_ERRORS[params.get('error') ?? ''] ?? null;
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sso, setSso] = useState(false);
  useEffect(() => {
    void hasSingleSignOn().then(setSso);
  }, []);
  const signOn = async () => {
    setBusy(true);
    setError(null);
    try {
      location.assign(await startSingleSignOn(getSafeNext(location.search)));
    } catch (e) {
      setError(signInErrorText(e));
      setBusy(false);
    }
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      await signIn(email.trim(), password);
      setViewAs(null);
      location.assign(getSafeNext(location.search));
    } catch (e) {
      setError(signInErrorText(e));
      setBusy(false);
    }
  };
  return (
    <AuthCard title="Sign in" subtitle="Use the e-mail and password your admin set up for you.">
      {linkError && (
        <p className="auth-notice" role="alert">
          {linkError}
        </p>
      )}
      <form
        className="auth-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor="signin-email">E-mail</label>
          <input
            id="signin-email"
            className="input"
            type="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="signin-password">Password</label>
          <input
            id="signin-password"
            className="input"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <p className="form-error auth-error" role="alert" aria-live="polite">
          {error ?? ''}
        </p>
        <button type="submit" className="btn btn-primary btn-block auth-submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      {sso && (
        <button
          type="button"
          className="btn btn-block auth-sso"
          disabled={busy}
          onClick={() => void signOn()}
        >
          Sign in with single sign-on
        </button>
      )}
      <p className="auth-help muted">Forgot your password? Ask an admin for a reset link.</p>
    </AuthCard>
  );
}
