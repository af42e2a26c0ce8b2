import type { ReviewStateName } from '@reorg/model';
import type { Context } from 'hono';
import { type AccessLevel, allowsComment, allowsEdit, allowsShare } from '../auth/policy';
import type { ScenarioHead } from '../db/store';
import { parseIfMatch, revisionEtag } from '../http';
import { PROBLEM_TYPES, problem } from '../problem';
import type { Scenarios, WriteResult } from '../services/scenarios';

/**
 * How the scenario routes answer: listing shapes, 404s, and the outcome of a write (If-Match
 * checks, 201 with the new revision, 412, 422 with the refused op).
 */

/** A scenario's review in a listing (a new scenario: a draft with no comments). */
export interface SummaryReview {
  state: ReviewStateName;
  openComments: number;
}

const NEW_REVIEW: SummaryReview = { state: 'draft', openComments: 0 };

/** The listing shape of a scenario, with the caller's access to it when known, and its review. */
export function toSummary(head: ScenarioHead, level?: AccessLevel, review: SummaryReview = NEW_REVIEW) {
  return {
    id: head.id,
    orgId: head.orgId,
    name: head.name,
    author: head.author,
    visibility: head.visibility,
    access: accessOf(level),
    baselineRevision: head.baselineRevision,
    review,
    createdAt: head.createdAt.toISOString(),
    revision: head.revision,
    updatedAt: head.updatedAt.toISOString(),
  };
}

/** What the caller may do with a scenario, for the web app (the server checks anyway). */
export function accessOf(level: AccessLevel | undefined) {
  return {
    level: level ?? 'view',
    edit: allowsEdit(level),
    share: allowsShare(level),
    comment: allowsComment(level),
  };
}

export function toRevision(row: Awaited<ReturnType<Scenarios['revisions']>>[number]) {
  return {
    revision: row.revision,
    author: row.author,
    createdAt: row.createdAt.toISOString(),
    restoredFrom: row.restoredFrom,
    ops: row.ops,
  };
}

/** A 404 problem for a missing scenario. */
export function scenarioNotFound(c: Context, id: string) {
  return problem(c, {
    type: PROBLEM_TYPES.notFound,
    title: 'Not found',
    status: 404,
    detail: `no scenario with id "${id}"`,
  });
}

/** The revision an `If-Match` header allows writing on, or the 428/412 problem to answer. */
export function expectedRevision(c: Context, head: ScenarioHead, ifMatch: string | undefined) {
  const parsed = parseIfMatch(ifMatch);
  if (parsed.kind === 'missing') {
    return problem(c, {
      type: PROBLEM_TYPES.preconditionRequired,
      title: 'Precondition required',
      status: 428,
      detail: `send If-Match with the ETag of the revision your change is based on (GET /api/scenarios/${head.id})`,
      errors: [{ in: 'header', path: 'if-match', message: 'required' }],
    });
  }
  if (parsed.kind === 'any' || parsed.revisions.includes(head.revision)) return head.revision;
  return stale(c, head.revision, ifMatch ?? '');
}

function stale(c: Context, latest: number, ifMatch: string) {
  c.header('ETag', revisionEtag(latest));
  return problem(c, {
    type: PROBLEM_TYPES.preconditionFailed,
    title: 'Precondition failed',
    status: 412,
    detail: `the scenario is at revision ${latest}, not ${ifMatch}: nothing was stored. GET it again and re-apply your ops`,
    currentRevision: latest,
  });
}

export async function answerWrite(
  c: Context,
  scenarios: Scenarios,
  head: ScenarioHead,
  result: WriteResult,
  author: string,
  restoredFrom: number | null,
) {
  if (result.ok) {
    c.header('ETag', revisionEtag(result.revision));
    c.header('Location', `/api/scenarios/${encodeURIComponent(head.id)}/revisions/${result.revision}`);
    const body = {
      scenarioId: head.id,
      revision: result.revision,
      createdAt: result.createdAt.toISOString(),
      author,
      restoredFrom,
    };
    return c.json(body, 201);
  }
  if (result.reason === 'stale') {
    const latest = (await scenarios.head(head.id))?.revision ?? result.revision;
    return stale(c, latest, `"${head.revision}"`);
  }
  if (result.reason === 'no-revision') {
    return problem(c, {
      type: PROBLEM_TYPES.validation,
      title: 'Validation failed',
      status: 422,
      detail: `there is no revision ${restoredFrom} to restore (latest: ${result.revision})`,
      errors: [{ in: 'body', path: 'revision', message: `no such revision (latest: ${result.revision})` }],
    });
  }
  const { opIndex, code, message } = result.refusal;
  return problem(c, {
    type: PROBLEM_TYPES.opRefused,
    title: 'Op refused',
    status: 422,
    detail: `op ${opIndex} was refused: ${message.replace(/\.$/, '')}. Nothing of the batch was stored`,
    opIndex,
    errors: [{ in: 'body', path: `ops.${opIndex}`, opIndex, code, message }],
  });
}
