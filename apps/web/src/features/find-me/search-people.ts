import type { Person } from '@reorg/model';

/** One search hit. */
export interface PersonHit {
  id: string;
  score: number;
}

/** A prepared search over people: lower-cased name, email, title and id. */
export interface PeopleSearch {
  ids: string[];
  names: string[];
  rest: string[];
}

/** Prepares the search (O(n), once per org version). */
export function createPeopleSearch(people: Iterable<Person>): PeopleSearch {
  const ids: string[] = [];
  const names: string[] = [];
  const rest: string[] = [];
  for (const p of people) {
    ids.push(p.id);
    names.push((p.name ?? '').toLowerCase());
    rest.push(`${p.email ?? ''} ${p.title ?? ''} ${p.id}`.toLowerCase());
  }
  return { ids, names, rest };
}

/**
 * People matching every word of `query` in their name, email, title or id, best first: a name
 * starting with the query, then a name word starting with it, then anything else; ties by name.
 */
export function searchPeople(search: PeopleSearch, query: string, limit = 10): PersonHit[] {
  const q = query.trim().toLowerCase();
  if (!q) return [];
  const words = q.split(/\s+/);
  const hits: (PersonHit & { name: string })[] = [];
  for (let i = 0; i < search.ids.length; i++) {
    const name = search.names[i];
    const all = `${name} ${search.rest[i]}`;
    if (!words.every((w) => all.includes(w))) continue;
    const score = name.startsWith(q) ? 3 : name.split(' ').some((part) => part.startsWith(words[0])) ? 2 : 1;
    hits.push({ id: search.ids[i], score, name });
  }
  hits.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return hits.slice(0, limit).map(({ id, score }) => ({ id, score }));
}
