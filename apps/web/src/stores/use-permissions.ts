import {
  canEditOrg,
  canImportOrgs,
  canShareScenario,
  getReadOnlyReason,
  seesAllCompensation,
} from '../lib/auth/permissions';
import { useMe } from './me-store';
import { useSession } from './session-store';

/** Why the open scenario cannot be changed by the caller (for tooltips), or null when it can. */
export function useReadOnlyReason(): string | null {
  const identity = useMe((s) => s.identity);
  const orgId = useSession((s) => s.orgId);
  const access = useSession((s) => s.access);
  return getReadOnlyReason(identity, orgId, access ? { access } : null);
}

/** Whether the caller may share the open scenario. */
export function useCanShare(): boolean {
  const identity = useMe((s) => s.identity);
  const access = useSession((s) => s.access);
  return canShareScenario(identity, access ? { access } : null);
}

/** Whether the caller sees every cost of an org (the open scenario's by default). */
export function useSeesAllCompensation(orgId?: string | null): boolean {
  const identity = useMe((s) => s.identity);
  const sessionOrg = useSession((s) => s.orgId);
  return seesAllCompensation(identity, orgId === undefined ? sessionOrg : orgId);
}

/** Whether the caller may create scenarios and plans on an org. */
export function useCanEditOrg(orgId: string | null): boolean {
  return canEditOrg(
    useMe((s) => s.identity),
    orgId,
  );
}

/** Whether the caller may import orgs. */
export function useCanImport(): boolean {
  return canImportOrgs(useMe((s) => s.identity));
}
