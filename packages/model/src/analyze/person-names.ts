import type { OrgGraph } from '../graph/org-graph';
import type { Person } from '../schema/person';
import { flat } from './flat-text';

/**
 * How records are named in messages, and their ids, as arrays by record index cached per graph
 * index (records are immutable). Rules that name thousands of records read these instead of the
 * record objects, which on a large org are scattered in memory.
 */
export interface PersonNames {
  /** Each record's name for messages, built when first asked for (see {@link nameOf}). */
  readonly names: Array<string | undefined>;
  /** Each record's id. */
  readonly ids: readonly string[];
}

const cache = new WeakMap<OrgGraph, PersonNames>();

/** The {@link PersonNames} of a graph, created once per graph (ids in one pass, names lazily). */
export function getPersonNames(graph: OrgGraph): PersonNames {
  let names = cache.get(graph);
  if (!names) {
    const ids = new Array<string>(graph.n);
    for (let i = 0; i < graph.n; i++) ids[i] = graph.records[i].id;
    // Holey but fast elements: filled as records are named.
    names = { names: new Array<string | undefined>(graph.n), ids };
    cache.set(graph, names);
  }
  return names;
}

/** `Name (id)`, or the title for an unnamed post (with its FTE for an aggregate), or the id; flat. */
function buildName(p: Person): string {
  if (p.name) return flat`${p.name} (${p.id})`;
  if (p.aggregate) return flat`${p.title ?? 'posts'} (${p.id}, ${p.fte} FTE)`;
  return p.title ? flat`${p.title} (${p.id})` : p.id;
}

/** Record `i`'s name for messages, from the cache or built and cached. */
export function nameOf(names: PersonNames, graph: OrgGraph, i: number): string {
  return names.names[i] ?? (names.names[i] = buildName(graph.records[i]));
}
