/**
 * A small client of every operation, written against the types openapi-typescript generates
 * (default options) from the served document into `generated/openapi.d.ts`. The contract test
 * writes them and type-checks this file (`tsc -p apps/api/openapi-client`): a request that the
 * document makes impossible (a required field it invents, a default it forces on clients) or an
 * answer field it lacks fails that test. `usage` must name every operationId of the document.
 */
import type { components, operations } from './generated/openapi';

type Operations = operations;
type JsonOf<C> = C extends { content: { 'application/json': infer J } } ? J : never;
/** The request body of an operation, required or optional (its JSON form, or its first media type). */
type BodyOf<K extends keyof Operations> =
  NonNullable<Operations[K] extends { requestBody?: infer B } ? B : never> extends { content: infer C }
    ? C extends { 'application/json': infer J }
      ? J
      : C[keyof C]
    : never;
/** The JSON answer of an operation's 200 or 201. */
type OkOf<K extends keyof Operations> = Operations[K]['responses'] extends infer R
  ? R extends { 200: infer A }
    ? JsonOf<A>
    : R extends { 201: infer A }
      ? JsonOf<A>
      : never
  : never;
type ParamsOf<K extends keyof Operations> = Operations[K]['parameters'];
type Problem = components['schemas']['Problem'];

/** What a call sends: the operation's parameters and body, typed by the document. */
type Input<K extends keyof Operations> = {
  path?: ParamsOf<K>['path'];
  query?: ParamsOf<K>['query'];
  header?: ParamsOf<K>['header'];
  body?: BodyOf<K>;
};

const ROUTES: Record<keyof Operations, [string, string]> = {
  getHealth: ['GET', '/api/health'],
  getMe: ['GET', '/api/me'],
  getUsers: ['GET', '/api/users'],
  postUsers: ['POST', '/api/users'],
  putUserRoles: ['PUT', '/api/users/{id}/roles'],
  postUserResetLink: ['POST', '/api/users/{id}/reset-link'],
  postUserSignInLink: ['POST', '/api/users/{id}/sign-in-link'],
  getTokens: ['GET', '/api/tokens'],
  postTokens: ['POST', '/api/tokens'],
  deleteToken: ['DELETE', '/api/tokens/{id}'],
  getAudit: ['GET', '/api/audit'],
  getOrgs: ['GET', '/api/orgs'],
  postOrgs: ['POST', '/api/orgs'],
  getOrg: ['GET', '/api/orgs/{id}'],
  getOrgAnalysis: ['GET', '/api/orgs/{id}/analysis'],
  getOrgScenarios: ['GET', '/api/orgs/{id}/scenarios'],
  postOrgScenarios: ['POST', '/api/orgs/{id}/scenarios'],
  getScenarios: ['GET', '/api/scenarios'],
  postScenarioShare: ['POST', '/api/scenarios/{id}/share'],
  getScenario: ['GET', '/api/scenarios/{id}'],
  postScenarioOps: ['POST', '/api/scenarios/{id}/ops'],
  postScenarioRestore: ['POST', '/api/scenarios/{id}/restore'],
  getScenarioRevisions: ['GET', '/api/scenarios/{id}/revisions'],
  getScenarioRevision: ['GET', '/api/scenarios/{id}/revisions/{revision}'],
  getScenarioAnalysis: ['GET', '/api/scenarios/{id}/analysis'],
  getCompare: ['GET', '/api/compare'],
  listScenarioPlans: ['GET', '/api/scenarios/{id}/plans'],
  createPlan: ['POST', '/api/scenarios/{id}/plans'],
  listOrgPlans: ['GET', '/api/orgs/{id}/plans'],
  updatePlan: ['PUT', '/api/plans/{id}'],
  deletePlan: ['DELETE', '/api/plans/{id}'],
  duplicatePlan: ['POST', '/api/plans/{id}/duplicate'],
  listPlanRevisions: ['GET', '/api/plans/{id}/revisions'],
  listScenarioComments: ['GET', '/api/scenarios/{id}/comments'],
  addScenarioComment: ['POST', '/api/scenarios/{id}/comments'],
  resolveScenarioComment: ['POST', '/api/scenarios/{id}/comments/{commentId}/resolve'],
  reopenScenarioComment: ['POST', '/api/scenarios/{id}/comments/{commentId}/reopen'],
  getScenarioReview: ['GET', '/api/scenarios/{id}/review'],
  submitScenarioForApproval: ['POST', '/api/scenarios/{id}/review/submit'],
  approveScenario: ['POST', '/api/scenarios/{id}/review/approve'],
  requestScenarioChanges: ['POST', '/api/scenarios/{id}/review/request-changes'],
  adoptScenario: ['POST', '/api/scenarios/{id}/adopt'],
  getScenarioChangeList: ['GET', '/api/scenarios/{id}/change-list'],
  previewScenarioRebase: ['GET', '/api/scenarios/{id}/rebase'],
  rebaseScenario: ['POST', '/api/scenarios/{id}/rebase'],
  getScenarioEvents: ['GET', '/api/scenarios/{id}/events'],
  getOrgEvents: ['GET', '/api/orgs/{id}/events'],
  postScenarioPresence: ['POST', '/api/scenarios/{id}/presence'],
  getPlan: ['GET', '/api/plans/{id}'],
  getSimulationsPool: ['GET', '/api/simulations/pool'],
  postSimulations: ['POST', '/api/simulations'],
  getOpenApiDocument: ['GET', '/api/openapi.json'],
  getSignInOptions: ['GET', '/api/sign-in-options'],
};

/** Calls one operation with a Bearer token; answers its JSON 200/201 or throws its problem. */
async function call<K extends keyof Operations>(
  base: string,
  token: string,
  id: K,
  input: Input<K>,
): Promise<OkOf<K>> {
  const [method, template] = ROUTES[id];
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) =>
    encodeURIComponent(String((input.path as Record<string, unknown> | undefined)?.[name])),
  );
  const query = new URLSearchParams(
    Object.entries((input.query ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
  );
  const res = await fetch(`${base}${path}${query.size > 0 ? `?${query}` : ''}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(input.body === undefined ? {} : { 'content-type': 'application/json' }),
      ...((input.header ?? {}) as Record<string, string>),
    },
    body: input.body === undefined ? undefined : JSON.stringify(input.body),
  });
  if (!res.ok) throw new Error(((await res.json()) as Problem).detail);
  return (await res.json()) as OkOf<K>;
}

/** A plan as a client writes it: only what the document requires (defaults left to the server). */
const plan: components['schemas']['HeadcountPlanInput'] = {
  name: 'Two for web',
  attrition: { annualRate: 0.1 },
  hires: [{ teamId: 'web', level: 'L4', count: 2, quarter: '2025-Q2' }],
};

/** One use of every operation, reading a field of each answer (so the answer types are checked too). */
export function usage(base: string, token: string): Record<keyof Operations, () => Promise<unknown>> {
  const c = <K extends keyof Operations>(id: K, input: Input<K> = {}) => call(base, token, id, input);
  return {
    getHealth: async () => (await c('getHealth')).status,
    getMe: async () => (await c('getMe')).user.email,
    getUsers: async () => (await c('getUsers')).users.map((u) => u.roles),
    postUsers: async () =>
      (await c('postUsers', { body: { email: 'ana@example.org', role: 'viewer' } })).user.id,
    putUserRoles: async () =>
      (await c('putUserRoles', { path: { id: 'u1' }, body: { roles: [{ role: 'editor', orgId: 'acme' }] } }))
        .user.roles,
    postUserResetLink: async () => (await c('postUserResetLink', { path: { id: 'u1' } })).link,
    postUserSignInLink: async () => (await c('postUserSignInLink', { path: { id: 'u1' } })).link,
    getTokens: async () => (await c('getTokens')).tokens.map((t) => t.lastUsedAt),
    postTokens: async () => (await c('postTokens', { body: { name: 'ci' } })).token,
    deleteToken: async () => c('deleteToken', { path: { id: 't1' } }),
    getAudit: async () => (await c('getAudit', { query: { limit: 10 } })).events.map((e) => e.action),
    getOrgs: async () => (await c('getOrgs')).orgs.map((o) => o.summary.people),
    postOrgs: async () =>
      (
        await c('postOrgs', {
          body: {
            schemaVersion: 1,
            id: 'acme',
            name: 'Acme',
            asOf: '2025-01-01',
            people: [{ id: 'ada', name: 'Ada', managerId: null }],
          },
        })
      ).warnings,
    getOrg: async () => (await c('getOrg', { path: { id: 'acme' } })).org.people.map((p) => p.fte),
    getOrgAnalysis: async () =>
      (await c('getOrgAnalysis', { path: { id: 'acme' }, query: { asOf: '2025-02-28' } })).orgId,
    getOrgScenarios: async () => (await c('getOrgScenarios', { path: { id: 'acme' } })).scenarios.length,
    postOrgScenarios: async () =>
      (await c('postOrgScenarios', { path: { id: 'acme' }, body: { name: 'Split' } })).revision,
    getScenarios: async () => (await c('getScenarios')).scenarios.map((s) => s.access.level),
    postScenarioShare: async () =>
      (await c('postScenarioShare', { path: { id: 's1' }, body: { with: 'org', access: 'view' } })).shares,
    getScenario: async () => (await c('getScenario', { path: { id: 's1' } })).state.teams,
    postScenarioOps: async () =>
      (
        await c('postScenarioOps', {
          path: { id: 's1' },
          header: { 'if-match': '"1"' },
          body: { ops: [{ type: 'changeManager', personId: 'ada', managerId: null }] },
        })
      ).revision,
    postScenarioRestore: async () =>
      (
        await c('postScenarioRestore', {
          path: { id: 's1' },
          header: { 'if-match': '"2"' },
          body: { revision: 1 },
        })
      ).restoredFrom,
    getScenarioRevisions: async () =>
      (await c('getScenarioRevisions', { path: { id: 's1' } })).revisions.length,
    getScenarioRevision: async () =>
      (await c('getScenarioRevision', { path: { id: 's1', revision: 1 } })).state.id,
    getScenarioAnalysis: async () => (await c('getScenarioAnalysis', { path: { id: 's1' } })).summary,
    getCompare: async () => (await c('getCompare', { query: { ids: 's1,s2' } })).comparison,
    listScenarioPlans: async () =>
      (await c('listScenarioPlans', { path: { id: 's1' } })).plans.map((p) => p.plan.quarters),
    createPlan: async () => (await c('createPlan', { path: { id: 's1' }, body: { plan } })).plan.backfill,
    listOrgPlans: async () => (await c('listOrgPlans', { path: { id: 'acme' } })).plans.length,
    updatePlan: async () =>
      c('updatePlan', { path: { id: 'p1' }, header: { 'if-match': '"1"' }, body: { name: 'Renamed' } }),
    deletePlan: async () => c('deletePlan', { path: { id: 'p1' }, header: { 'if-match': '"2"' } }),
    duplicatePlan: async () => c('duplicatePlan', { path: { id: 'p1' }, body: { name: 'Copy' } }),
    listPlanRevisions: async () => (await c('listPlanRevisions', { path: { id: 'p1' } })).revisions.length,
    listScenarioComments: async () => c('listScenarioComments', { path: { id: 's1' } }),
    addScenarioComment: async () =>
      c('addScenarioComment', {
        path: { id: 's1' },
        body: { body: 'Can @kofi take Checkout?', subject: { kind: 'person', id: 'p1' } },
      }),
    resolveScenarioComment: async () => c('resolveScenarioComment', { path: { id: 's1', commentId: 'c1' } }),
    reopenScenarioComment: async () => c('reopenScenarioComment', { path: { id: 's1', commentId: 'c1' } }),
    getScenarioReview: async () => (await c('getScenarioReview', { path: { id: 's1' } })).state,
    submitScenarioForApproval: async () =>
      c('submitScenarioForApproval', { path: { id: 's1' }, body: { approvers: ['vp@example.org'] } }),
    approveScenario: async () => c('approveScenario', { path: { id: 's1' }, body: { comment: 'Yes' } }),
    requestScenarioChanges: async () =>
      c('requestScenarioChanges', { path: { id: 's1' }, body: { comment: 'Keep Checkout where it is' } }),
    adoptScenario: async () =>
      c('adoptScenario', { path: { id: 's1' }, body: { effectiveDate: '2026-03-01' } }),
    getScenarioChangeList: async () => c('getScenarioChangeList', { path: { id: 's1' } }),
    previewScenarioRebase: async () => c('previewScenarioRebase', { path: { id: 's2' } }),
    rebaseScenario: async () => c('rebaseScenario', { path: { id: 's2' }, body: {} }),
    // The feeds are Server-Sent Events (text/event-stream), not JSON: EventSource reads them.
    getScenarioEvents: async () => ROUTES.getScenarioEvents,
    getOrgEvents: async () => ROUTES.getOrgEvents,
    postScenarioPresence: async () =>
      c('postScenarioPresence', {
        path: { id: 's1' },
        body: { connectionId: 'conn-1', selected: { kind: 'team', id: 'web' } },
      }),
    getPlan: async () => (await c('getPlan', { path: { id: 'p1' } })).scenarioId,
    getSimulationsPool: async () => (await c('getSimulationsPool')).maxWork,
    postSimulations: async () => (await c('postSimulations', { body: { orgId: 'acme', plan } })).target.orgId,
    getOpenApiDocument: async () => c('getOpenApiDocument'),
    getSignInOptions: async () => (await c('getSignInOptions')).singleSignOn,
  };
}
