import type { NodeProps } from '@xyflow/react';
import { memo } from 'react';
import { PresenceRing } from '../../components/presence-ring';
import { teamStrokeScale, teamTextScale, teamTintScale, teamTypeLabel } from '../../lib/colors/team-colors';
import { useSelectedBy } from '../../stores/presence-store';
import type { TeamFlowNode } from './chart-nodes';

function TeamNodeView({ data }: NodeProps<TeamFlowNode>) {
  const { team } = data;
  const selectedBy = useSelectedBy('team', team.id);
  return (
    <div
      className={`team-container${data.drop === 'dragging' ? ' is-dragging' : ''}${data.changed ? ' is-changed' : ''}`}
      style={{ background: teamTintScale(team.type), borderColor: teamStrokeScale(team.type) }}
      data-team-id={team.id}
    >
      <div
        className="team-node-handle"
        title={`Drag ${team.name} onto a manager to move the team`}
        style={{ color: teamTextScale(team.type) }}
      >
        <span className="team-grip" aria-hidden="true">
          ⋮⋮
        </span>
        <span className="team-name">{team.name}</span>
        <span className="team-type">{teamTypeLabel(team.type)}</span>
        {data.changed && <span className="team-changed">Changed</span>}
        <span className="team-count">{data.members}</span>
      </div>
      <PresenceRing users={selectedBy} />
    </div>
  );
}

/** A team container drawn behind its manager and their ICs, colored by Team Topologies type; drag it by its header. */
export const TeamNode = memo(TeamNodeView);
