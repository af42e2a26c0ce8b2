import { useState } from 'react';
import { ApiError } from '../../lib/api/client';
import { resetPassword } from '../../lib/api/identity';
import { AuthCard } from './auth-card';

/** Shortest password the server accepts (the contract: min 8). */
export const MIN_PASSWORD_LENGTH = 8;

/** What is wrong with a new password and its confirmation, or null when they will do. */
export function checkNewPassword(password: string, confirm: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `Use at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password !== confirm) return 'The two passwords are not the same.';
  return null;
}

/** `/reset-password?token=…`: a new password (twice), then the sign-in page. */
export function ResetPasswordPage() {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!token) {
    return (
      <AuthCard title="Reset your password">
        <p className="auth-notice" role="alert">
          This page needs the link an admin gave you. Ask them for a new reset link.
        </p>
        <a className="btn btn-block" href="/signin">
          Back to sign in
        </a>
      </AuthCard>
    );
  }
  const submit = async () => {
    const problem = checkNewPassword(password, confirm);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      await resetPassword(token, password);
      location.assign('/signin');
    } catch (e) {
      const expired = e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 429;
      setError(
        expired
          ? 'This reset link has expired or was already used. Ask an admin for a new one.'
          : (e as Error).message,
      );
      setBusy(false);
    }
  };
  return (
    <AuthCard title="Choose a new password" subtitle={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
      <form
        className="auth-form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="field">
          <label htmlFor="reset-password">New password</label>
          <input
            id="reset-password"
            className="input"
            type="password"
            autoComplete="new-password"
            minLength={MIN_PASSWORD_LENGTH}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="reset-confirm">Confirm the new password</label>
          <input
            id="reset-confirm"
            className="input"
            type="password"
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(e) => setConfirm(e.target.value)}
          />
        </div>
        <p className="form-error auth-error" role="alert" aria-live="polite">
          {error ?? ''}
        </p>
        <button type="submit" className="btn btn-primary btn-block auth-submit" disabled={busy}>
          {busy ? 'Saving…' : 'Set password'}
        </button>
      </form>
    </AuthCard>
  );
}
