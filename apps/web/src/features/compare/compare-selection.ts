import { seriesColor } from './band-chart';

/** Scenarios picked by default when the compare view opens with nothing picked: the first three. */
export const DEFAULT_SCENARIOS = 3;
/** Plans picked by default: the first four. */
export const DEFAULT_PLANS = 4;

/** What the view compares: scenario ids and saved plan ids, in the order picked. */
export interface Selection {
  scenarios: string[];
  plans: string[];
  /** The plan open in the plan editor (a saved plan's id, or `new`). */
  edit?: string;
  /** For a new plan: the scenario it is saved with. */
  on?: string;
}

/** The default selection of an org: its first scenarios and plans (oldest first, as listed). */
export function defaultSelection(scenarioIds: readonly string[], planIds: readonly string[]): Selection {
  return { scenarios: scenarioIds.slice(0, DEFAULT_SCENARIOS), plans: planIds.slice(0, DEFAULT_PLANS) };
}

/** The list with `id` added at the end, or removed when it is there. */
export function toggleId(list: readonly string[], id: string): string[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id];
}

/** The picked ids that exist, in the order picked (a link may name deleted or mistyped ids). */
export function keepKnown(picked: readonly string[], known: readonly string[]): string[] {
  const set = new Set(known);
  return [...new Set(picked)].filter((id) => set.has(id));
}

/**
 * A color for each picked scenario and plan, from one palette so that no two share a color:
 * scenarios first, then plans, in the order picked.
 */
export function selectionColors(selection: Selection): Map<string, string> {
  const ids = [...selection.scenarios, ...selection.plans];
  return new Map(ids.map((id, k) => [id, seriesColor(k)]));
}
