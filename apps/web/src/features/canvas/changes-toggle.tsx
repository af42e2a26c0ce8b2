import { Panel } from '@xyflow/react';
import { useEffect } from 'react';
import { describeChanges } from '../../lib/org/change-marks';
import { setShowChanges, useChanges, useScenarioChanges } from '../../stores/changes-store';
import { useSession } from '../../stores/session-store';

/**
 * "Changes" in the chart's corner: marks on the chart who moved (from whom), who is new, who
 * leaves and which teams changed, against the org's baseline, with the counts in words.
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
  return (
    <Panel position="top-right" className="changes-toggle">
      {on && (
        <span className="changes-summary" data-testid="changes-summary">
          {loading || !changes ? 'Comparing with the baseline…' : describeChanges(changes.marks)}
        </span>
      )}
      {error && <span className="form-error">{error}</span>}
      <button
        type="button"
        className={`btn btn-sm${on ? ' btn-primary' : ''}`}
        aria-pressed={on}
        title="Mark what this scenario changes against the baseline"
        onClick={() => void setShowChanges(!on)}
      >
        {on ? 'Hide changes' : 'Show changes'}
      </button>
    </Panel>
  );
}
