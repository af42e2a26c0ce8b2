import type { ManagerImpact, OrgDiff } from '@reorg/model';

/** Options of {@link formatDiffTable}. */
export interface FormatDiffOptions {
  /** Lines per section before "… and N more" (default 25). */
  limit?: number;
  /** Use ANSI bold for headings (default false). */
  color?: boolean;
}

const num = (n: number, digits = 0) =>
  n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
const signed = (n: number) => (n > 0 ? `+${num(n)}` : n < 0 ? `−${num(-n)}` : '±0');

function pad(s: string, width: number): string {
  return s.length >= width ? `${s} ` : s + ' '.repeat(width - s.length);
}

/** Names of every person the diff mentions, by id (for the ids in the per-manager lists). */
function personNames(d: OrgDiff): Map<string, string> {
  const names = new Map<string, string>();
  const add = (id: string | null, name: string | undefined) => {
    if (id !== null && name !== undefined && !names.has(id)) names.set(id, name);
  };
  for (const p of [...d.people.added, ...d.people.removed]) add(p.id, p.name);
  for (const c of d.people.managerChanged) {
    add(c.id, c.name);
    add(c.from, c.fromName);
    add(c.to, c.toName);
  }
  for (const c of d.people.teamChanged) add(c.id, c.name);
  for (const m of d.byManager) add(m.managerId, m.name);
  return names;
}

/** A section: a heading with its count and up to `limit` lines, or nothing when empty. */
function section<T>(title: string, items: readonly T[], line: (x: T) => string, limit: number): string[] {
  if (items.length === 0) return [];
  const out = ['', `${title} (${num(items.length)})`, ...items.slice(0, limit).map((x) => `  ${line(x)}`)];
  if (items.length > limit) out.push(`  … and ${num(items.length - limit)} more (--format json lists all)`);
  return out;
}

function summaryLines(d: OrgDiff): string[] {
  const x = d.disruption;
  const t = d.totals;
  const share = `${num(x.share * 100, 1)}%`;
  const lines = [
    `People affected   ${num(x.affected)} of ${num(t.recordsBefore)} (${share}) change manager or team`,
    `Manager changes   ${num(x.managerChanged)}`,
    `Team changes      ${num(x.teamChanged)}`,
    `Teams             ${x.teamsCreated} created, ${x.teamsRemoved} removed, ${x.teamsMerged} merged away, ${x.teamsSplit} split`,
    `Headcount         ${num(t.recordsBefore)} → ${num(t.recordsAfter)} (${num(d.people.added.length)} added, ${num(d.people.removed.length)} removed)`,
  ];
  if (t.costBefore !== 0 || t.costAfter !== 0) {
    lines.push(
      `Annual cost       ${num(t.costBefore)} → ${num(t.costAfter)} ${t.currency} (${signed(t.costDelta)})`,
    );
  }
  return lines;
}

function teamLines(d: OrgDiff, limit: number): string[] {
  const t = d.teams;
  const mergedInto = new Map(t.merged.flatMap((m) => m.from.map((id) => [id, m.intoName] as const)));
  const splitFrom = new Map(t.split.flatMap((s) => s.into.map((id) => [id, s.fromName] as const)));
  const desc = (r: OrgDiff['teams']['added'][number]) => {
    const how = mergedInto.has(r.id)
      ? `, merged into ${mergedInto.get(r.id)}`
      : splitFrom.has(r.id)
        ? `, split from ${splitFrom.get(r.id)}`
        : '';
    return `${r.name} (${r.id}), ${r.type}, ${num(r.members)} member${r.members === 1 ? '' : 's'}${how}`;
  };
  const show = (v: unknown) =>
    v === null || v === undefined ? '—' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return [
    ...section('Teams merged', t.merged, (m) => `${m.fromNames.join(', ')} → into ${m.intoName}`, limit),
    ...section('Teams split', t.split, (s) => `${s.fromName} → ${s.intoNames.join(', ')} split off`, limit),
    ...section('Teams created', t.added, desc, limit),
    ...section('Teams removed', t.removed, desc, limit),
    ...section(
      'Teams changed',
      t.changed,
      (c) =>
        `${c.name} (${c.id}): ${c.fields.map((f) => `${f} ${show(c.from[f])} → ${show(c.to[f])}`).join('; ')}`,
      limit,
    ),
  ];
}

function managerLine(m: ManagerImpact, who: (id: string | null) => string): string {
  const parts: string[] = [];
  if (m.gained.length > 0) parts.push(`gains ${m.gained.map(who).join(', ')}`);
  if (m.lost.length > 0) parts.push(`loses ${m.lost.map(who).join(', ')}`);
  if (m.ownManagerChanged) {
    parts.push(`now reports to ${who(m.ownManagerChanged.to)} (was ${who(m.ownManagerChanged.from)})`);
  }
  for (const t of m.teamChanges) {
    const moves = [...t.joined.map((id) => `+${who(id)}`), ...t.left.map((id) => `−${who(id)}`)];
    const what = {
      created: 'new team',
      removed: 'team removed',
      gained: 'now leads',
      lost: 'no longer leads',
      kept: 'team',
    }[t.change];
    const fields = t.fields.length > 0 ? ` (${t.fields.join(', ')} changed)` : '';
    parts.push(`${what} ${t.name}${fields}${moves.length > 0 ? `: ${moves.join(' ')}` : ''}`);
  }
  return `${m.name ?? m.managerId} (${m.managerId}): ${parts.join('; ')}`;
}

/**
 * Renders an {@link OrgDiff} as what a director reads in a terminal: the disruption numbers, who
 * changes manager and team (from → to, by name), teams merged, split, created, removed and
 * changed, people added and removed, level, cost, status and title changes, and per manager what
 * changes for them and their team (most affected first). Long sections are cut at `limit` lines.
 */
export function formatDiffTable(d: OrgDiff, options: FormatDiffOptions = {}): string {
  const { limit = 25, color = false } = options;
  const bold = (s: string) => (color ? `\x1b[1m${s}\x1b[0m` : s);
  const names = personNames(d);
  const who = (id: string | null) => (id === null ? 'no one' : (names.get(id) ?? id));
  const person = (p: { id: string; name?: string }) => (p.name ? `${p.name} (${p.id})` : p.id);
  const width = 28;
  const money = (n: number | null) => (n === null ? '—' : num(n));
  const details = [
    ...section(
      'Manager changes',
      d.people.managerChanged,
      (c) => `${pad(person(c), width)}${c.fromName ?? c.from ?? 'no one'} → ${c.toName ?? c.to ?? 'no one'}`,
      limit,
    ),
    ...section(
      'Team changes',
      d.people.teamChanged,
      (c) =>
        `${pad(person(c), width)}${c.fromName ?? c.from ?? 'no team'} → ${c.toName ?? c.to ?? 'no team'}`,
      limit,
    ),
    ...teamLines(d, limit),
    ...section(
      'People added',
      d.people.added,
      (p) => `+ ${person(p)}, reports to ${who(p.managerId)}`,
      limit,
    ),
    ...section(
      'People removed',
      d.people.removed,
      (p) => `− ${person(p)}, reported to ${who(p.managerId)}`,
      limit,
    ),
    ...section(
      'Level changes',
      d.people.levelChanged,
      (c) => `${pad(person(c), width)}${c.from ?? '—'} → ${c.to ?? '—'}`,
      limit,
    ),
    ...section(
      `Cost changes (annual, ${d.totals.currency})`,
      d.people.costChanged,
      (c) => `${pad(person(c), width)}${money(c.from)} → ${money(c.to)} (${signed(c.delta)})`,
      limit,
    ),
    ...section(
      'Status changes',
      d.people.statusChanged,
      (c) => `${pad(person(c), width)}${c.from} → ${c.to}`,
      limit,
    ),
    ...section(
      'Title changes',
      d.people.titleChanged,
      (c) => `${pad(person(c), width)}${c.from ?? '—'} → ${c.to ?? '—'}`,
      limit,
    ),
    ...section('What changes for each manager', d.byManager, (m) => managerLine(m, who), limit),
  ];
  const out = [
    bold('Disruption'),
    ...summaryLines(d),
    ...(details.length > 0 ? details : ['', 'No changes.']),
  ];
  return `${out.join('\n')}\n`;
}
