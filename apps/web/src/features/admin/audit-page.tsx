import { useCallback, useEffect, useState } from 'react';
import { type AuditEvent, listAudit } from '../../lib/api/identity';
import { canViewAudit } from '../../lib/auth/permissions';
import { useMe } from '../../stores/me-store';
import { AdminOnly } from './settings-page';
import './admin.css';

const PAGE = 100;

/** An event's time, in the reader's locale, to the second. */
function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString('en-GB');
}

/** `/audit` (admin): who did what, when, on which org and from where; newest first, 100 at a time. */
export function AuditPage() {
  const allowed = useMe((s) => canViewAudit(s.identity));
  const [events, setEvents] = useState<AuditEvent[]>([]);
  const [next, setNext] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async (before: number | null) => {
    setBusy(true);
    try {
      const page = await listAudit(before, PAGE);
      setEvents((list) => (before ? [...list, ...page.events] : page.events));
      setNext(page.next);
      setLoaded(true);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  }, []);
  useEffect(() => {
    if (allowed) void load(null);
  }, [allowed, load]);
  if (!allowed) return <AdminOnly what="The audit trail" />;
  return (
    <div className="admin-page">
      <header className="admin-head">
        <h2>Audit trail</h2>
        <p className="muted">
          Every change, role and token, and every view of compensation outside HR. Nothing here can be edited
          or deleted.
        </p>
      </header>
      <section className="admin-card">
        {error && <p className="form-error">{error}</p>}
        <table className="admin-table audit-table" aria-label="Audit events, newest first">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">Action</th>
              <th scope="col">Subject</th>
              <th scope="col">Org</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e) => (
              <tr key={e.id} data-action={e.action} data-at={e.at}>
                <td className="nowrap">{when(e.at)}</td>
                <td>{e.actor}</td>
                <td>
                  <code>{e.action}</code>
                </td>
                <td>{e.subject ?? '—'}</td>
                <td>{e.orgId ?? '—'}</td>
                <td className="muted">{e.ip ?? '—'}</td>
              </tr>
            ))}
            {loaded && events.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  Nothing recorded yet.
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {next !== null && (
          <button type="button" className="btn audit-more" disabled={busy} onClick={() => void load(next)}>
            {busy ? 'Loading…' : 'Load more'}
          </button>
        )}
      </section>
    </div>
  );
}
