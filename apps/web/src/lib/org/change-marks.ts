import type { OrgDiff } from '@reorg/model';

/**
 * What changed for one person on the chart, against the baseline: `new` (in the scenario only:
 * an open req or a hire), `leaving` (now marked as leaving), `moved` (another solid-line
 * manager), `team` (same manager, another team), `level` or `title` (same place, another level
 * or title). One mark per person: the first of that order that applies.
 */
export interface ChangeMark {
  kind: 'new' | 'leaving' | 'moved' | 'team' | 'level' | 'title';
  /** A short line for the card, e.g. `Moved from Kofi Mensah`. */
  label: string;
}

/** Marks for the chart and the counts the toggle shows. */
export interface ChangeMarks {
  byPerson: Map<string, ChangeMark>;
  /** Teams added, changed (fields or members), merged into or split into. */
  teams: Set<string>;
  /** People in the baseline and not in the scenario (they cannot be drawn: only counted). */
  removed: { id: string; name?: string }[];
  counts: Record<ChangeMark['kind'], number>;
}

/**
 * The marks of a diff from the baseline (`before`) to the scenario (`after`), names from the
 * diff itself so that nothing else is needed.
 */
export function changeMarks(diff: OrgDiff): ChangeMarks {
  const byPerson = new Map<string, ChangeMark>();
  const set = (id: string, mark: ChangeMark) => {
    if (!byPerson.has(id)) byPerson.set(id, mark);
  };
  for (const p of diff.people.added)
    set(p.id, { kind: 'new', label: p.status === 'open' || p.status === 'planned' ? 'New req' : 'New' });
  for (const c of diff.people.statusChanged)
    if (c.to === 'leaving') set(c.id, { kind: 'leaving', label: 'Leaving' });
  for (const c of diff.people.managerChanged)
    set(c.id, {
      kind: 'moved',
      label: c.from === null ? 'Moved from the top' : `Moved from ${c.fromName ?? c.from}`,
    });
  for (const c of diff.people.teamChanged)
    set(c.id, {
      kind: 'team',
      label: c.to === null ? `Left ${c.fromName ?? 'their team'}` : `Now in ${c.toName ?? c.to}`,
    });
  for (const c of diff.people.levelChanged)
    set(c.id, { kind: 'level', label: `Level ${c.from ?? 'none'} → ${c.to ?? 'none'}` });
  for (const c of diff.people.titleChanged) set(c.id, { kind: 'title', label: 'New title' });

  const teams = new Set<string>();
  for (const t of diff.teams.added) teams.add(t.id);
  for (const t of diff.teams.changed) teams.add(t.id);
  for (const m of diff.teams.merged) teams.add(m.into);
  for (const s of diff.teams.split) for (const id of s.into) teams.add(id);
  for (const m of diff.byManager)
    for (const t of m.teamChanges) if (t.joined.length > 0 || t.left.length > 0) teams.add(t.teamId);

  const counts: ChangeMarks['counts'] = { new: 0, leaving: 0, moved: 0, team: 0, level: 0, title: 0 };
  for (const mark of byPerson.values()) counts[mark.kind]++;
  return {
    byPerson,
    teams,
    removed: diff.people.removed.map((p) => ({ id: p.id, name: p.name })),
    counts,
  };
}

/** The toggle's summary, e.g. `4 moved · 2 new · 1 leaving · 1 removed` (`No changes`). */
export function describeChanges(marks: ChangeMarks): string {
  const c = marks.counts;
  const parts = [
    c.moved && `${c.moved} moved`,
    c.new && `${c.new} new`,
    c.leaving && `${c.leaving} leaving`,
    c.team && `${c.team} ${c.team === 1 ? 'person' : 'people'} changed team`,
    c.level + c.title && `${c.level + c.title} re-levelled or retitled`,
    marks.removed.length && `${marks.removed.length} removed`,
  ].filter(Boolean);
  return parts.length ? parts.join(' · ') : 'No changes';
}
