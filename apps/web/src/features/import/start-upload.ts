import type { HrisMapping } from '@reorg/model';
import { listOrgs } from '../../lib/api/client';
import { baseName, type ImportPlan, orgIdFor } from './import-plan';
import type { Progress } from './import-progress';
import { type ProblemIssue, type UploadRequest, uploadOrg } from './upload-org';

/** Why an upload failed, as the server (or the network) said it. */
export interface UploadFailure {
  status: number;
  title: string;
  detail: string;
  errors: ProblemIssue[];
}

/** What {@link startUpload} needs: the plan, the original files, the options and a progress callback. */
export interface StartUpload {
  plan: Exclude<ImportPlan, { kind: 'invalid' }>;
  files: readonly File[];
  asOf: string;
  name: string;
  mapping: HrisMapping;
  /** Send `normalizeIds=true` (CSV imports). */
  normalizeIds?: boolean;
  /** Send `dateFormat` when the files do not decide. */
  dateFormat?: string;
  onProgress: (p: Progress) => void;
}

/**
 * Uploads checked files as the plan says: a HRIS CSV as the body (with its name, an id made from
 * it that no org has yet, and the mapping), a UK pair as multipart `senior` + `junior`, an org
 * JSON as it is. Reports upload progress, then the server's import and analysis.
 */
export async function startUpload(
  options: StartUpload,
): Promise<{ ok: true; orgId: string } | { ok: false; failure: UploadFailure }> {
  const { plan, files, asOf, name, mapping, onProgress } = options;
  const normalized = options.normalizeIds ? { normalizeIds: true } : {};
  const byName = (n: string) => files.find((f) => f.name === n)!;
  let request: UploadRequest;
  if (plan.kind === 'hris' || plan.kind === 'auto') {
    const orgName =
      name || baseName((plan.kind === 'hris' ? plan.file : (plan.mapped ?? plan.files[0])).name);
    let taken = new Set<string>();
    try {
      taken = new Set((await listOrgs()).map((o) => o.id));
    } catch {
      // The upload will say whether the server answers.
    }
    const query = {
      asOf,
      name: orgName,
      id: orgIdFor(orgName, taken),
      mapping,
      ...normalized,
      ...(options.dateFormat ? { dateFormat: options.dateFormat } : {}),
    };
    request =
      plan.kind === 'hris'
        ? { kind: 'hris', file: byName(plan.file.name), query }
        : { kind: 'auto', files: plan.files.map((f) => byName(f.name)), query };
  } else if (plan.kind === 'uk-organogram') {
    request = {
      kind: 'uk-organogram',
      senior: byName(plan.senior.name),
      ...(plan.junior ? { junior: byName(plan.junior.name) } : {}),
      query: { asOf, ...(name ? { name } : {}), ...normalized },
    };
  } else {
    request = { kind: 'org-json', file: byName(plan.file.name) };
  }
  const total = files.reduce((n, f) => n + f.size, 0);
  onProgress({ stage: 'upload', done: 0, total });
  const result = await uploadOrg(
    request,
    (done, all) => onProgress({ stage: 'upload', done, total: all }),
    () => onProgress({ stage: 'analyse' }),
  );
  if (result.ok) return { ok: true, orgId: result.org.id };
  const { ok: _ok, ...failure } = result;
  return { ok: false, failure };
}
