import { useEffect, useState } from 'react';
import { type ScenarioShare, shareScenario } from '../../lib/api/identity';
import { loadScenarios } from '../../stores/catalog-store';
import { useSession } from '../../stores/session-store';
import './share.css';

const ACCESS_TEXT: Record<ScenarioShare['access'], string> = {
  view: 'Can view',
  comment: 'Can comment',
  edit: 'Can edit',
};

/** The form of the share dialog: with the org or one e-mail, and the access given. */
function ShareForm({ scenarioId, onShared }: { scenarioId: string; onShared: (s: ScenarioShare[]) => void }) {
  const [target, setTarget] = useState<'org' | 'email'>('org');
  const [email, setEmail] = useState('');
  const [access, setAccess] = useState<ScenarioShare['access']>('view');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const answer = await shareScenario(scenarioId, {
        with: target === 'org' ? 'org' : email.trim(),
        access,
      });
      onShared(answer.shares);
      setEmail('');
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      className="share-form"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <fieldset className="share-target">
        <legend className="field-label">Share with</legend>
        <label>
          <input
            type="radio"
            name="share-target"
            checked={target === 'org'}
            onChange={() => setTarget('org')}
          />
          Everyone who can see this org
        </label>
        <label>
          <input
            type="radio"
            name="share-target"
            checked={target === 'email'}
            onChange={() => setTarget('email')}
          />
          One person
        </label>
        {target === 'email' && (
          <input
            className="input"
            type="email"
            required
            placeholder="name@company.com"
            aria-label="E-mail of the person"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        )}
      </fieldset>
      <div className="field">
        <label htmlFor="share-access">Access</label>
        <select
          id="share-access"
          className="select"
          value={access}
          onChange={(e) => setAccess(e.target.value as ScenarioShare['access'])}
        >
          {Object.entries(ACCESS_TEXT).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
      </div>
      {error && <p className="form-error">{error}</p>}
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {busy ? 'Sharing…' : 'Share'}
      </button>
    </form>
  );
}

/** Who the scenario is shared with now (after a share). */
function ShareList({ shares }: { shares: ScenarioShare[] }) {
  if (shares.length === 0) return null;
  return (
    <ul className="share-list" aria-label="Shared with">
      {shares.map((s) => (
        <li key={s.with}>
          <span>{s.with === 'org' ? 'Everyone in the org' : s.with}</span>
          <span className="chip">{ACCESS_TEXT[s.access]}</span>
        </li>
      ))}
    </ul>
  );
}

/**
 * "Share" on a scenario (owner, admin, hr): shares it with the org or one e-mail, with view,
 * comment or edit access (`POST /api/scenarios/:id/share`). A scenario starts private to its author.
 */
export function ShareButton() {
  const scenarioId = useSession((s) => s.scenarioId);
  const orgId = useSession((s) => s.orgId);
  const visibility = useSession((s) => s.visibility);
  const [open, setOpen] = useState(false);
  const [shares, setShares] = useState<ScenarioShare[]>([]);
  useEffect(() => {
    if (!open) return;
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    document.addEventListener('keydown', esc);
    return () => document.removeEventListener('keydown', esc);
  }, [open]);
  if (!scenarioId) return null;
  const onShared = (next: ScenarioShare[]) => {
    setShares(next);
    if (next.some((s) => s.with === 'org')) useSession.setState({ visibility: 'org' });
    if (orgId) void loadScenarios(orgId);
  };
  return (
    <>
      <button type="button" className="btn btn-sm" onClick={() => setOpen(true)}>
        Share
      </button>
      {open && (
        <div className="modal-backdrop">
          <div className="modal share-dialog" role="dialog" aria-modal="true" aria-labelledby="share-title">
            <div className="modal-head">
              <h2 id="share-title">Share this scenario</h2>
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setOpen(false)}>
                Close
              </button>
            </div>
            <p className="muted">
              {visibility === 'org'
                ? 'Everyone who can see this org can open it.'
                : 'Private: only you and the people you share it with can open it.'}{' '}
              Compensation stays hidden from anyone who may not see it.
            </p>
            <ShareForm scenarioId={scenarioId} onShared={onShared} />
            <ShareList shares={shares} />
          </div>
        </div>
      )}
    </>
  );
}
