import { describe, expect, it } from 'vitest';
import { createSpanThresholdScale, getStatusColors, SPAN_LEGEND, spanFillScale } from './span-scale';
import { teamStrokeScale, teamTypeLabel } from './team-colors';

describe('span colors', () => {
  it('maps every status of the legend to its own solid color, unknown to slate', () => {
    const fills = SPAN_LEGEND.map((s) => spanFillScale(s.status));
    expect(new Set(fills).size).toBe(SPAN_LEGEND.length);
    expect(getStatusColors('critical')).toEqual({ fill: '#c0352b', tint: '#fbe7e5', text: '#9c2a22' });
    expect(getStatusColors(null).fill).toBe('#5b6474');
  });

  it('places a counted span against a 6–8 target: under, ok, over, critical at twice the max', () => {
    const scale = createSpanThresholdScale({ min: 6, max: 8 });
    expect([5, 6, 8, 9, 15, 16, 30].map((n) => scale(n))).toEqual([
      'under',
      'ok',
      'ok',
      'over',
      'over',
      'critical',
      'critical',
    ]);
  });

  it('colors and names team types', () => {
    expect(teamStrokeScale('platform')).toBe('#4f8fd1');
    expect(teamTypeLabel('complicated-subsystem')).toBe('Complicated subsystem');
    expect(teamTypeLabel('mystery')).toBe('mystery');
  });
});
