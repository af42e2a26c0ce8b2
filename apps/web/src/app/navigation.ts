import { useEffect } from 'react';
import { create } from 'zustand';
import { loadScenarios } from '../stores/catalog-store';
import { closeSession } from '../stores/session-actions';
import { useSession } from '../stores/session-store';
import { openScenario } from '../stores/session-sync';
import { revealPerson, useView } from '../stores/view-store';
import { formatUrl, parseUrl, type UrlState } from './url-state';

/** The route: what the address bar says (org, scenario, view, focused person). */
export const useRoute = create<UrlState>()(() =>
  typeof location === 'undefined'
    ? { orgId: null, scenarioId: null, view: 'chart', personId: null }
    : parseUrl(location.pathname, location.search),
);

/** Goes to a route (merged with the current one), updating the address bar and the stores. */
export function navigate(next: Partial<UrlState>, options: { replace?: boolean } = {}): void {
  const current = useRoute.getState();
  const state: UrlState = { ...current, ...next };
  if (next.page === undefined) delete state.page;
  if (next.orgId !== undefined && next.orgId !== current.orgId && next.scenarioId === undefined)
    state.scenarioId = null;
  if (next.scenarioId !== undefined && next.scenarioId !== current.scenarioId && next.personId === undefined)
    state.personId = null;
  // Opening a scenario or another org leaves the compare view unless the caller says otherwise.
  if ((next.scenarioId || (next.orgId !== undefined && next.orgId !== current.orgId)) && !('compare' in next))
    delete state.compare;
  const url = formatUrl(state);
  if (url !== location.pathname + location.search) {
    if (options.replace) history.replaceState(null, '', url);
    else history.pushState(null, '', url);
  }
  useRoute.setState(state);
}

/** Keeps the stores in step with the route (and the route with the back/forward buttons). */
export function useRouteSync(): void {
  const route = useRoute();
  useEffect(() => {
    const onPop = () => useRoute.setState(parseUrl(location.pathname, location.search));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
  useEffect(() => {
    if (route.orgId) void loadScenarios(route.orgId);
  }, [route.orgId]);
  useEffect(() => {
    const session = useSession.getState();
    if (!route.scenarioId) {
      if (session.scenarioId) closeSession();
      return;
    }
    if (session.scenarioId !== route.scenarioId) {
      useView.setState({ defaultDepth: null, overrides: new Map(), selectedId: route.personId });
      void openScenario(route.scenarioId);
    }
  }, [route.scenarioId, route.personId]);
  useEffect(() => {
    useView.setState({ view: route.view, focusId: route.personId });
    // Find-me and ?person= bring the person into view (the chart's camera fits them once laid out).
    if (route.personId) revealPerson(route.personId);
  }, [route.view, route.personId]);
}
