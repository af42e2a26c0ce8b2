import { useEffect, useState } from 'react';
import { getRebasePreview, type RebasePreview, rebaseScenario } from '../../lib/api/review';
import { refreshListing, useReview } from '../../stores/review-store';
import { useSession } from '../../stores/session-store';
import { useCanEditOrg } from '../../stores/use-permissions';

/**
 * Shown when the open scenario was made on an older baseline (another scenario was adopted since):
 * which of its ops still apply on the new baseline and which conflict (by op number, with the
 * reason), and "Rebase into a new scenario" (the scenario itself stays on its baseline).
 */
export function RebaseSection({ onOpen }: { onOpen: (scenarioId: string) => void }) {
  const scenarioId = useReview((s) => s.scenarioId);
  const state = useReview((s) => s.review?.state);
  const orgId = useSession((s) => s.orgId);
  const canCreate = useCanEditOrg(orgId);
  const [preview, setPreview] = useState<RebasePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!scenarioId || state === 'adopted') return;
    getRebasePreview(scenarioId).then(setPreview, () => setPreview(null));
  }, [scenarioId, state]);
  if (!scenarioId || !preview || preview.upToDate || state === 'adopted') return null;
  const rebase = async () => {
    setBusy(true);
    setError(null);
    try {
      const made = await rebaseScenario(scenarioId);
      await refreshListing();
      onOpen(made.scenario.id);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="review-section rebase-section" aria-labelledby="rebase-title">
      <h3 id="rebase-title">A newer baseline</h3>
      <p>
        This scenario was made on baseline {preview.from}; the org is now at baseline {preview.to}. On it,{' '}
        {preview.kept} of its ops still apply
        {preview.conflicts.length > 0 ? ` and ${preview.conflicts.length} conflict:` : ', with no conflict.'}
      </p>
      {preview.conflicts.length > 0 && (
        <ul className="conflict-list">
          {preview.conflicts.map((c) => (
            <li key={c.opIndex}>
              <strong>
                Op {c.opIndex + 1} ({c.op.type})
              </strong>
              : {c.message}
            </li>
          ))}
        </ul>
      )}
      {error && <p className="form-error">{error}</p>}
      {canCreate && (
        <button type="button" className="btn btn-sm" disabled={busy} onClick={() => void rebase()}>
          {busy ? 'Rebasing…' : 'Rebase into a new scenario'}
        </button>
      )}
    </section>
  );
}
