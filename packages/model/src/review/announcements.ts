import type { ChangeRow } from './change-list';

/**
 * "What changes for your team": one summary per manager touched by a change list, for the
 * announcement a manager sends (or receives) on the effective date. Pure.
 */
export interface ManagerAnnouncement {
  managerId: string;
  managerName: string | null;
  /** People who report to this manager after the change and did not before. */
  joining: { personId: string; name: string | null; from: string | null }[];
  /** People who reported to this manager before and no longer do. */
  leaving: { personId: string; name: string | null; to: string | null }[];
  /** The manager's reports who stay, with other changes (team, level, title, status). */
  changing: { personId: string; name: string | null; changes: string[] }[];
  /** One sentence for the announcement, e.g. "2 join your team (Ana, Kofi); 1 leaves (Lee)." */
  summary: string;
}

/**
 * The per-manager summaries of `rows`, managers sorted by name then id. A manager gets a summary
 * when someone joins, leaves or changes under them; hires join, removals leave. The sentence
 * names people by name (their id when they have none).
 */
export function getManagerAnnouncements(rows: readonly ChangeRow[]): ManagerAnnouncement[] {
  const byManager = new Map<string, ManagerAnnouncement>();
  const get = (id: string, name: string | null) => {
    let a = byManager.get(id);
    if (!a) {
      a = { managerId: id, managerName: name, joining: [], leaving: [], changing: [], summary: '' };
      byManager.set(id, a);
    }
    if (a.managerName === null && name !== null) a.managerName = name;
    return a;
  };
  for (const r of rows) {
    const from = r.before?.managerId ?? null;
    const to = r.after?.managerId ?? null;
    if (from !== to) {
      if (to !== null)
        get(to, r.after?.managerName ?? null).joining.push({
          personId: r.personId,
          name: r.name,
          from: r.before?.managerName ?? from,
        });
      if (from !== null)
        get(from, r.before?.managerName ?? null).leaving.push({
          personId: r.personId,
          name: r.name,
          to: r.after?.managerName ?? to,
        });
    } else if (to !== null) {
      const changes = r.changed.map((f) => describe(r, f));
      get(to, r.after?.managerName ?? null).changing.push({ personId: r.personId, name: r.name, changes });
    }
  }
  const out = [...byManager.values()];
  for (const a of out) a.summary = sentence(a);
  return out.sort(
    (x, y) =>
      (x.managerName ?? x.managerId).localeCompare(y.managerName ?? y.managerId) ||
      x.managerId.localeCompare(y.managerId),
  );
}

function describe(r: ChangeRow, field: string): string {
  const b = r.before;
  const a = r.after;
  if (field === 'team')
    return `team ${b?.teamName ?? b?.teamId ?? 'none'} → ${a?.teamName ?? a?.teamId ?? 'none'}`;
  if (field === 'level') return `level ${b?.level ?? 'none'} → ${a?.level ?? 'none'}`;
  if (field === 'title') return `title ${b?.title ?? 'none'} → ${a?.title ?? 'none'}`;
  if (field === 'status') return `status ${b?.status ?? 'none'} → ${a?.status ?? 'none'}`;
  return field;
}

function names(list: readonly { personId: string; name: string | null }[]): string {
  return list.map((p) => p.name ?? p.personId).join(', ');
}

function sentence(a: ManagerAnnouncement): string {
  const parts: string[] = [];
  if (a.joining.length > 0)
    parts.push(
      `${a.joining.length} join${a.joining.length === 1 ? 's' : ''} your team (${names(a.joining)})`,
    );
  if (a.leaving.length > 0)
    parts.push(`${a.leaving.length} leave${a.leaving.length === 1 ? 's' : ''} (${names(a.leaving)})`);
  if (a.changing.length > 0)
    parts.push(
      `${a.changing.length} change${a.changing.length === 1 ? 's' : ''} in place (${names(a.changing)})`,
    );
  return `${parts.join('; ')}.`;
}
