import type { Context, MiddlewareHandler } from 'hono';
import type { ScenarioGrants, Store } from '../db/store';
import type { AppEnv } from '../http';
import { PROBLEM_TYPES, problem } from '../problem';
import { forbidden, UNSAFE_METHODS } from './middleware';
import {
  type AccessLevel,
  accessNeededFor,
  allowsComment,
  allowsEdit,
  allowsShare,
  canEditOn,
  canImportOrgs,
  canSeeOrg,
  isAdmin,
  scenarioAccess,
} from './policy';
import type { Principal } from './principal';

/**
 * The middleware that asks the policy module before a route runs: 404 for what the caller may
 * not see (as if it did not exist), 403 for what they see but may not do. Each sets `orgId` for
 * the redaction at the response boundary. Listings filter with {@link Guards.visibleScenarios}.
 */
export class Guards {
  constructor(private readonly store: Store) {}

  /** `POST /api/orgs`: importing an org (admins, HR on every org). */
  importOrgs(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      if (c.req.method !== 'POST') return next();
      if (!canImportOrgs(c.var.principal))
        return forbidden(c, 'only admins and HR (on every org) may import orgs');
      return next();
    };
  }

  /** `/api/orgs/:id/…`: the org must be visible; writes under it need an editing role. */
  org(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const id = c.req.param('id');
      if (!id) return next();
      const p = c.var.principal;
      if (!canSeeOrg(p, id)) return notFound(c, 'org', id);
      c.set('orgId', id);
      if (UNSAFE_METHODS.has(c.req.method) && !canEditOn(p, id)) {
        return forbidden(c, `your role on org "${id}" (${roleWord(p, id)}) may read it but not change it`);
      }
      return next();
    };
  }

  /**
   * `/api/scenarios/:id/…`: the scenario must be visible (404 otherwise); sharing needs the
   * author or an admin; any other write needs edit access.
   */
  scenario(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const id = c.req.param('id');
      if (!id) return next();
      const grants = await this.store.scenarioGrants(id);
      if (!grants) return next(); // the route answers its own 404
      const level = scenarioAccess(c.var.principal, grants);
      if (!level) return notFound(c, 'scenario', id);
      c.set('orgId', grants.orgId);
      c.set('scenarioAccess', level);
      // Saying what you have selected (presence) is for anyone who may see the scenario.
      if (UNSAFE_METHODS.has(c.req.method) && !c.req.path.endsWith('/presence')) {
        const prefix = `/api/scenarios/${encodeURIComponent(id)}`;
        const path = c.req.path.startsWith(prefix) ? c.req.path.slice(prefix.length) : c.req.path;
        const needed = accessNeededFor(path.replace(/\/$/, ''));
        if (needed === 'owner' && !allowsShare(level))
          return forbidden(c, 'only the author of a scenario (or an admin) may share it');
        if (needed === 'comment' && !allowsComment(level))
          return forbidden(
            c,
            `you may ${level} scenario "${id}" but not comment on it (share it for comment)`,
          );
        if (needed === 'edit' && !allowsEdit(level))
          return forbidden(c, `you may ${level} scenario "${id}" but not change it`);
      }
      return next();
    };
  }

  /**
   * `/api/plans/:id/…`: a plan follows its scenario's sharing: visible when its scenario is (404
   * otherwise); changing, deleting or duplicating it needs edit access to that scenario (403).
   */
  plan(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const id = c.req.param('id');
      if (!id) return next();
      const plan = await this.store.plans.get(id);
      if (!plan) return next();
      const level = await this.levelOf(c.var.principal, plan.scenarioId);
      if (!level) return notFound(c, 'plan', id);
      c.set('orgId', plan.orgId);
      c.set('scenarioAccess', level);
      if (UNSAFE_METHODS.has(c.req.method) && !allowsEdit(level)) {
        return forbidden(c, `you may ${level} the scenario of plan "${id}" but not change its plans`);
      }
      return next();
    };
  }

  /** `/api/compare?ids=…`: every scenario must be visible (the invisible ones answer 404 as missing). */
  compare(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      const ids = (c.req.query('ids') ?? '').split(',').filter((s) => s.length > 0);
      const grants = await this.store.scenarioGrantsMany(ids);
      const hidden = ids.filter((id) => {
        const g = grants.get(id);
        return g !== undefined && !scenarioAccess(c.var.principal, g);
      });
      if (hidden.length > 0) return notFound(c, 'scenario', hidden.join('", "'), 'ids');
      const first = grants.values().next().value as ScenarioGrants | undefined;
      if (first) c.set('orgId', first.orgId);
      return next();
    };
  }

  /**
   * `POST /api/simulations`, called by the handler on the validated body: the org, scenario or
   * saved plan it names must be visible (404 as if missing). Sets `orgId` for the redaction.
   * Returns the 404 to answer, or undefined.
   */
  async simulation(
    c: Context<AppEnv>,
    body: { orgId?: string; scenarioId?: string; planId?: string },
  ): Promise<Response | undefined> {
    const p = c.var.principal;
    if (body.planId !== undefined) {
      const plan = await this.store.plans.get(body.planId);
      if (plan) {
        if (!(await this.levelOf(p, plan.scenarioId))) return notFound(c, 'plan', body.planId, 'planId');
        c.set('orgId', plan.orgId);
      }
    }
    if (body.scenarioId !== undefined) {
      const g = await this.store.scenarioGrants(body.scenarioId);
      if (g) {
        if (!scenarioAccess(p, g)) return notFound(c, 'scenario', body.scenarioId, 'scenarioId');
        c.set('orgId', g.orgId);
      }
    }
    if (body.orgId !== undefined) {
      if (!canSeeOrg(p, body.orgId)) return notFound(c, 'org', body.orgId, 'orgId');
      c.set('orgId', body.orgId);
    }
    return undefined;
  }

  /** Admin-only routes (users, roles, every token, the audit trail). */
  admin(): MiddlewareHandler<AppEnv> {
    return async (c, next) => {
      if (!isAdmin(c.var.principal)) return forbidden(c, 'only an admin may do this');
      return next();
    };
  }

  /** The scenarios of a listing the principal may see, each with its access level. */
  async visibleScenarios<T extends { id: string }>(
    p: Principal,
    heads: T[],
  ): Promise<(T & { access: AccessLevel })[]> {
    const grants = await this.store.scenarioGrantsMany(heads.map((h) => h.id));
    const out: (T & { access: AccessLevel })[] = [];
    for (const h of heads) {
      const g = grants.get(h.id);
      const access = g ? scenarioAccess(p, g) : undefined;
      if (access) out.push({ ...h, access });
    }
    return out;
  }

  private async levelOf(p: Principal, scenarioId: string): Promise<AccessLevel | undefined> {
    const g = await this.store.scenarioGrants(scenarioId);
    return g ? scenarioAccess(p, g) : undefined;
  }
}

/** The 404 of something the caller may not see: worded exactly as for something missing. */
function notFound(c: Context, what: string, id: string, field?: string) {
  return problem(c, {
    type: PROBLEM_TYPES.notFound,
    title: 'Not found',
    status: 404,
    detail: `no ${what} with id "${id}"`,
    ...(field ? { errors: [{ in: 'body' as const, path: field, message: `no ${what} "${id}"` }] } : {}),
  });
}

function roleWord(p: Principal, orgId: string): string {
  return p.roles.get(orgId) ?? p.roles.get('*') ?? 'none';
}
