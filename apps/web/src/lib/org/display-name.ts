import type { Person } from '@reorg/model';

/**
 * How a person is named on screen: their name; for an aggregate of posts (a UK organogram junior
 * row) its title and FTE ("Policy Manager · 3.8 FTE"); for an unnamed open req or planned hire
 * "Open req"/"Planned hire"; for an unnamed post (e.g. "N/D" in an organogram) its title; else the id.
 */
export function getDisplayName(
  p: Pick<Person, 'id' | 'name' | 'title' | 'status' | 'aggregate' | 'fte'> | undefined,
): string {
  if (!p) return '';
  if (p.name) return p.name;
  if (p.aggregate) return `${p.title ?? 'Posts'} · ${p.fte} FTE`;
  if (p.status === 'open') return 'Open req';
  if (p.status === 'planned') return 'Planned hire';
  return p.title ?? p.id;
}
