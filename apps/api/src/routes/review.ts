import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { auditActor } from '../auth/middleware';
import { canDecide } from '../auth/policy';
import { type AppEnv, BODY_LIMITS, limitBody } from '../http';
import { PROBLEM_TYPES, problem, problemResponse } from '../problem';
import { IdParamsSchema } from '../schemas';
import { type Review, type ReviewWriteError, toCommentJson } from '../services/review';
import type { Scenarios } from '../services/scenarios';
import {
  ChangesBodySchema,
  CommentBodySchema,
  CommentParamsSchema,
  CommentSchema,
  DecisionBodySchema,
  ReviewSchema,
  SubmitBodySchema,
} from './review-schemas';
import { scenarioNotFound } from './scenario-answers';

const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

const listCommentsRoute = createRoute({
  method: 'get',
  path: '/{id}/comments',
  operationId: 'listScenarioComments',
  summary: 'List the comments of a scenario (open and resolved), oldest first',
  request: { params: IdParamsSchema },
  responses: {
    200: json(
      z.object({ scenarioId: z.string(), comments: z.array(CommentSchema) }),
      'Comments, oldest first',
    ),
    401: problemResponse('Not signed in'),
    404: problemResponse('No such scenario (or one you may not see)'),
    422: problemResponse('Invalid id'),
  },
});

const addCommentRoute = createRoute({
  method: 'post',
  path: '/{id}/comments',
  operationId: 'addScenarioComment',
  summary: 'Comment on a scenario, a person or team in it, or one revision; @mention users',
  description:
    'Needs comment access: the author, an admin, an edit share, or a share "for comment" (a viewer may comment only on a scenario shared with them for comment). `@ana` or `@ana@example.com` mentions a user who may see the scenario.',
  middleware: [limitBody(BODY_LIMITS.small)] as const,
  request: {
    params: IdParamsSchema,
    body: { required: true, content: { 'application/json': { schema: CommentBodySchema } } },
  },
  responses: {
    201: json(CommentSchema, 'The comment, with the users it mentions'),
    401: problemResponse('Not signed in'),
    403: problemResponse('You may see the scenario but not comment on it'),
    404: problemResponse('No such scenario (or one you may not see)'),
    413: problemResponse('Body too large'),
    422: problemResponse('Invalid body, or a subject (person, team, revision) not in the scenario'),
  },
});

const resolutionRoute = (resolved: boolean) =>
  createRoute({
    method: 'post',
    path: `/{id}/comments/{commentId}/${resolved ? 'resolve' : 'reopen'}`,
    operationId: resolved ? 'resolveScenarioComment' : 'reopenScenarioComment',
    summary: resolved ? 'Resolve a comment' : 'Reopen a resolved comment',
    request: { params: CommentParamsSchema },
    responses: {
      200: json(CommentSchema, resolved ? 'The comment, resolved' : 'The comment, open again'),
      401: problemResponse('Not signed in'),
      403: problemResponse('You may see the scenario but not comment on it'),
      404: problemResponse('No such scenario or comment'),
      422: problemResponse('Invalid id'),
    },
  });

const reviewRoute = createRoute({
  method: 'get',
  path: '/{id}/review',
  operationId: 'getScenarioReview',
  summary:
    'The approval state of a scenario (draft, in review, changes requested, approved, adopted) and its history',
  request: { params: IdParamsSchema },
  responses: {
    200: json(ReviewSchema, 'The review state'),
    401: problemResponse('Not signed in'),
    404: problemResponse('No such scenario (or one you may not see)'),
    422: problemResponse('Invalid id'),
  },
});

const reviewWrite = {
  200: json(ReviewSchema, 'The review state after it'),
  401: problemResponse('Not signed in'),
  403: problemResponse('You may not do this (only named approvers decide; submitting needs edit access)'),
  404: problemResponse('No such scenario (or one you may not see)'),
  409: problemResponse('Not possible in the current review state (e.g. not submitted, or adopted)'),
  413: problemResponse('Body too large'),
  422: problemResponse('Invalid body, or an approver who may not see the scenario'),
} as const;

const submitRoute = createRoute({
  method: 'post',
  path: '/{id}/review/submit',
  operationId: 'submitScenarioForApproval',
  summary: 'Submit a scenario for approval to named approvers and/or a role',
  description:
    'Needs edit access. Names the approvers again (a resubmission replaces them); any revision saved after it resets every decision.',
  middleware: [limitBody(BODY_LIMITS.small)] as const,
  request: {
    params: IdParamsSchema,
    body: { required: true, content: { 'application/json': { schema: SubmitBodySchema } } },
  },
  responses: reviewWrite,
});

const decideRoute = (kind: 'approve' | 'request-changes') =>
  createRoute({
    method: 'post',
    path: `/{id}/review/${kind}`,
    operationId: kind === 'approve' ? 'approveScenario' : 'requestScenarioChanges',
    summary:
      kind === 'approve'
        ? 'Approve the latest revision (named approvers only), with an optional comment'
        : 'Ask for changes, with a comment (named approvers only)',
    middleware: [limitBody(BODY_LIMITS.small)] as const,
    request: {
      params: IdParamsSchema,
      body: {
        required: kind !== 'approve',
        content: {
          'application/json': { schema: kind === 'approve' ? DecisionBodySchema : ChangesBodySchema },
        },
      },
    },
    responses: reviewWrite,
  });

/** `/api/scenarios/:id/comments…` and `/api/scenarios/:id/review…` (issue 14, items 3 and 4). */
export function createReviewRoutes(scenarios: Scenarios, review: Review) {
  const resolution = (resolved: boolean) => async (c: Context<AppEnv>) => {
    const id = c.req.param('id') as string;
    const commentId = c.req.param('commentId') as string;
    const head = await scenarios.head(id);
    if (!head) return scenarioNotFound(c, id);
    const comment = await review.setResolved(head, commentId, resolved, c.var.principal.email, auditActor(c));
    if (!comment) {
      return problem(c, {
        type: PROBLEM_TYPES.notFound,
        title: 'Not found',
        status: 404,
        detail: `scenario "${id}" has no comment "${commentId}"`,
      });
    }
    return c.json(toCommentJson(comment), 200);
  };
  return new OpenAPIHono<AppEnv>()
    .openapi(listCommentsRoute, async (c) => {
      const { id } = c.req.valid('param');
      const head = await scenarios.head(id);
      if (!head) return scenarioNotFound(c, id);
      const comments = await review.comments(id);
      return c.json({ scenarioId: id, comments: comments.map(toCommentJson) }, 200);
    })
    .openapi(addCommentRoute, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const head = await scenarios.head(id);
      if (!head) return scenarioNotFound(c, id);
      const added = await review.addComment(head, body, c.var.principal.email, auditActor(c));
      // A comment is only ever refused 422 (a subject not in the scenario): never 409.
      if (!added.ok) return reviewProblem(c, added.error) as never;
      return c.json(toCommentJson(added.comment), 201);
    })
    .openapi(resolutionRoute(true), resolution(true) as never)
    .openapi(resolutionRoute(false), resolution(false) as never)
    .openapi(reviewRoute, async (c) => {
      const { id } = c.req.valid('param');
      const head = await scenarios.head(id);
      if (!head) return scenarioNotFound(c, id);
      const state = await review.state(head);
      return c.json(
        {
          scenarioId: id,
          ...state,
          history: state.history.map((e) => ({ ...e, at: e.at.toISOString() })),
        },
        200,
      );
    })
    .openapi(submitRoute, async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const head = await scenarios.head(id);
      if (!head) return scenarioNotFound(c, id);
      const result = await review.submit(head, body, c.var.principal.email.toLowerCase(), auditActor(c));
      if (!result.ok) return reviewProblem(c, result.error);
      return c.json({ scenarioId: id, ...result.review }, 200);
    })
    .openapi(decideRoute('approve'), decide('approve', scenarios, review) as never)
    .openapi(decideRoute('request-changes'), decide('request-changes', scenarios, review) as never);
}

function decide(kind: 'approve' | 'request-changes', scenarios: Scenarios, review: Review) {
  return async (c: Context<AppEnv>) => {
    const id = c.req.param('id') as string;
    const text = await c.req.text();
    let body: unknown = {};
    try {
      if (text.trim() !== '') body = JSON.parse(text);
    } catch {
      body = undefined; // not JSON: refused below as a body that does not match
    }
    const parsed = (kind === 'approve' ? DecisionBodySchema : ChangesBodySchema).safeParse(body);
    if (!parsed.success) {
      return problem(c, {
        type: PROBLEM_TYPES.validation,
        title: 'Validation failed',
        status: 422,
        detail:
          kind === 'approve'
            ? 'the body is { "comment"?: text }'
            : 'asking for changes needs a comment: { "comment": text }',
        errors: parsed.error.issues.map((i) => ({
          in: 'body' as const,
          path: i.path.join('.') || 'comment',
          message: i.message,
        })),
      });
    }
    const head = await scenarios.head(id);
    if (!head) return scenarioNotFound(c, id);
    const state = await review.state(head);
    if (
      state.state !== 'draft' &&
      state.state !== 'adopted' &&
      !canDecide(
        c.var.principal,
        head.orgId,
        state.approvers.map((a) => a.email),
      )
    ) {
      return problem(c, {
        type: PROBLEM_TYPES.forbidden,
        title: 'Forbidden',
        status: 403,
        detail: `only the named approvers (${state.approvers.map((a) => a.email).join(', ')}) may decide on scenario "${id}"`,
      });
    }
    const result = await review.decide(
      head,
      kind,
      parsed.data.comment || undefined,
      c.var.principal.email,
      auditActor(c),
    );
    if (!result.ok) return reviewProblem(c, result.error);
    return c.json({ scenarioId: id, ...result.review }, 200);
  };
}

/** The problem of a refused review write. */
export function reviewProblem(c: Context, error: ReviewWriteError) {
  if (error.status === 404) {
    return problem(c, {
      type: PROBLEM_TYPES.notFound,
      title: 'Not found',
      status: 404,
      detail: error.message,
    });
  }
  if (error.status === 409) {
    return problem(c, {
      type: PROBLEM_TYPES.conflict,
      title: 'Not possible now',
      status: 409,
      detail: error.message,
      errors: [{ code: error.code, message: error.message }],
    });
  }
  return problem(c, {
    type: PROBLEM_TYPES.validation,
    title: 'Validation failed',
    status: 422,
    detail: error.message,
    errors: [{ in: 'body', path: error.path, message: error.message }],
  });
}
