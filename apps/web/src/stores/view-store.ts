import type { Severity } from '@reorg/model';
import { create } from 'zustand';

/** The main views of a scenario. */
export const VIEWS = ['chart', 'teams', 'ladder', 'outline', 'history'] as const;
/** One of {@link VIEWS}. */
export type View = (typeof VIEWS)[number];

/**
 * What the user looks at: the view, the selected person, the focused person of "find me",
 * expand/collapse overrides (kept by id across edits), the findings filter, and requests to the
 * canvas (centre on a person).
 */
export interface ViewState {
  view: View;
  selectedId: string | null;
  /** The team selected on the chart (by its header), shown to others who have the scenario open. */
  selectedTeamId: string | null;
  /** "Find me": the person whose chain, peers and reports the chart shows (null: the whole org). */
  focusId: string | null;
  /** Layers opened by default (1 = the top and their reports); null until the org is known. */
  defaultDepth: number | null;
  /** People explicitly opened (true) or closed (false). */
  overrides: ReadonlyMap<string, boolean>;
  severities: ReadonlySet<Severity>;
  /** Finding codes shown; empty = all. */
  codes: ReadonlySet<string>;
  /** Ask the canvas to bring a person into view (seq changes on every request). */
  reveal: { id: string; seq: number } | null;
  /** A person or team drop target under the pointer while dragging. */
  dropTargetId: string | null;
  /**
   * On narrow screens (laptops, projectors: under 1280 px) the details and findings panel is a
   * drawer over the chart: open while someone is selected or when asked for.
   */
  panelOpen: boolean;
}

/** The view store (zustand). */
export const useView = create<ViewState>()(() => ({
  view: 'chart',
  selectedId: null,
  selectedTeamId: null,
  focusId: null,
  defaultDepth: null,
  overrides: new Map(),
  severities: new Set<Severity>(['error', 'warning', 'info']),
  codes: new Set(),
  reveal: null,
  dropTargetId: null,
  panelOpen: false,
}));

let revealSeq = 0;

/** Selects a person and brings them into view on the chart. */
export function revealPerson(id: string): void {
  useView.setState({ selectedId: id, reveal: { id, seq: ++revealSeq } });
}

/** Opens or closes a manager's reports. */
export function setExpanded(id: string, expanded: boolean): void {
  useView.setState((s) => {
    const overrides = new Map(s.overrides);
    overrides.set(id, expanded);
    return { overrides };
  });
}

/** Opens every manager in `ids` (e.g. the chain above a person the user asked to see). */
export function expandAll(ids: Iterable<string>): void {
  useView.setState((s) => {
    const overrides = new Map(s.overrides);
    for (const id of ids) overrides.set(id, true);
    return { overrides };
  });
}

/** Forgets every override and sets the default depth. */
export function resetExpansion(defaultDepth: number | null): void {
  useView.setState({ overrides: new Map(), defaultDepth });
}
