import { useEffect } from 'react';
import { describeChanges } from '../../lib/org/change-marks';
import { setShowChanges, useChanges, useScenarioChanges } from '../../stores/changes-store';
import { notify, useSession } from '../../stores/session-store';

/**
 * "Changes" in the top bar: marks on the chart who moved (from whom), who is new, who leaves
 * and which teams changed, against the org's baseline; while on, the button says the counts.
 */
export function ChangesToggle() {
  const on = useChanges((s) => s.on);
  const loading = useChanges((s) => s.loading);
  const error = useChanges((s) => s.error);
  const changes = useScenarioChanges();
  const orgId = useSession((s) => s.orgId);
  const forOrg = useChanges((s) => s.orgId);
  // Another org opened with the marks on: fetch its baseline.
  useEffect(() => {
    if (on && orgId && forOrg !== orgId) void setShowChanges(true);
  }, [on, orgId, forOrg]);
  useEffect(() => {
    if (error) notify('error', `Could not compare with the baseline: ${error}`);
  }, [error]);
  const summary = on ? (loading || !changes ? 'comparing…' : describeChanges(changes.marks)) : null;
  return (
    <button
      type="button"
      className={`btn btn-sm changes-toggle${on ? ' is-on' : ''}`}
      aria-pressed={on}
      title={
        summary ? `Against the baseline: ${summary}` : 'Mark what this scenario changes against the baseline'
      }
      onClick={() => void setShowChanges(!on)}
    >
      Changes
      {summary && (
        <span className="changes-summary" data-testid="changes-summary">
          {summary}
        </span>
      )}
    </button>
  );
}
