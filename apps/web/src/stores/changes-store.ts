import { diffOrgs, type Org, type OrgDiff } from '@reorg/model';
import { useDeferredValue, useMemo } from 'react';
import { create } from 'zustand';
import { getOrg } from '../lib/api/client';
import { type ChangeMarks, changeMarks } from '../lib/org/change-marks';
import { useSession } from './session-store';

/**
 * "Before and after": whether the chart marks what the open scenario changes against its
 * org's baseline, and the baseline document (fetched once per org when first asked for).
 */
interface ChangesState {
  on: boolean;
  orgId: string | null;
  baseline: Org | null;
  loading: boolean;
  error: string | null;
}

/** The before-and-after store (zustand). */
export const useChanges = create<ChangesState>()(() => ({
  on: false,
  orgId: null,
  baseline: null,
  loading: false,
  error: null,
}));

/** Turns the marks on (fetching the baseline of the open org when needed) or off. */
export async function setShowChanges(on: boolean): Promise<void> {
  const orgId = useSession.getState().orgId;
  useChanges.setState({ on });
  if (!on || !orgId) return;
  const state = useChanges.getState();
  if (state.orgId === orgId && state.baseline) return;
  useChanges.setState({ loading: true, error: null, orgId, baseline: null });
  try {
    const baseline = await getOrg(orgId);
    if (useChanges.getState().orgId === orgId) useChanges.setState({ baseline, loading: false });
  } catch (e) {
    useChanges.setState({ loading: false, error: (e as Error).message, on: false });
  }
}

let last: { baseline: Org; org: Org; value: { diff: OrgDiff; marks: ChangeMarks } } | null = null;

/** The diff of `org` against `baseline`, computed once for every component that asks. */
function diffOnce(baseline: Org, org: Org) {
  if (last?.baseline !== baseline || last.org !== org) {
    const diff = diffOrgs(baseline, org);
    last = { baseline, org, value: { diff, marks: changeMarks(diff) } };
  }
  return last.value;
}

/** The diff of the open scenario against its baseline and its chart marks, while shown. */
export function useScenarioChanges(): { diff: OrgDiff; marks: ChangeMarks } | null {
  const on = useChanges((s) => s.on);
  const baseline = useChanges((s) => s.baseline);
  const forOrg = useChanges((s) => s.orgId);
  const orgId = useSession((s) => s.orgId);
  const org = useDeferredValue(useSession((s) => s.org));
  return useMemo(() => {
    if (!on || !baseline || !org || forOrg !== orgId) return null;
    return diffOnce(baseline, org);
  }, [on, baseline, org, forOrg, orgId]);
}
