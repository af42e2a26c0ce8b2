import { VIEWS, type View } from '../stores/view-store';

/**
 * What the address bar holds: the org, the scenario, the view and the focused person of
 * "find me". `/orgs/scaleup/scenarios/s1/chart?person=E1042` is a link to one person's place in
 * one scenario, which anyone with access can open.
 */
export interface UrlState {
  orgId: string | null;
  scenarioId: string | null;
  view: View;
  personId: string | null;
  /**
   * The compare view of the org (`/orgs/scaleup/compare?scenarios=a,b&plans=p,q`): the scenarios
   * and saved headcount plans picked. Absent everywhere else; ignored while a scenario is open.
   */
  compare?: CompareSelection;
  /**
   * A page outside any org: `import` (`/import`), the sign-in pages (`/signin`,
   * `/reset-password`, their query read by the page itself), and the admin's `settings` and `audit`.
   */
  page?: Page;
}

/** The pages outside any org, each at `/<page>`. */
export const PAGES = ['import', 'signin', 'reset-password', 'settings', 'audit'] as const;
/** One of {@link PAGES}. */
export type Page = (typeof PAGES)[number];

/** What the compare view compares: scenario ids and saved plan ids (empty: the view's defaults). */
export interface CompareSelection {
  scenarios: string[];
  plans: string[];
  /** The plan open in the plan editor (`?edit=<planId>`, or `new`); absent: the comparison. */
  edit?: string;
  /** For a new plan: the scenario it is saved with (`?on=<scenarioId>`). */
  on?: string;
}

const listParam = (params: URLSearchParams, key: string) =>
  (params.get(key) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Reads a location's path and query. Unknown paths give the home state. */
export function parseUrl(pathname: string, search: string): UrlState {
  const parts = pathname.split('/').filter(Boolean).map(decodeURIComponent);
  const params = new URLSearchParams(search);
  const personId = params.get('person');
  const state: UrlState = { orgId: null, scenarioId: null, view: 'chart', personId: personId || null };
  if (parts.length === 1 && (PAGES as readonly string[]).includes(parts[0]!))
    return { ...state, page: parts[0] as Page };
  if (parts[0] !== 'orgs' || !parts[1]) return state;
  state.orgId = parts[1];
  if (parts[2] === 'compare') {
    state.compare = { scenarios: listParam(params, 'scenarios'), plans: listParam(params, 'plans') };
    const edit = params.get('edit');
    const on = params.get('on');
    if (edit) state.compare.edit = edit;
    if (edit && on) state.compare.on = on;
    return state;
  }
  if (parts[2] === 'scenarios' && parts[3]) {
    state.scenarioId = parts[3];
    const view = parts[4] as View | undefined;
    if (view && (VIEWS as readonly string[]).includes(view)) state.view = view;
  }
  return state;
}

/** The path and query of a state (the inverse of {@link parseUrl}). */
export function formatUrl(state: UrlState): string {
  if (!state.orgId) return state.page ? `/${state.page}` : '/';
  const org = `/orgs/${encodeURIComponent(state.orgId)}`;
  if (!state.scenarioId && state.compare) {
    const query = new URLSearchParams();
    if (state.compare.scenarios.length) query.set('scenarios', state.compare.scenarios.join(','));
    if (state.compare.plans.length) query.set('plans', state.compare.plans.join(','));
    if (state.compare.edit) query.set('edit', state.compare.edit);
    if (state.compare.edit && state.compare.on) query.set('on', state.compare.on);
    const search = query.toString().replace(/%2C/g, ',');
    return `${org}/compare${search ? `?${search}` : ''}`;
  }
  if (!state.scenarioId) return org;
  const path = `${org}/scenarios/${encodeURIComponent(state.scenarioId)}/${state.view}`;
  return state.personId ? `${path}?person=${encodeURIComponent(state.personId)}` : path;
}
