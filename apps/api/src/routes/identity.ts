import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { listAudit } from '../auth/audit';
import type { Guards } from '../auth/guards';
import { type Identity, normalizeEmail } from '../auth/identity';
import { auditActor } from '../auth/middleware';
import { canEditOn, canImportOrgs, isAdmin, personIdsOf, roleOn, seesAllCompensation } from '../auth/policy';
import { ROLES } from '../auth/principal';
import type { Store } from '../db/store';
import { type AppEnv, IdParamSchema, limitBody, storable } from '../http';
import { PROBLEM_TYPES, problem, problemResponse } from '../problem';
import type { Baselines } from '../services/baselines';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const body = <T extends z.ZodType>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema: storable(schema) } },
});
/** True when {@link normalizeEmail} takes it. */
const isEmailAddress = (s: string) => {
  try {
    normalizeEmail(s);
    return true;
  } catch {
    return false;
  }
};
const UserIdParamsSchema = z.object({ id: IdParamSchema });

const RoleSchema = z.enum(ROLES).openapi({ description: 'admin, hr, editor or viewer' });
const GrantSchema = z
  .object({ role: RoleSchema, orgId: z.string().min(1).max(200).nullable() })
  .openapi('RoleGrant', { description: 'A role on one org, or on every org when orgId is null.' });
const UserSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    roles: z.array(GrantSchema),
    createdAt: z.string(),
  })
  .openapi('User');
const TokenSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
  })
  .openapi('ApiToken');
const AuditEventSchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actor: z.string(),
    action: z.string(),
    orgId: z.string().nullable(),
    subject: z.string().nullable(),
    ip: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('AuditEvent');
const MeSchema = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), name: z.string() }),
    isAdmin: z.boolean(),
    orgs: z.record(
      z.string(),
      z.object({
        role: RoleSchema,
        canEdit: z.boolean(),
        canSeeAllCompensation: z.boolean(),
        personId: z.string().nullable(),
      }),
    ),
    can: z.object({ importOrgs: z.boolean(), manageUsers: z.boolean(), viewAudit: z.boolean() }),
    viewAs: z.string().nullable(),
    realUser: z.object({ id: z.string(), email: z.string() }).nullable(),
  })
  .openapi('Me');

const PROBLEMS = {
  401: problemResponse('Not signed in'),
  403: problemResponse('Not an admin'),
};

const meRoute = createRoute({
  method: 'get',
  path: '/me',
  summary: 'Who you are, your role on each org you may see, and what you may do',
  responses: { 200: json(MeSchema, 'You'), 401: PROBLEMS[401] },
});
const listUsersRoute = createRoute({
  method: 'get',
  path: '/users',
  summary: 'Users and their roles (admin)',
  responses: { 200: json(z.object({ users: z.array(UserSchema) }), 'Users by e-mail'), ...PROBLEMS },
});
const addUserRoute = createRoute({
  method: 'post',
  path: '/users',
  summary: 'Add a user with a role (admin); answers a one-time sign-in link (24 h) to hand them',
  middleware: [limitBody(16 * 1024)] as const,
  request: {
    body: body(
      z.object({
        email: z.string().min(3).max(320),
        name: z.string().max(200).optional(),
        role: RoleSchema,
        orgId: z.string().min(1).max(200).nullable().optional(),
      }),
    ),
  },
  responses: {
    201: json(z.object({ user: UserSchema, signInLink: z.string() }), 'Added (or role granted)'),
    ...PROBLEMS,
    422: problemResponse('Invalid e-mail or role'),
  },
});
const setRolesRoute = createRoute({
  method: 'put',
  path: '/users/{id}/roles',
  summary: "Replace a user's roles (admin)",
  middleware: [limitBody(16 * 1024)] as const,
  request: {
    params: UserIdParamsSchema,
    body: body(z.object({ roles: z.array(GrantSchema).max(1000) })),
  },
  responses: {
    200: json(z.object({ user: UserSchema }), 'Roles replaced'),
    ...PROBLEMS,
    404: problemResponse('No such user'),
    422: problemResponse('Invalid roles'),
  },
});
const resetLinkRoute = createRoute({
  method: 'post',
  path: '/users/{id}/reset-link',
  summary: 'A password-reset link (24 h) for a user, to copy and hand them (admin)',
  request: { params: UserIdParamsSchema },
  responses: {
    200: json(z.object({ link: z.string() }), 'The link'),
    ...PROBLEMS,
    404: problemResponse('No such user'),
  },
});
const signInLinkRoute = createRoute({
  method: 'post',
  path: '/users/{id}/sign-in-link',
  summary: 'A one-time sign-in link (24 h) for a user (admin)',
  request: { params: UserIdParamsSchema },
  responses: {
    200: json(z.object({ link: z.string() }), 'The link'),
    ...PROBLEMS,
    404: problemResponse('No such user'),
  },
});
const listTokensRoute = createRoute({
  method: 'get',
  path: '/tokens',
  summary: 'API tokens: your own (an admin sees everyone’s)',
  responses: {
    200: json(z.object({ tokens: z.array(TokenSchema) }), 'Tokens, oldest first'),
    401: PROBLEMS[401],
  },
});
const createTokenRoute = createRoute({
  method: 'post',
  path: '/tokens',
  summary: 'Make an API token (for yourself; an admin may name another user): shown once',
  middleware: [limitBody(16 * 1024)] as const,
  request: {
    body: body(
      z.object({
        name: z.string().min(1).max(200),
        email: z.string().max(320).refine(isEmailAddress, 'not an e-mail address').optional(),
      }),
    ),
  },
  responses: {
    201: json(z.object({ id: z.string(), token: z.string() }), 'The token, shown this once'),
    ...PROBLEMS,
    404: problemResponse('No such user'),
    422: problemResponse('Invalid name or e-mail'),
  },
});
const revokeTokenRoute = createRoute({
  method: 'delete',
  path: '/tokens/{id}',
  summary: 'Revoke an API token (your own; an admin any)',
  request: { params: UserIdParamsSchema },
  responses: { 204: { description: 'Revoked' }, ...PROBLEMS, 404: problemResponse('No such token') },
});
const auditRoute = createRoute({
  method: 'get',
  path: '/audit',
  summary: 'The audit trail, newest first (admin)',
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(500).default(100),
      before: z.coerce.number().int().min(1).optional(),
    }),
  },
  responses: {
    200: json(z.object({ events: z.array(AuditEventSchema), next: z.number().int().nullable() }), 'Events'),
    ...PROBLEMS,
  },
});

/** What {@link createIdentityRoutes} needs. */
export interface IdentityRouteDeps {
  identity: Identity;
  store: Store;
  baselines: Baselines;
  guards: Guards;
}

/**
 * `/api/me`, and for admins `/api/users…`, `/api/audit`; `/api/tokens` for everyone's own
 * tokens. Every change is audited in the transaction that makes it.
 */
export function createIdentityRoutes({ identity, store, baselines, guards }: IdentityRouteDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.use('/users', guards.admin());
  app.use('/users/*', guards.admin());
  app.use('/audit', guards.admin());
  return app
    .openapi(meRoute, async (c) => {
      const p = c.var.principal;
      const orgs: z.infer<typeof MeSchema>['orgs'] = {};
      for (const org of await store.listOrgs()) {
        const role = roleOn(p, org.id);
        if (!role) continue;
        const baseline = await baselines.get(org.id);
        orgs[org.id] = {
          role,
          canEdit: canEditOn(p, org.id),
          canSeeAllCompensation: seesAllCompensation(p, org.id),
          personId: baseline ? (personIdsOf(p, baseline.org)[0] ?? null) : null,
        };
      }
      return c.json(
        {
          user: { id: p.userId, email: p.email, name: p.name },
          isAdmin: isAdmin(p),
          orgs,
          can: { importOrgs: canImportOrgs(p), manageUsers: isAdmin(p), viewAudit: isAdmin(p) },
          viewAs: p.viewedBy ? p.email : null,
          realUser: p.viewedBy ? { id: p.viewedBy.userId, email: p.viewedBy.email } : null,
        },
        200,
      );
    })
    .openapi(listUsersRoute, async (c) => c.json({ users: await identity.listUsers() }, 200))
    .openapi(addUserRoute, async (c) => {
      const input = c.req.valid('json');
      let user: Awaited<ReturnType<Identity['addUser']>>;
      try {
        user = await identity.addUser(input, auditActor(c));
      } catch (error) {
        return problem(c, {
          type: PROBLEM_TYPES.validation,
          title: 'Validation failed',
          status: 422,
          detail: (error as Error).message,
          errors: [{ in: 'body', path: 'email', message: (error as Error).message }],
        });
      }
      const signInLink = (await identity.signInLink(user.email)) as string;
      return c.json({ user, signInLink }, 201);
    })
    .openapi(setRolesRoute, async (c) => {
      const user = await identity.setRoles(c.req.valid('param').id, c.req.valid('json').roles, auditActor(c));
      if (!user) return noUser(c);
      return c.json({ user }, 200);
    })
    .openapi(resetLinkRoute, async (c) => {
      const user = await identity.findUserById(c.req.valid('param').id);
      const link = user ? await identity.resetLink(user.email) : undefined;
      if (!user || !link) return noUser(c);
      return c.json({ link }, 200);
    })
    .openapi(signInLinkRoute, async (c) => {
      const user = await identity.findUserById(c.req.valid('param').id);
      const link = user ? await identity.signInLink(user.email) : undefined;
      if (!user || !link) return noUser(c);
      return c.json({ link }, 200);
    })
    .openapi(listTokensRoute, async (c) => {
      const p = c.var.principal;
      return c.json({ tokens: await identity.listTokens(isAdmin(p) ? undefined : p.userId) }, 200);
    })
    .openapi(createTokenRoute, async (c) => {
      const p = c.var.principal;
      const { name, email } = c.req.valid('json');
      if (email && email.toLowerCase() !== p.email && !isAdmin(p)) {
        return problem(c, {
          type: PROBLEM_TYPES.forbidden,
          title: 'Not allowed',
          status: 403,
          detail: 'only an admin may make a token for another user',
        });
      }
      const made = await identity.createToken(email ?? p.email, name, auditActor(c));
      if (!made) return noUser(c);
      return c.json(made, 201);
    })
    .openapi(revokeTokenRoute, async (c) => {
      const p = c.var.principal;
      const { id } = c.req.valid('param');
      const owner = await identity.tokenOwner(id);
      if (!owner || (owner !== p.userId && !isAdmin(p))) {
        return problem(c, {
          type: PROBLEM_TYPES.notFound,
          title: 'Not found',
          status: 404,
          detail: `no token with id "${id}"`,
        });
      }
      await identity.revokeToken(id, auditActor(c));
      return c.body(null, 204);
    })
    .openapi(auditRoute, async (c) => {
      const { limit, before } = c.req.valid('query');
      return c.json(await listAudit(store.drizzle, { limit, before }), 200);
    });
}

function noUser(c: Parameters<typeof problem>[0]) {
  return problem(c, {
    type: PROBLEM_TYPES.notFound,
    title: 'Not found',
    status: 404,
    detail: 'no such user',
  });
}
