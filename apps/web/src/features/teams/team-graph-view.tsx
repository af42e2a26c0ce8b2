import type { InteractionMode, Team } from '@reorg/model';
import {
  Background,
  BackgroundVariant,
  BaseEdge,
  Controls,
  type Edge,
  type EdgeProps,
  Handle,
  MarkerType,
  type Node,
  type NodeProps,
  Panel,
  Position,
  ReactFlow,
  ReactFlowProvider,
} from '@xyflow/react';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { memo, useEffect, useMemo, useState } from 'react';
import '@xyflow/react/dist/base.css';
import { teamStrokeScale, teamTextScale, teamTintScale, teamTypeLabel } from '../../lib/colors/team-colors';
import { useSession } from '../../stores/session-store';
import { useDeferredAnalysis } from '../../stores/use-analysis';
import { edgeRoutes, flattenElk, interactionId, toElkGraph } from './team-graph';
import './teams.css';

const MODE_STYLE: Record<InteractionMode, { stroke: string; dash?: string; label: string }> = {
  collaboration: { stroke: '#7b5cc4', label: 'Collaboration' },
  'x-as-a-service': { stroke: '#3f7fc4', label: 'X-as-a-service' },
  facilitating: { stroke: '#2f8a5f', dash: '6 4', label: 'Facilitating' },
};

type TeamData = { team: Team; headcount: number; manager: string | undefined; findings: number };
type GroupData = { team: Team };

const TeamBox = memo(function TeamBox({ data }: NodeProps<Node<TeamData, 'teamBox'>>) {
  const t = data.team;
  return (
    <div
      className="team-box"
      style={{ background: teamTintScale(t.type), borderColor: teamStrokeScale(t.type) }}
    >
      <Handle type="target" position={Position.Left} className="team-handle" isConnectable={false} />
      <Handle type="source" position={Position.Right} className="team-handle" isConnectable={false} />
      <div className="team-box-name">{t.name}</div>
      <div className="team-box-type" style={{ color: teamTextScale(t.type) }}>
        {teamTypeLabel(t.type)}
      </div>
      <div className="team-box-meta">
        {data.headcount} people{data.manager ? ` · ${data.manager}` : ' · no manager'}
        {data.findings > 0 && <span className="team-box-flag">{data.findings}</span>}
      </div>
    </div>
  );
});

const GroupBox = memo(function GroupBox({ data }: NodeProps<Node<GroupData, 'groupBox'>>) {
  return <div className="group-box">{data.team.name}</div>;
});

const nodeTypes = { teamBox: TeamBox, groupBox: GroupBox };

type RouteData = { points: { x: number; y: number }[]; title: string };

/** An interaction drawn along the route elk computed (orthogonal, around the other teams). */
function ElkEdge({ data, style, markerEnd, sourceX, sourceY, targetX, targetY }: EdgeProps<Edge<RouteData>>) {
  const pts = data?.points ?? [
    { x: sourceX, y: sourceY },
    { x: targetX, y: targetY },
  ];
  const path = pts.map((p, k) => `${k === 0 ? 'M' : 'L'}${p.x} ${p.y}`).join('');
  return (
    <g>
      <title>{data?.title}</title>
      <BaseEdge path={path} style={style} markerEnd={markerEnd} />
    </g>
  );
}

const edgeTypes = { elk: ElkEdge };

let worker: Worker | null = null;
let seq = 0;

function layoutWithElk(graph: ElkNode): Promise<ElkNode> {
  worker ??= new Worker(new URL('./elk.worker.ts', import.meta.url), { type: 'module' });
  const w = worker;
  const mine = ++seq;
  return new Promise((resolve, reject) => {
    const onMessage = (e: MessageEvent<{ seq: number; graph?: ElkNode; error?: string }>) => {
      if (e.data.seq !== mine) return;
      w.removeEventListener('message', onMessage);
      if (e.data.graph) resolve(e.data.graph);
      else reject(new Error(e.data.error));
    };
    w.addEventListener('message', onMessage);
    w.postMessage({ seq: mine, graph });
  });
}

/**
 * The team graph: teams as nodes (colored by Team Topologies type, inside their group) and their
 * interaction modes as edges, laid out by elkjs in a Web Worker.
 */
export function TeamGraphView() {
  const org = useSession((s) => s.org);
  const analysis = useDeferredAnalysis();
  const index = useSession((s) => s.index);
  const [laid, setLaid] = useState<ElkNode | null>(null);
  const [error, setError] = useState<string | null>(null);
  const graph = useMemo(
    () => (org ? toElkGraph(org.teams, org.interactions) : null),
    [org?.teams, org?.interactions, org],
  );

  useEffect(() => {
    if (!graph) return;
    let live = true;
    layoutWithElk(graph).then(
      (g) => live && setLaid(g),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [graph]);

  const { nodes, edges } = useMemo(() => {
    if (!laid || !org || !index) return { nodes: [] as Node[], edges: [] as Edge[] };
    const flat = flattenElk(laid);
    const teamsById = new Map(org.teams.map((t) => [t.id, t]));
    const size = new Map<string, number>();
    for (const p of index.byId.values()) if (p.teamId) size.set(p.teamId, (size.get(p.teamId) ?? 0) + 1);
    const findings = new Map<string, number>();
    for (const f of analysis?.findings ?? [])
      if (f.subject.kind === 'team') findings.set(f.subject.id, (findings.get(f.subject.id) ?? 0) + 1);
    const nodes: Node[] = [];
    for (const [id, box] of flat) {
      const team = teamsById.get(id);
      if (!team) continue;
      const position = box.parent
        ? { x: box.x - flat.get(box.parent)!.x, y: box.y - flat.get(box.parent)!.y }
        : { x: box.x, y: box.y };
      if (team.kind === 'group')
        nodes.push({
          id,
          type: 'groupBox',
          position,
          width: box.width,
          height: box.height,
          data: { team },
          draggable: false,
          selectable: false,
          zIndex: 0,
        });
      else {
        const manager = team.managerId ? index.byId.get(team.managerId)?.name : undefined;
        nodes.push({
          id,
          type: 'teamBox',
          position,
          width: box.width,
          height: box.height,
          data: { team, headcount: size.get(id) ?? 0, manager, findings: findings.get(id) ?? 0 },
          ...(box.parent ? { parentId: box.parent, extent: 'parent' as const } : {}),
          zIndex: 1,
        });
      }
    }
    const routes = edgeRoutes(laid);
    const edges: Edge[] = org.interactions
      .filter((i) => teamsById.has(i.from) && teamsById.has(i.to))
      .map((i) => {
        const s = MODE_STYLE[i.mode];
        return {
          id: interactionId(i),
          source: i.from,
          target: i.to,
          type: 'elk',
          data: {
            points: routes.get(interactionId(i)),
            title: `${teamsById.get(i.from)?.name} → ${teamsById.get(i.to)?.name}: ${s.label}`,
          },
          style: { stroke: s.stroke, strokeWidth: 2, ...(s.dash ? { strokeDasharray: s.dash } : {}) },
          markerEnd: { type: MarkerType.ArrowClosed, color: s.stroke },
          zIndex: 2,
        };
      });
    return { nodes, edges };
  }, [laid, org, index, analysis]);

  if (error) return <div className="empty">The team graph could not be laid out: {error}</div>;
  if (!laid) {
    return (
      <div className="empty" aria-busy="true">
        <div className="spinner" />
        <span className="sr-only">Laying out the teams…</span>
      </div>
    );
  }
  return (
    <div className="team-graph" data-export-root>
      <ReactFlowProvider>
        <ReactFlow
          nodes={nodes}
          edges={edges}
          nodeTypes={nodeTypes}
          edgeTypes={edgeTypes}
          fitView
          minZoom={0.1}
          nodesConnectable={false}
          nodesDraggable={false}
          proOptions={{ hideAttribution: true }}
        >
          <Background variant={BackgroundVariant.Dots} gap={22} size={1.2} color="#cdd2da" />
          <Controls showInteractive={false} position="bottom-right" />
          <Panel position="bottom-left" className="legend">
            <div className="legend-row">
              <span className="legend-title">Modes</span>
              {Object.entries(MODE_STYLE).map(([mode, s]) => (
                <span key={mode} className="legend-item">
                  <span
                    className="legend-line"
                    style={{ borderTop: `2px ${s.dash ? 'dashed' : 'solid'} ${s.stroke}` }}
                  />
                  {s.label}
                </span>
              ))}
            </div>
          </Panel>
        </ReactFlow>
      </ReactFlowProvider>
    </div>
  );
}
