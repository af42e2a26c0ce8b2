import type { Interaction, Team } from '@reorg/model';
import type { ElkExtendedEdge, ElkNode } from 'elkjs/lib/elk-api';

/** Size of a team box in the team graph, in canvas pixels. */
export const TEAM_BOX = { width: 210, height: 72 } as const;

const ROOT_OPTIONS = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.spacing.nodeNode': '28',
  'elk.layered.spacing.nodeNodeBetweenLayers': '70',
  'elk.spacing.edgeNode': '20',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
};

const GROUP_OPTIONS = { 'elk.padding': '[top=40,left=16,bottom=16,right=16]' };

/** The id of an interaction edge: `from->to:mode`. */
export function interactionId(i: Interaction): string {
  return `${i.from}->${i.to}:${i.mode}`;
}

/**
 * The elk graph of the team view: teams as nodes (inside their group, a compound node, when they
 * have one), interactions as edges. Groups without teams and interactions naming unknown teams are
 * left out. Pure: the layout itself runs in the elk worker.
 */
export function toElkGraph(teams: readonly Team[], interactions: readonly Interaction[]): ElkNode {
  const byId = new Map(teams.map((t) => [t.id, t]));
  const leafTeams = teams.filter((t) => t.kind === 'team');
  const groups = new Map<string, ElkNode>();
  const top: ElkNode[] = [];
  for (const t of leafTeams) {
    const node: ElkNode = { id: t.id, width: TEAM_BOX.width, height: TEAM_BOX.height };
    const group = t.parentId ? byId.get(t.parentId) : undefined;
    if (group && group.kind === 'group') {
      let g = groups.get(group.id);
      if (!g) {
        g = { id: group.id, children: [], layoutOptions: GROUP_OPTIONS };
        groups.set(group.id, g);
        top.push(g);
      }
      g.children!.push(node);
    } else top.push(node);
  }
  const present = new Set(leafTeams.map((t) => t.id));
  const edges: ElkExtendedEdge[] = interactions
    .filter((i) => present.has(i.from) && present.has(i.to))
    .map((i) => ({ id: interactionId(i), sources: [i.from], targets: [i.to] }));
  return { id: 'root', layoutOptions: ROOT_OPTIONS, children: top, edges };
}

/** Absolute positions of every node of a laid-out elk graph (children are relative to their parent). */
export function flattenElk(
  root: ElkNode,
): Map<string, { x: number; y: number; width: number; height: number; parent: string | null }> {
  const out = new Map<
    string,
    { x: number; y: number; width: number; height: number; parent: string | null }
  >();
  const walk = (node: ElkNode, ox: number, oy: number, parent: string | null) => {
    for (const c of node.children ?? []) {
      const x = ox + (c.x ?? 0);
      const y = oy + (c.y ?? 0);
      out.set(c.id, { x, y, width: c.width ?? 0, height: c.height ?? 0, parent });
      walk(c, x, y, c.id);
    }
  };
  walk(root, 0, 0, null);
  return out;
}

/**
 * Absolute polyline points of each laid-out edge, by edge id. elk gives an edge's points relative
 * to its `container` (the group holding both teams, or the root), so they are shifted by it.
 */
export function edgeRoutes(root: ElkNode): Map<string, { x: number; y: number }[]> {
  const flat = flattenElk(root);
  const out = new Map<string, { x: number; y: number }[]>();
  for (const e of root.edges ?? []) {
    const container = (e as { container?: string }).container;
    const origin = container && container !== root.id ? flat.get(container) : undefined;
    const dx = origin?.x ?? 0;
    const dy = origin?.y ?? 0;
    const points: { x: number; y: number }[] = [];
    for (const s of e.sections ?? []) {
      for (const p of [s.startPoint, ...(s.bendPoints ?? []), s.endPoint])
        points.push({ x: p.x + dx, y: p.y + dy });
    }
    if (points.length > 1) out.set(e.id, points);
  }
  return out;
}
