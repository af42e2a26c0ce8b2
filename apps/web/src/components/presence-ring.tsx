import type { PresentUser } from '../stores/presence-store';
import { initialsOf } from '../stores/presence-store';

/**
 * The ring and name tags of the others who have selected a card: drawn over the card's border in
 * the first one's color, with their initials (and a tooltip with every name).
 */
export function PresenceRing({ users }: { users: PresentUser[] }) {
  if (users.length === 0) return null;
  const names = users.map((u) => u.name).join(', ');
  return (
    <span
      className="presence-ring"
      style={{ borderColor: users[0]?.color }}
      title={`Selected by ${names}`}
      data-testid="presence-ring"
      aria-hidden="true"
    >
      <span className="presence-tags">
        {users.slice(0, 3).map((u) => (
          <span key={u.email} className="presence-tag" style={{ background: u.color }}>
            {initialsOf(u.name)}
          </span>
        ))}
      </span>
    </span>
  );
}
