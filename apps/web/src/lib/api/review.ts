import { apiFetch, call } from './client';

/**
 * Comments, approval and adoption of scenarios (`/api/scenarios/:id/comments`, `…/review`,
 * `…/adopt`, `…/change-list`, `…/rebase`). Plain `fetch` with JSON, like the identity calls.
 */

/** The states of a scenario's review, in the order a scenario goes through them. */
export type ReviewStateName = 'draft' | 'in-review' | 'changes-requested' | 'approved' | 'adopted';

/** What a comment is about. */
export type CommentSubject =
  | { kind: 'scenario'; id: null }
  | { kind: 'person' | 'team'; id: string }
  | { kind: 'revision'; id: string };

/** A comment as the API returns it. */
export interface ScenarioComment {
  id: string;
  scenarioId: string;
  subject: CommentSubject;
  revision: number;
  author: string;
  body: string;
  mentions: string[];
  createdAt: string;
  resolved: boolean;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

/** One approver's standing. */
export interface Approver {
  email: string;
  decision: 'pending' | 'approved' | 'changes-requested';
  comment?: string;
}

/** The review of a scenario. */
export interface Review {
  scenarioId: string;
  state: ReviewStateName;
  revision: number | null;
  submittedBy: string | null;
  role: string | null;
  approvers: Approver[];
  history?: { kind: string; by: string; revision: number; comment?: string; at: string }[];
}

/** One row of a change list. */
export interface ChangeRow {
  personId: string;
  name: string | null;
  kind: 'change' | 'hire' | 'removal';
  effectiveDate: string;
  changed: string[];
  before: ChangeValues | null;
  after: ChangeValues | null;
}

/** A person's compared values in a change list. */
export interface ChangeValues {
  managerId: string | null;
  managerName: string | null;
  teamId: string | null;
  teamName: string | null;
  level: string | null;
  title: string | null;
  status: string | null;
}

/** "What changes for your team", for one manager. */
export interface Announcement {
  managerId: string;
  managerName: string | null;
  summary: string;
}

/** The change list of a scenario, with its announcements. */
export interface ChangeList {
  scenarioId: string;
  effectiveDate: string;
  adopted: boolean;
  baselineRevision: number | null;
  rows: ChangeRow[];
  announcements: Announcement[];
}

/** The answer of an adoption. */
export interface Adoption {
  scenarioId: string;
  orgId: string;
  baselineRevision: number;
  effectiveDate: string;
  changes: number;
  rebase: { scenarioId: string; name: string }[];
}

const base = (id: string) => `/api/scenarios/${encodeURIComponent(id)}`;
const post = (path: string, body?: unknown) =>
  apiFetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });

/** The comments of a scenario, oldest first. */
export async function listComments(scenarioId: string): Promise<ScenarioComment[]> {
  return (await call<{ comments: ScenarioComment[] }>(apiFetch(`${base(scenarioId)}/comments`))).comments;
}

/** Adds a comment (the server resolves its @mentions). */
export function addComment(
  scenarioId: string,
  body: string,
  subject: CommentSubject,
): Promise<ScenarioComment> {
  return call(post(`${base(scenarioId)}/comments`, { body, subject }));
}

/** Resolves or reopens a comment. */
export function setCommentResolved(
  scenarioId: string,
  commentId: string,
  resolved: boolean,
): Promise<ScenarioComment> {
  return call(
    post(`${base(scenarioId)}/comments/${encodeURIComponent(commentId)}/${resolved ? 'resolve' : 'reopen'}`),
  );
}

/** The review state of a scenario. */
export function getReview(scenarioId: string): Promise<Review> {
  return call(apiFetch(`${base(scenarioId)}/review`));
}

/** Submits the scenario for approval to e-mails and/or a role. */
export function submitForApproval(
  scenarioId: string,
  approvers: string[],
  role?: 'hr' | 'admin' | 'editor' | 'viewer',
): Promise<Review> {
  return call(post(`${base(scenarioId)}/review/submit`, role ? { approvers, role } : { approvers }));
}

/** Approves (comment optional) or asks for changes (comment required). */
export function decide(
  scenarioId: string,
  kind: 'approve' | 'request-changes',
  comment: string,
): Promise<Review> {
  return call(post(`${base(scenarioId)}/review/${kind}`, comment ? { comment } : {}));
}

/** The change list (a preview before adoption). */
export function getChangeList(scenarioId: string, effectiveDate?: string): Promise<ChangeList> {
  const q = effectiveDate ? `?effectiveDate=${encodeURIComponent(effectiveDate)}` : '';
  return call(apiFetch(`${base(scenarioId)}/change-list${q}`));
}

/** The address of the change list file (CSV or xlsx, Workday or BambooHR columns). */
export function changeListUrl(
  scenarioId: string,
  format: 'csv' | 'xlsx',
  columns: 'workday' | 'bamboohr',
  effectiveDate?: string,
): string {
  const q = new URLSearchParams({ format, columns });
  if (effectiveDate) q.set('effectiveDate', effectiveDate);
  return `${base(scenarioId)}/change-list?${q}`;
}

/** Adopts an approved scenario as the org's new baseline. */
export function adoptScenario(scenarioId: string, effectiveDate: string): Promise<Adoption> {
  return call(post(`${base(scenarioId)}/adopt`, { effectiveDate }));
}

/** What rebasing a scenario onto its org's latest baseline keeps, and its conflicts per op. */
export interface RebasePreview {
  scenarioId: string;
  from: number;
  to: number;
  upToDate: boolean;
  kept: number;
  conflicts: { opIndex: number; op: { type: string }; code: string; message: string }[];
}

/** The rebase preview of a scenario. */
export function getRebasePreview(scenarioId: string): Promise<RebasePreview> {
  return call(apiFetch(`${base(scenarioId)}/rebase`));
}

/** Rebases a scenario onto the latest baseline, as a new scenario of the caller's. */
export function rebaseScenario(
  scenarioId: string,
): Promise<{ scenario: { id: string; name: string }; preview: RebasePreview }> {
  return call(post(`${base(scenarioId)}/rebase`, {}));
}
