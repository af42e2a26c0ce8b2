import type { Op, Org } from '@reorg/model';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { getOrg, listRevisions, type RevisionItem, restoreRevision } from '../../lib/api/client';
import { type ChangeNamer, describeChange, namerOf } from '../../lib/live/describe-change';
import { useReview } from '../../stores/review-store';
import { notify, useSession } from '../../stores/session-store';
import { openScenario } from '../../stores/session-sync';
import './history.css';
import { useReadOnlyReason } from '../../stores/use-permissions';

/** One op of a saved revision as a sentence with names, never ids: "Removed Ana Ruiz". */
export function describeOp(op: Op, n: ChangeNamer): string {
  const text = describeChange(op, n);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** How many comments were written at a revision (on it, or on the scenario while it was current). */
function RevisionComments({ revision }: { revision: number }) {
  const count = useReview((s) => s.comments.filter((c) => c.revision === revision).length);
  if (count === 0) return null;
  return (
    <span className="chip" title="Comments written at this revision (see Review)">
      {count} comment{count === 1 ? '' : 's'}
    </span>
  );
}

/**
 * The saved revisions of the scenario, newest first, with their ops and authors. Restoring one
 * saves a new revision with its state: nothing is overwritten or lost.
 */
export function HistoryView() {
  const scenarioId = useSession((s) => s.scenarioId);
  const revision = useSession((s) => s.revision);
  const pending = useSession((s) => s.pending.length);
  const org = useSession((s) => s.org);
  const orgId = useSession((s) => s.orgId);
  // People a revision removed are named from the baseline (the scenario no longer has them).
  const [baseline, setBaseline] = useState<Org | null>(null);
  useEffect(() => {
    if (orgId) void getOrg(orgId).then(setBaseline, () => setBaseline(null));
  }, [orgId]);
  const namer = useMemo(() => namerOf(org, baseline), [org, baseline]);
  const [revisions, setRevisions] = useState<RevisionItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const readOnly = useReadOnlyReason();
  const load = useCallback(async () => {
    if (!scenarioId) return;
    try {
      setRevisions(await listRevisions(scenarioId));
    } catch (e) {
      setError((e as Error).message);
    }
  }, [scenarioId]);
  useEffect(() => {
    if (revision > 0) void load();
  }, [load, revision]);
  const restore = async (target: number) => {
    if (!scenarioId) return;
    try {
      const next = await restoreRevision(scenarioId, target, revision);
      notify('info', `Restored revision ${target} as revision ${next}.`);
      await openScenario(scenarioId);
    } catch (e) {
      notify('error', `Could not restore: ${(e as Error).message}`);
    }
  };
  if (error) return <div className="empty">{error}</div>;
  return (
    <div className="history-view">
      <h2>Revisions</h2>
      <p className="muted">
        Every save is a revision. Restoring an old one saves its state as a new revision.
      </p>
      <ol className="revisions" reversed>
        {[...(revisions ?? [])].reverse().map((r) => (
          <li key={r.revision} className="revision">
            <div className="revision-head">
              <strong>Revision {r.revision}</strong>
              <span className="muted">
                {r.author} · {new Date(r.createdAt).toLocaleString('en-GB')}
                {r.restoredFrom !== null ? ` · restored from ${r.restoredFrom}` : ''}
              </span>
              {r.revision !== revision && (
                <button
                  type="button"
                  className="btn btn-sm"
                  disabled={pending > 0 || readOnly !== null}
                  title={readOnly ?? (pending > 0 ? 'Save or undo your changes first' : undefined)}
                  onClick={() => void restore(r.revision)}
                >
                  Restore
                </button>
              )}
              {r.revision === revision && <span className="chip">Current</span>}
              <RevisionComments revision={r.revision} />
            </div>
            {r.ops.length > 0 ? (
              <ul className="revision-ops">
                {r.ops.slice(0, 8).map((op, k) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: ops of a saved revision never reorder
                  <li key={k}>{describeOp(op, namer)}</li>
                ))}
                {r.ops.length > 8 && <li className="muted">and {r.ops.length - 8} more</li>}
              </ul>
            ) : (
              <p className="muted revision-empty">
                {r.restoredFrom !== null ? 'State of an earlier revision.' : 'The baseline, unchanged.'}
              </p>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}
