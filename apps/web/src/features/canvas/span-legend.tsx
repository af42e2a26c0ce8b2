import { Panel } from '@xyflow/react';
import { useState } from 'react';
import { getStatusColors, SPAN_LEGEND } from '../../lib/colors/span-scale';
import { TEAM_TYPE_LEGEND, teamStrokeScale, teamTintScale } from '../../lib/colors/team-colors';

/** Below this width (laptops, projectors) the legend starts folded, so it covers no cards. */
const WIDE = '(min-width: 1280px)';

/**
 * The legend of span-of-control colors (from the d3 scale) and team types, in the chart's
 * corner; it folds to one line ("Legend") on a click, and starts folded on narrow screens.
 */
export function SpanLegend() {
  const [open] = useState(() => typeof window === 'undefined' || window.matchMedia(WIDE).matches);
  return (
    <Panel position="bottom-left" className="legend" aria-label="Legend">
      <details open={open}>
        <summary className="legend-summary">Legend</summary>
        <div className="legend-row">
          <span className="legend-title">Span</span>
          {SPAN_LEGEND.map((s) => (
            <span key={s.status} className="legend-item" title={s.hint}>
              <span className="legend-swatch" style={{ background: getStatusColors(s.status).fill }} />
              {s.label}
            </span>
          ))}
        </div>
        <div className="legend-row">
          <span className="legend-title">Teams</span>
          {TEAM_TYPE_LEGEND.map((t) => (
            <span key={t.type} className="legend-item">
              <span
                className="legend-swatch legend-team"
                style={{ background: teamTintScale(t.type), borderColor: teamStrokeScale(t.type) }}
              />
              {t.label}
            </span>
          ))}
          <span className="legend-item">
            <span className="legend-dash" aria-hidden="true" />
            Dotted line
          </span>
        </div>
      </details>
    </Panel>
  );
}
