import { create } from 'zustand';
import { ApiError, listOrgs, listScenarios, type OrgListItem, type ScenarioSummary } from '../lib/api/client';

/** The orgs on the server and the scenarios of the selected org. */
export interface CatalogState {
  orgs: OrgListItem[] | null;
  scenarios: ScenarioSummary[] | null;
  scenariosOf: string | null;
  error: string | null;
}

/** The catalog store (zustand). */
export const useCatalog = create<CatalogState>()(() => ({
  orgs: null,
  scenarios: null,
  scenariosOf: null,
  error: null,
}));

/** Loads the org list. */
export async function loadOrgs(): Promise<void> {
  try {
    useCatalog.setState({ orgs: await listOrgs(), error: null });
  } catch (error) {
    useCatalog.setState({ error: error instanceof ApiError ? error.message : String(error) });
  }
}

/** Loads the scenarios of an org (again, e.g. after creating one). */
export async function loadScenarios(orgId: string): Promise<void> {
  if (useCatalog.getState().scenariosOf !== orgId)
    useCatalog.setState({ scenarios: null, scenariosOf: orgId });
  try {
    const scenarios = await listScenarios(orgId);
    if (useCatalog.getState().scenariosOf === orgId) useCatalog.setState({ scenarios, error: null });
  } catch (error) {
    useCatalog.setState({ error: error instanceof ApiError ? error.message : String(error) });
  }
}
