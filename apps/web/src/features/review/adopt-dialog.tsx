import { useEffect, useState } from 'react';
import {
  type Adoption,
  adoptScenario,
  type ChangeList,
  changeListUrl,
  getChangeList,
} from '../../lib/api/review';
import { loadReview, refreshListing, useReview } from '../../stores/review-store';

const FIELD_TEXT: Record<string, string> = {
  manager: 'manager',
  team: 'team',
  level: 'level',
  title: 'title',
  status: 'status',
};

function before(r: ChangeList['rows'][number]): string {
  if (r.kind === 'hire') return 'new position';
  return [r.before?.managerName ?? r.before?.managerId, r.before?.teamName ?? r.before?.teamId]
    .filter(Boolean)
    .join(' · ');
}

function after(r: ChangeList['rows'][number]): string {
  if (r.kind === 'removal') return 'leaves the org';
  const parts = [r.after?.managerName ?? r.after?.managerId, r.after?.teamName ?? r.after?.teamId];
  if (r.changed.includes('level')) parts.push(`level ${r.after?.level ?? '—'}`);
  if (r.changed.includes('title')) parts.push(r.after?.title ?? '—');
  if (r.changed.includes('status')) parts.push(r.after?.status ?? '—');
  return parts.filter(Boolean).join(' · ');
}

function Downloads({ scenarioId, date }: { scenarioId: string; date: string }) {
  return (
    <div className="adopt-downloads">
      <span className="field-label">Change list for the HRIS</span>
      <a className="btn btn-sm" href={changeListUrl(scenarioId, 'csv', 'workday', date)} download>
        Workday CSV
      </a>
      <a className="btn btn-sm" href={changeListUrl(scenarioId, 'xlsx', 'workday', date)} download>
        Workday xlsx
      </a>
      <a className="btn btn-sm" href={changeListUrl(scenarioId, 'csv', 'bamboohr', date)} download>
        BambooHR CSV
      </a>
    </div>
  );
}

/**
 * Adopting an approved scenario: the effective date, the change list it produces (one row per
 * person whose manager, team, level, title or status changes), what changes for each manager,
 * the files for the HRIS, then "Adopt". After it: the new baseline and the scenarios to rebase.
 */
export function AdoptDialog({ onClose }: { onClose: () => void }) {
  const scenarioId = useReview((s) => s.scenarioId);
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [list, setList] = useState<ChangeList | null>(null);
  const [done, setDone] = useState<Adoption | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!scenarioId || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return;
    getChangeList(scenarioId, date).then(setList, (e: Error) => setError(e.message));
  }, [scenarioId, date]);
  useEffect(() => {
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    document.addEventListener('keydown', esc);
    return () => document.removeEventListener('keydown', esc);
  }, [onClose]);
  if (!scenarioId) return null;
  const adopt = async () => {
    setBusy(true);
    setError(null);
    try {
      setDone(await adoptScenario(scenarioId, date));
      await loadReview(scenarioId);
      await refreshListing();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="modal-backdrop">
      <div className="modal adopt-dialog" role="dialog" aria-modal="true" aria-labelledby="adopt-title">
        <div className="modal-head">
          <h2 id="adopt-title">{done ? 'Adopted' : 'Adopt as the new baseline'}</h2>
          <button type="button" className="btn btn-ghost btn-sm" onClick={onClose}>
            Close
          </button>
        </div>
        {done ? (
          <p data-testid="adopted">
            Baseline {done.baselineRevision} of the org is this scenario, effective {done.effectiveDate}; the
            old baseline is kept. {done.changes} {done.changes === 1 ? 'person changes' : 'people change'}.
            {done.rebase.length > 0 &&
              ` ${done.rebase.length} other scenario${done.rebase.length === 1 ? '' : 's'} on the old baseline can be rebased: ${done.rebase.map((r) => r.name).join(', ')}.`}
          </p>
        ) : (
          <p className="muted">
            The scenario becomes the org's baseline from the effective date. The current baseline is kept, and
            other scenarios made on it are offered a rebase.
          </p>
        )}
        <div className="field adopt-date">
          <label htmlFor="effective-date">Effective date</label>
          <input
            id="effective-date"
            className="input"
            type="date"
            value={date}
            disabled={done !== null}
            onChange={(e) => setDate(e.target.value)}
          />
        </div>
        {list && (
          <>
            <h3 className="adopt-h">
              Change list{' '}
              <span className="muted">
                ({list.rows.length} {list.rows.length === 1 ? 'person' : 'people'})
              </span>
            </h3>
            <div className="adopt-table-wrap">
              <table className="adopt-table">
                <thead>
                  <tr>
                    <th scope="col">Person</th>
                    <th scope="col">Changes</th>
                    <th scope="col">From</th>
                    <th scope="col">To</th>
                  </tr>
                </thead>
                <tbody>
                  {list.rows.map((r) => (
                    <tr key={r.personId}>
                      <td>{r.name ?? r.personId}</td>
                      <td>
                        {r.kind === 'change' ? r.changed.map((f) => FIELD_TEXT[f] ?? f).join(', ') : r.kind}
                      </td>
                      <td>{before(r)}</td>
                      <td>{after(r)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {list.announcements.length > 0 && (
              <>
                <h3 className="adopt-h">What changes for each manager's team</h3>
                <ul className="announcements">
                  {list.announcements.map((a) => (
                    <li key={a.managerId}>
                      <strong>{a.managerName ?? a.managerId}</strong>: {a.summary}
                    </li>
                  ))}
                </ul>
              </>
            )}
            <Downloads scenarioId={scenarioId} date={date} />
          </>
        )}
        {error && <p className="form-error">{error}</p>}
        {!done && (
          <div className="review-actions adopt-actions">
            <button
              type="button"
              className="btn btn-primary"
              disabled={busy || !list}
              onClick={() => void adopt()}
            >
              {busy ? 'Adopting…' : 'Adopt'}
            </button>
          </div>
        )}
      </div>
    </div>
  );
}
