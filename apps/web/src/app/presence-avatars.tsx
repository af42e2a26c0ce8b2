import { initialsOf, type PresentUser, usePresence } from '../stores/presence-store';
import { useSession } from '../stores/session-store';

/** Most avatars shown; the rest are counted. */
const MAX_AVATARS = 4;

/** "Ana has Checkout selected": what someone looks at, in words, for the avatar's tooltip. */
function lookingAt(u: PresentUser, names: { person(id: string): string; team(id: string): string }): string {
  if (!u.selected) return `${u.name} has this scenario open`;
  const what =
    u.selected.kind === 'person' ? names.person(u.selected.id) : `team ${names.team(u.selected.id)}`;
  return `${u.name} has ${what} selected`;
}

/**
 * Who else has the scenario open (from the live feed): one avatar per user in their color, with
 * what they have selected in the tooltip; a dot says whether the live feed is connected.
 */
export function PresenceAvatars() {
  const others = usePresence((s) => s.others);
  const live = usePresence((s) => s.live);
  const index = useSession((s) => s.index);
  if (live === 'off') return null;
  const names = {
    person: (id: string) => index?.byId.get(id)?.name ?? id,
    team: (id: string) => index?.teamsById.get(id)?.name ?? id,
  };
  const users = [...new Map(others.map((u) => [u.email, u])).values()];
  const label =
    users.length === 0
      ? 'Only you have this scenario open'
      : `Also here: ${users.map((u) => u.name).join(', ')}`;
  return (
    <ul className="presence" aria-label={label} data-testid="presence">
      <li
        className={`live-dot live-${live}`}
        title={live === 'live' ? 'Live: changes by others appear at once' : 'Reconnecting to live changes…'}
      />
      {users.slice(0, MAX_AVATARS).map((u) => (
        <li
          key={u.email}
          className="presence-avatar"
          style={{ background: u.color }}
          title={lookingAt(u, names)}
          data-email={u.email}
        >
          {initialsOf(u.name)}
        </li>
      ))}
      {users.length > MAX_AVATARS && (
        <li className="presence-avatar presence-more" title={label}>
          +{users.length - MAX_AVATARS}
        </li>
      )}
    </ul>
  );
}
