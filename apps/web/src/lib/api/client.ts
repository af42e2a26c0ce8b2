import type { AppType } from '@reorg/api';
import type {
  AnalysisReport,
  Comparison,
  HeadcountPlan,
  ImportIssue,
  Op,
  OpInput,
  Org,
  SimulationResult,
} from '@reorg/model';
import { hc } from 'hono/client';
import { getSignInUrl, isAuthPage } from '../auth/sign-in-url';
import { getApiHeaders } from '../auth/view-as';

/**
 * The typed API client (`hc<AppType>`, no code generation) and the calls the web app makes,
 * each returning plain data or throwing an {@link ApiError} that carries the problem's detail.
 */
export const client = hc<AppType>(typeof location === 'undefined' ? 'http://localhost/' : location.origin, {
  fetch: (input: RequestInfo | URL, init?: RequestInit) => apiFetch(input, init),
});

/**
 * Sends the browser to the sign-in page, coming back here afterwards. The one reaction to a 401
 * (no session, or it expired); not on the sign-in pages themselves.
 */
export function redirectToSignIn(): void {
  if (typeof location === 'undefined' || isAuthPage(location.pathname)) return;
  location.assign(getSignInUrl(location.pathname, location.search));
}

/**
 * `fetch` for every API call of the app: adds the headers of {@link getApiHeaders} (the "view as"
 * of an admin) and answers a 401 by going to the sign-in page (the response still reaches the
 * caller, which fails as usual).
 */
export async function apiFetch(input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  for (const [k, v] of Object.entries(getApiHeaders())) if (!headers.has(k)) headers.set(k, v);
  const res = await fetch(input, { ...init, headers });
  if (res.status === 401) redirectToSignIn();
  return res;
}

/** A failed request: the HTTP status and the problem document's detail (or the network error). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly problem?: Record<string, unknown>,
  ) {
    super(message);
  }
}

/** A stored org in a listing. */
export interface OrgListItem {
  id: string;
  name: string;
  source: string;
  summary: { people: number; aggregates: number; teams: number; asOf: string };
  createdAt: string;
}

/** A scenario in a listing. */
export interface ScenarioSummary {
  id: string;
  orgId: string;
  name: string;
  author: string;
  createdAt: string;
  revision: number;
  updatedAt: string;
  /** Who sees it: only its author and the people it is shared with, or the whole org (with sign-in). */
  visibility?: ScenarioVisibility;
  /** What the caller may do with it (with sign-in; absent from a server without it). */
  access?: ScenarioAccess;
  /** Its approval state and open comments (absent from an older server). */
  review?: {
    state: 'draft' | 'in-review' | 'changes-requested' | 'approved' | 'adopted';
    openComments: number;
  };
  /** The org's baseline revision it was made on (1: as imported). */
  baselineRevision?: number;
}

/** `private`: the author and the people it is shared with; `org`: everyone who may see the org. */
export type ScenarioVisibility = 'private' | 'org';

/** The caller's access to a scenario. */
export interface ScenarioAccess {
  level: 'view' | 'comment' | 'edit' | 'owner';
  edit: boolean;
  share: boolean;
}

/** A scenario at its latest revision: its state and effective ops. */
export interface ScenarioDocument extends ScenarioSummary {
  ops: Op[];
  state: Org;
}

/** One saved revision of a scenario. */
export interface RevisionItem {
  revision: number;
  author: string;
  createdAt: string;
  restoredFrom: number | null;
  ops: Op[];
}

async function fail(res: Response): Promise<never> {
  let problem: Record<string, unknown> | undefined;
  try {
    problem = (await res.json()) as Record<string, unknown>;
  } catch {
    problem = undefined;
  }
  const detail = typeof problem?.detail === 'string' ? problem.detail : res.statusText;
  throw new ApiError(res.status, detail || `HTTP ${res.status}`, problem);
}

/**
 * Awaits a request and reads its JSON body; throws an {@link ApiError} for a network failure
 * or a non-2xx answer (with the problem's detail). A 204 gives `undefined`.
 */
export async function call<T>(request: Promise<Response>): Promise<T> {
  let res: Response;
  try {
    res = await request;
  } catch (error) {
    throw new ApiError(0, `Cannot reach the server: ${(error as Error).message}`);
  }
  if (!res.ok) return fail(res);
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** The stored orgs, oldest first. */
export async function listOrgs(): Promise<OrgListItem[]> {
  return (await call<{ orgs: OrgListItem[] }>(client.api.orgs.$get())).orgs;
}

/** An org's baseline document. */
export async function getOrg(id: string): Promise<Org> {
  return (await call<{ org: Org }>(client.api.orgs[':id'].$get({ param: { id } }))).org;
}

/** An org with its import warnings (file, row, column) and its baseline document. */
export interface OrgDetail extends OrgListItem {
  warnings: ImportIssue[];
  org: Org;
}

/** An org's listing, import warnings and baseline document. */
export async function getOrgDetail(id: string): Promise<OrgDetail> {
  return call<OrgDetail>(client.api.orgs[':id'].$get({ param: { id } }));
}

/** The analysis report of an org's baseline (at its own as-of date). */
export async function getOrgAnalysis(id: string): Promise<AnalysisReport> {
  return call<AnalysisReport>(client.api.orgs[':id'].analysis.$get({ param: { id }, query: {} }));
}

/** The scenarios of an org, oldest first. */
export async function listScenarios(orgId: string): Promise<ScenarioSummary[]> {
  const res = client.api.orgs[':id'].scenarios.$get({ param: { id: orgId } });
  return (await call<{ scenarios: ScenarioSummary[] }>(res)).scenarios;
}

/**
 * Creates a scenario of an org (revision 1, no ops unless given); with sign-in it is private to
 * its author unless `visibility` is `org`.
 */
export async function createScenario(
  orgId: string,
  name: string,
  ops: OpInput[] = [],
  visibility?: ScenarioVisibility,
): Promise<ScenarioDocument> {
  // `visibility` is newer than some servers' create schema: sent only when asked for.
  const json = { name, ops: ops as Op[], ...(visibility ? { visibility } : {}) };
  const res = client.api.orgs[':id'].scenarios.$post({
    param: { id: orgId },
    json,
  });
  return call<ScenarioDocument>(res);
}

/** A scenario at its latest revision. */
export async function getScenario(id: string): Promise<ScenarioDocument> {
  return call<ScenarioDocument>(client.api.scenarios[':id'].$get({ param: { id } }));
}

/** Result of {@link saveOps}: the new revision, or the revision the scenario is at when stale (412). */
export type SaveResult =
  | { ok: true; revision: number }
  | { ok: false; stale: true; currentRevision: number }
  | { ok: false; stale: false; status: number; message: string; opIndex?: number };

/** Appends a batch of ops as one revision, on top of `revision` (`If-Match`). Never throws for 412/422. */
export async function saveOps(scenarioId: string, ops: Op[], revision: number): Promise<SaveResult> {
  let res: Response;
  try {
    res = await client.api.scenarios[':id'].ops.$post({
      param: { id: scenarioId },
      json: { ops },
      header: { 'if-match': `"${revision}"` },
    });
  } catch (error) {
    return {
      ok: false,
      stale: false,
      status: 0,
      message: `Cannot reach the server: ${(error as Error).message}`,
    };
  }
  if (res.ok) return { ok: true, revision: ((await res.json()) as { revision: number }).revision };
  const problem = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status === 412) {
    const current = Number(problem.currentRevision ?? res.headers.get('etag')?.replace(/\D/g, ''));
    return { ok: false, stale: true, currentRevision: current };
  }
  return {
    ok: false,
    stale: false,
    status: res.status,
    message: String(problem.detail ?? res.statusText),
    ...(typeof problem.opIndex === 'number' ? { opIndex: problem.opIndex } : {}),
  };
}

/** The saved revisions of a scenario, oldest first. */
export async function listRevisions(scenarioId: string): Promise<RevisionItem[]> {
  const res = client.api.scenarios[':id'].revisions.$get({ param: { id: scenarioId } });
  return (await call<{ revisions: RevisionItem[] }>(res)).revisions;
}

/**
 * The URL of a scenario's state at one revision (`GET /api/scenarios/:id/revisions/:revision`),
 * for a worker that fetches the org itself.
 */
export function scenarioRevisionUrl(scenarioId: string, revision: number): string {
  return client.api.scenarios[':id'].revisions[':revision']
    .$url({ param: { id: scenarioId, revision: String(revision) } })
    .toString();
}

/** The scenario's state at one saved revision. */
export async function getRevisionState(scenarioId: string, revision: number): Promise<Org> {
  const res = client.api.scenarios[':id'].revisions[':revision'].$get({
    param: { id: scenarioId, revision: String(revision) },
  });
  return (await call<{ state: Org }>(res)).state;
}

/** Restores an old revision as a new one (on top of `revision`). */
export async function restoreRevision(scenarioId: string, target: number, revision: number): Promise<number> {
  const res = client.api.scenarios[':id'].restore.$post({
    param: { id: scenarioId },
    json: { revision: target },
    header: { 'if-match': `"${revision}"` },
  });
  return (await call<{ revision: number }>(res)).revision;
}

/** People in one layer of the reporting tree (the compare view's layers pyramid). */
export interface LayerCount {
  layer: number;
  people: number;
  managers: number;
}

/** `GET /api/compare`: scenarios of one org side by side, with people per layer. */
export interface CompareAnswer {
  orgId: string;
  scenarios: { id: string; name: string; revision: number }[];
  comparison: Comparison;
  layers: { baseline: LayerCount[]; scenarios: Record<string, LayerCount[]> };
}

/** Compares scenarios of one org against its baseline. */
export async function getComparison(ids: string[]): Promise<CompareAnswer> {
  return call<CompareAnswer>(client.api.compare.$get({ query: { ids: ids.join(',') } }));
}

/** A headcount plan saved with a scenario. */
export interface SavedPlan {
  id: string;
  scenarioId: string;
  orgId: string;
  name: string;
  author: string;
  createdAt: string;
  /** The latest revision (the ETag of `GET /api/plans/:id`); absent from older servers. */
  revision?: number;
  updatedBy?: string;
  updatedAt?: string;
  deleted?: boolean;
  plan: HeadcountPlan;
}

/** The headcount plans saved with any scenario of an org, oldest first. */
export async function listOrgPlans(orgId: string): Promise<SavedPlan[]> {
  const res = client.api.orgs[':id'].plans.$get({ param: { id: orgId } });
  return (await call<{ plans: SavedPlan[] }>(res)).plans;
}

/** What `POST /api/simulations` ran on. */
export interface SimulationTarget {
  orgId: string;
  scenarioId: string | null;
  revision: number | null;
  planId: string | null;
}

/** A simulation request: a saved plan, on its own scenario, another scenario or the baseline. */
export interface SimulationRequest {
  planId: string;
  /** Default: the scenario the plan is saved with. */
  on?: { orgId: string } | { scenarioId: string };
  runs: number;
  seed: number;
  /** The plan's revision: part of the cache key only (a new revision is a new simulation). */
  planRevision?: number;
}

/** Runs a saved headcount plan (Monte Carlo, quarterly p10/p50/p90 bands). */
export async function runSimulation(
  request: SimulationRequest,
  signal?: AbortSignal,
): Promise<SimulationResult & { target: SimulationTarget }> {
  const { on, planRevision: _revision, ...rest } = request;
  // Aborting the request makes the server cancel the simulation on its worker.
  const res = client.api.simulations.$post({ json: { ...rest, ...on } }, { init: { signal } });
  return call<SimulationResult & { target: SimulationTarget }>(res);
}
