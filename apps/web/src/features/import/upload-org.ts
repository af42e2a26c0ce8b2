import type { HrisMapping, ImportIssue } from '@reorg/model';
import { type OrgListItem, redirectToSignIn } from '../../lib/api/client';
import { getApiHeaders } from '../../lib/auth/view-as';

/** One issue of a problem answer (`errors[]` of `application/problem+json`). */
export interface ProblemIssue extends ImportIssue {
  in?: string;
  path?: string;
}

/** The answer to an upload: the stored org and its import warnings, or the problem. */
export type UploadResult =
  | { ok: true; org: OrgListItem & { warnings: ImportIssue[] } }
  | { ok: false; status: number; title: string; detail: string; errors: ProblemIssue[] };

/** What to upload: the files in their roles, and the query the API takes. */
export type UploadRequest =
  | { kind: 'hris'; file: Blob; query: UploadQuery }
  | { kind: 'uk-organogram'; senior: File; junior?: File; query: UploadQuery }
  | { kind: 'org-json'; file: Blob }
  /** Files `importAny` reads together, sent as multipart to `?format=auto`. */
  | { kind: 'auto'; files: readonly File[]; query: UploadQuery };

/** Query options of `POST /api/orgs` for CSV imports. */
export interface UploadQuery {
  asOf: string;
  id?: string;
  name?: string;
  mapping?: HrisMapping;
  /** `normalizeIds=true`: manager ids differing from a record's only in case or leading zeros are that record's. */
  normalizeIds?: boolean;
  /** `dateFormat=DD-MM-YYYY|MM-DD-YYYY`, when the files do not decide. */
  dateFormat?: string;
}

/** The path and query of an upload (`/api/orgs?format=…`); the mapping only when it changes something. */
export function uploadUrl(request: UploadRequest): string {
  if (request.kind === 'org-json') return '/api/orgs?format=json';
  const q = new URLSearchParams({ format: request.kind, asOf: request.query.asOf });
  if (request.query.id) q.set('id', request.query.id);
  if (request.query.name) q.set('name', request.query.name);
  const mapping = request.query.mapping;
  if (mapping && Object.keys(mapping).length > 0) q.set('mapping', JSON.stringify(mapping));
  if (request.query.normalizeIds) q.set('normalizeIds', 'true');
  if (request.query.dateFormat) q.set('dateFormat', request.query.dateFormat);
  return `/api/orgs?${q}`;
}

/**
 * Posts an import with `XMLHttpRequest`, so the bytes sent are reported (`upload.onprogress`)
 * and then the wait for the server's import and analysis (`onSent`). Never throws: a network
 * failure is `status: 0`, a problem answer keeps its detail and every issue.
 */
export function uploadOrg(
  request: UploadRequest,
  onProgress: (sent: number, total: number) => void,
  onSent: () => void,
): Promise<UploadResult> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', uploadUrl(request));
    for (const [k, v] of Object.entries(getApiHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded, e.total);
    };
    xhr.upload.onload = () => onSent();
    xhr.onerror = () =>
      resolve({
        ok: false,
        status: 0,
        title: 'Cannot reach the server',
        detail: 'The upload did not get through.',
        errors: [],
      });
    xhr.onload = () => {
      if (xhr.status === 401) redirectToSignIn();
      resolve(readAnswer(xhr.status, xhr.responseText));
    };
    let body: Blob | FormData;
    if (request.kind === 'auto') {
      const form = new FormData();
      request.files.forEach((f, i) => {
        form.append(`file${i + 1}`, f, f.name);
      });
      body = form;
    } else if (request.kind === 'uk-organogram') {
      const form = new FormData();
      form.append('senior', request.senior, request.senior.name);
      if (request.junior) form.append('junior', request.junior, request.junior.name);
      body = form;
    } else {
      xhr.setRequestHeader('content-type', request.kind === 'hris' ? 'text/csv' : 'application/json');
      body = request.file;
    }
    xhr.send(body);
  });
}

/** Reads the server's answer: 201 with the org, or a problem document (or whatever came instead). */
export function readAnswer(status: number, text: string): UploadResult {
  let body: Record<string, unknown> = {};
  try {
    body = JSON.parse(text) as Record<string, unknown>;
  } catch {
    body = {};
  }
  if (status === 201) return { ok: true, org: body as unknown as OrgListItem & { warnings: ImportIssue[] } };
  return {
    ok: false,
    status,
    title: typeof body.title === 'string' ? body.title : `HTTP ${status}`,
    detail: typeof body.detail === 'string' ? body.detail : text.slice(0, 300),
    errors: Array.isArray(body.errors) ? (body.errors as ProblemIssue[]) : [],
  };
}
