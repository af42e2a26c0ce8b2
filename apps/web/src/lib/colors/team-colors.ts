import type { TeamType } from '@reorg/model';
import { scaleOrdinal } from 'd3-scale';

/** Team Topologies types with their usual shape colors (yellow, blue, purple, orange) and a label. */
export const TEAM_TYPE_LEGEND: readonly { type: TeamType; label: string }[] = [
  { type: 'stream-aligned', label: 'Stream-aligned' },
  { type: 'platform', label: 'Platform' },
  { type: 'enabling', label: 'Enabling' },
  { type: 'complicated-subsystem', label: 'Complicated subsystem' },
];

const TYPES: TeamType[] = TEAM_TYPE_LEGEND.map((t) => t.type);

/** Team type → container background. */
export const teamTintScale = scaleOrdinal<TeamType, string>()
  .domain(TYPES)
  .range(['#fff8e1', '#e8f2fc', '#f6ebf6', '#fdeee2'])
  .unknown('#f2f3f5');

/** Team type → container border and the stripe on member cards. */
export const teamStrokeScale = scaleOrdinal<TeamType, string>()
  .domain(TYPES)
  .range(['#e0b000', '#4f8fd1', '#b06ab3', '#e0803a'])
  .unknown('#9aa3af');

/** Team type → label text color on the tint (WCAG AA on the tint). */
export const teamTextScale = scaleOrdinal<TeamType, string>()
  .domain(TYPES)
  .range(['#6b5200', '#1d4f85', '#6e3370', '#8a4210'])
  .unknown('#3d4452');

/** Human label of a team type. */
export function teamTypeLabel(type: string): string {
  return TEAM_TYPE_LEGEND.find((t) => t.type === type)?.label ?? type;
}
