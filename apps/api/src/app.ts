import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { Guards } from './auth/guards';
import { Identity } from './auth/identity';
import { csrfGuard, hostGuard, redactResponses, resolvePrincipal } from './auth/middleware';
import { createSignInRoutes } from './auth/sign-in-routes';
import { ReviewStore } from './db/review-store';
import type { Store } from './db/store';
import type { AppEnv } from './http';
import { busReviewFeed } from './live/review-events';
import { describeError, type Logger, silentLogger } from './log';
import { completeDocument, OPENAPI_INFO } from './openapi';
import { locationOf, PROBLEM_TYPES, problem, zodIssues } from './problem';
import { createAdoptionRoutes } from './routes/adoption';
import { createCompareRoutes } from './routes/compare';
import { createHealthRoutes } from './routes/health';
import { createIdentityRoutes } from './routes/identity';
import { createLiveRoutes } from './routes/live';
import { createOrgScenarioRoutes } from './routes/org-scenarios';
import { createOrgRoutes } from './routes/orgs';
import { createPlanEditRoutes } from './routes/plan-edits';
import { createPlanRoutes } from './routes/plans';
import { createReviewRoutes } from './routes/review';
import { createScenarioRoutes } from './routes/scenarios';
import { createSimulationRoutes } from './routes/simulations';
import { Baselines } from './services/baselines';
import { Review } from './services/review';
import type { ReviewFeed } from './services/review-feed';
import { Scenarios } from './services/scenarios';
import { Simulations } from './services/simulations';
import { DEFAULT_WEB_DIR, mountWeb } from './web';

/** What {@link createApp} needs. */
export interface AppOptions {
  store: Store;
  /** Structured logs (default: none). */
  logger?: Logger;
  /** Folder of the built web app (default `apps/web/dist`); `false` serves no web pages. */
  webDir?: string | false;
  /** Today as `YYYY-MM-DD`, the default as-of date of CSV imports (default: the UTC date now). */
  today?: () => string;
  /** Users, sessions and tokens (default: on the store's database, links on `http://localhost:8787`). */
  identity?: Identity;
  /**
   * Host names the server answers to (DNS-rebinding protection when bound to loopback, see
   * `LOOPBACK_HOSTS`); undefined accepts any.
   */
  allowedHosts?: readonly string[];
  /** Where comments and review decisions are published live (default: the live bus, `busReviewFeed`). */
  reviewFeed?: ReviewFeed;
  /** Timings of the live feeds (default `FEED_TIMINGS`: a heartbeat every 15 s); tests shorten them. */
  liveTimings?: { heartbeatMs: number; retryMs: number };
}

/**
 * The Content-Security-Policy of every response: same-origin scripts only, inline styles (React
 * Flow positions nodes with style attributes), workers from blobs (the elkjs layout worker),
 * images from data/blob URLs (exports), no plugins, no framing.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/**
 * Builds the reorg HTTP app: the API under `/api` (one sub-app per resource), its OpenAPI
 * document, and the web app (or a placeholder page) with an SPA fallback that never answers
 * `/api/*`. Every error is an RFC 9457 problem; unexpected ones are logged (without
 * compensation) and answered 500 without details.
 */
export function createApp(options: AppOptions) {
  const { store } = options;
  const logger = options.logger ?? silentLogger;
  const today = options.today ?? (() => new Date().toISOString().slice(0, 10));
  const baselines = new Baselines(store);
  const scenarios = new Scenarios(store, baselines);
  const simulations = new Simulations(store, baselines, scenarios);
  const orgExists = async (id: string) => (await baselines.get(id)) !== undefined;
  const identity = options.identity ?? new Identity(store.drizzle, { publicUrl: 'http://localhost:8787' });
  const guards = new Guards(store);
  const review = new Review(
    store,
    new ReviewStore(store.database),
    scenarios,
    identity,
    options.reviewFeed ?? busReviewFeed(store),
  );

  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      return problem(c, {
        type: PROBLEM_TYPES.validation,
        title: 'Validation failed',
        status: 422,
        detail: `the request ${locationOf(result.target) ?? result.target} does not match the schema`,
        errors: zodIssues(result.error, locationOf(result.target)),
      });
    },
  });
  app.use(async (_c, next) => {
    // Hono's error handler only sees Error instances: make anything thrown one.
    try {
      await next();
    } catch (error) {
      throw error instanceof Error ? error : new Error(`non-Error thrown: ${String(error)}`);
    }
  });
  app.use(requestId());
  app.use(async (c, next) => {
    const started = performance.now();
    await next();
    logger.info('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  });
  app.use(secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY }));
  app.onError(errorHandler(logger));
  if (options.allowedHosts) app.use(hostGuard(options.allowedHosts));
  app.use(csrfGuard());
  app.route('/', createSignInRoutes(identity));
  app.use('/api/*', resolvePrincipal(identity));
  app.use('/api/*', redactResponses(baselines, store.drizzle));
  app.use('/api/orgs', guards.importOrgs());
  for (const path of ['/api/orgs/:id', '/api/orgs/:id/*']) app.use(path, guards.org());
  for (const path of ['/api/scenarios/:id', '/api/scenarios/:id/*']) app.use(path, guards.scenario());
  for (const path of ['/api/plans/:id', '/api/plans/:id/*']) app.use(path, guards.plan());
  app.use('/api/compare', guards.compare());
  let methodsOf: ((path: string) => string[]) | undefined;
  app.notFound((c) => {
    methodsOf ??= routeMethods(app.routes);
    const allowed = c.req.path.startsWith('/api/') ? methodsOf(c.req.path) : [];
    if (allowed.length > 0) {
      c.header('Allow', allowed.join(', '));
      return problem(c, {
        type: PROBLEM_TYPES.methodNotAllowed,
        title: 'Method not allowed',
        status: 405,
        detail: `${c.req.path} answers ${allowed.join(', ')}, not ${c.req.method}`,
      });
    }
    return problem(c, {
      type: PROBLEM_TYPES.notFound,
      title: 'Not found',
      status: 404,
      detail: `no route ${c.req.method} ${c.req.path}`,
    });
  });

  const api = app
    .route('/api/health', createHealthRoutes(store))
    .route('/api', createIdentityRoutes({ identity, store, baselines, guards }))
    .route('/api/orgs', createOrgRoutes({ store, baselines, today }))
    .route('/api/orgs', createOrgScenarioRoutes(scenarios, orgExists, guards, review))
    .route('/api/scenarios', createScenarioRoutes(scenarios, guards, review))
    .route('/api/scenarios', createReviewRoutes(scenarios, review))
    .route('/api/scenarios', createAdoptionRoutes(scenarios, review, guards, today))
    .route(
      '/api',
      createLiveRoutes({
        store,
        baselines,
        ...(options.liveTimings ? { feed: { timings: options.liveTimings } } : {}),
      }),
    )
    .route('/api/compare', createCompareRoutes(scenarios))
    .route(
      '/api',
      createPlanRoutes({
        guards,
        plans: store.plans,
        orgExists,
        scenarioExists: async (id) => (await scenarios.head(id)) !== undefined,
      }),
    )
    .route('/api', createPlanEditRoutes(store.plans))
    .route('/api/simulations', createSimulationRoutes(simulations, guards));

  let openapi: unknown;
  app.get('/api/openapi.json', (c) => {
    openapi ??= completeDocument(app.getOpenAPI31Document({ openapi: '3.1.0', info: OPENAPI_INFO }));
    return c.json(openapi);
  });
  if (options.webDir !== false) mountWeb(app, options.webDir ?? DEFAULT_WEB_DIR);
  return api;
}

/**
 * For a 405: the methods some route answers on a path (its `Allow` header), from the app's route
 * table (middleware, registered for every method, aside). HEAD goes with GET. Paths match as the
 * routes do, strictly: `/api/orgs/` is no route's path (a 404, not a 405 that allows GET).
 */
export function routeMethods(
  routes: readonly { method: string; path: string }[],
): (path: string) => string[] {
  const table = routes
    .filter((r) => r.method !== 'ALL' && !r.path.includes('*'))
    .map((r) => ({
      method: r.method,
      pattern: new RegExp(
        `^${r.path.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_]+/g, '[^/]+')}$`,
      ),
    }));
  return (path) => {
    const methods = new Set(table.filter((r) => r.pattern.test(path)).map((r) => r.method));
    if (methods.has('GET')) methods.add('HEAD');
    return [...methods].sort();
  };
}

/** The type of the app, for the web client: `hc<AppType>('/')`. */
export type AppType = ReturnType<typeof createApp>;

function errorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c: Context<AppEnv>) => {
    if (error instanceof HTTPException && error.status < 500) {
      const kind = HTTP_PROBLEMS[error.status] ?? { type: 'about:blank', title: 'Bad request' };
      return problem(c, { ...kind, status: error.status, detail: error.message || kind.title });
    }
    logger.error('unhandled error', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      ...describeError(error),
    });
    return problem(c, {
      type: PROBLEM_TYPES.internal,
      title: 'Internal server error',
      status: 500,
      detail: 'the server failed to answer; the requestId identifies the failure in its logs',
    });
  };
}

const HTTP_PROBLEMS: Record<number, { type: string; title: string }> = {
  400: { type: PROBLEM_TYPES.malformed, title: 'Malformed request' },
  413: { type: PROBLEM_TYPES.tooLarge, title: 'Payload too large' },
  415: { type: PROBLEM_TYPES.unsupportedMediaType, title: 'Unsupported media type' },
};
