import { getDisplayName } from '../../lib/org/display-name';
import { describeFocus } from '../../lib/org/focus';
import { useSession } from '../../stores/session-store';

/**
 * The strip above a "find me" chart: whose place it shows, their chain of command (each a link
 * that re-focuses), how many peers and reports, and buttons to copy the link or leave the focus.
 */
export function FocusBar({
  personId,
  onFocus,
  onClose,
}: {
  personId: string;
  onFocus: (id: string) => void;
  onClose: () => void;
}) {
  const index = useSession((s) => s.index);
  if (!index) return null;
  const person = index.byId.get(personId);
  if (!person) {
    return (
      <div className="focus-bar" role="status">
        No one with id “{personId}” is in this scenario.
        <div className="actions">
          <button type="button" className="btn btn-sm" onClick={onClose}>
            Show the whole org
          </button>
        </div>
      </div>
    );
  }
  const { chain, peers, reports } = describeFocus(index, personId);
  const nameOf = (id: string) => getDisplayName(index.byId.get(id)) || id;
  const copy = () => void navigator.clipboard?.writeText(location.href);
  return (
    <section className="focus-bar" aria-label={`Where ${nameOf(personId)} sits`}>
      <div className="chain">
        {chain.map((id) => (
          <span key={id}>
            <button type="button" onClick={() => onFocus(id)}>
              {nameOf(id)}
            </button>{' '}
            ›
          </span>
        ))}
        <strong>{nameOf(personId)}</strong>
        <span>
          · {peers.length} peer{peers.length === 1 ? '' : 's'} · {reports.length} report
          {reports.length === 1 ? '' : 's'}
        </span>
      </div>
      <div className="actions">
        <button type="button" className="btn btn-sm" onClick={copy}>
          Copy link
        </button>
        <button type="button" className="btn btn-sm" onClick={onClose}>
          Show the whole org
        </button>
      </div>
    </section>
  );
}
