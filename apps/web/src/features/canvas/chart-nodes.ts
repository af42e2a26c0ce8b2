import type { ManagerReport, Person, Severity, Team } from '@reorg/model';
import type { Node } from '@xyflow/react';
import type { SpanLookup } from '../../lib/analysis/span-overlay';
import type { Rect } from '../../lib/layout/spatial-grid';
import { CHART } from '../../lib/layout/tree-layout';
import type { ChangeMark, ChangeMarks } from '../../lib/org/change-marks';
import { getReports, getSubtreeSize, type OrgIndex } from '../../lib/org/org-index';
import type { ChartModel } from './use-chart-model';

/** What a person card shows. */
export interface PersonNodeData extends Record<string, unknown> {
  person: Person;
  manager: ManagerReport | undefined;
  team: Team | undefined;
  levelName: string | undefined;
  reports: number;
  /** People below this person that the chart hides (0 when expanded or an IC). */
  hidden: number;
  collapsed: boolean;
  worst: Severity | null;
  findingCount: number;
  /** Low zoom: a simpler card. */
  compact: boolean;
  drop: 'none' | 'target' | 'invalid';
  focus: boolean;
  /** What changed for them against the baseline, while "Changes" is on. */
  change: ChangeMark | undefined;
}

/** What a team container shows. */
export interface TeamNodeData extends Record<string, unknown> {
  team: Team;
  members: number;
  drop: 'none' | 'dragging';
  /** The team changed against the baseline (shown while "Changes" is on). */
  changed: boolean;
}

export type PersonFlowNode = Node<PersonNodeData, 'person'>;
export type TeamFlowNode = Node<TeamNodeData, 'team'>;
export type ChartFlowNode = PersonFlowNode | TeamFlowNode;

/** Everything the node builder reads besides the chart. */
export interface NodeContext {
  index: OrgIndex;
  /** Span rows and finding marks per person, current to the last change. */
  spans: SpanLookup;
  levelNames: Map<string, string>;
  selectedId: string | null;
  focusId: string | null;
  dropTargetId: string | null;
  dropValid: boolean;
  compact: boolean;
  draggingTeamId: string | null;
  /** People per team id. */
  teamSizes: Map<string, number>;
  /** Marks against the baseline, or null when not shown. */
  changes: ChangeMarks | null;
}

/**
 * The React Flow nodes of the part of the chart inside `rect` (all of it when `rect` is null):
 * team containers first (drawn below), then person cards. Node objects are reused from `cache`
 * when nothing they show changed, so React Flow re-renders only what did.
 */
export function buildChartNodes(
  model: ChartModel,
  rect: Rect | null,
  ctx: NodeContext,
  cache: Map<string, ChartFlowNode>,
  alwaysInclude: string | null,
): ChartFlowNode[] {
  const { tree, layout } = model;
  const nodes: ChartFlowNode[] = [];
  const containers = rect ? model.containerGrid.query(rect) : layout.containers.map((_, k) => k);
  if (alwaysInclude?.startsWith('team:')) {
    const k = layout.containers.findIndex((c) => `team:${c.teamId}` === alwaysInclude);
    if (k >= 0 && !containers.includes(k)) containers.unshift(k);
  }
  for (const k of containers) {
    const c = layout.containers[k];
    const team = ctx.index.teamsById.get(c.teamId);
    if (!team) continue;
    const members = ctx.teamSizes.get(team.id) ?? 0;
    const data: TeamNodeData = {
      team,
      members,
      drop: ctx.draggingTeamId === team.id ? 'dragging' : 'none',
      changed: ctx.changes?.teams.has(team.id) ?? false,
    };
    nodes.push(
      reuse(cache, `team:${team.id}`, c.x, c.y, c.width, c.height, 'team', data, false) as TeamFlowNode,
    );
  }
  const people = rect ? model.nodeGrid.query(rect) : Array.from(tree.ids, (_, i) => i);
  const extra = alwaysInclude !== null ? model.positionOf.get(alwaysInclude) : undefined;
  if (extra !== undefined && !people.includes(extra)) people.push(extra);
  for (const i of people) {
    const id = tree.ids[i];
    const person = ctx.index.byId.get(id);
    if (!person) continue;
    const f = ctx.spans.mark(id);
    const collapsed = tree.isCollapsed[i] === 1;
    const data: PersonNodeData = {
      person,
      manager: ctx.spans.span(id),
      team: person.teamId ? ctx.index.teamsById.get(person.teamId) : undefined,
      levelName: person.level ? ctx.levelNames.get(person.level) : undefined,
      reports: getReports(ctx.index, id).length,
      hidden: collapsed ? getSubtreeSize(ctx.index, id) : 0,
      collapsed,
      worst: f?.worst ?? null,
      findingCount: f?.count ?? 0,
      compact: ctx.compact,
      drop: ctx.dropTargetId === id ? (ctx.dropValid ? 'target' : 'invalid') : 'none',
      focus: ctx.focusId === id,
      change: ctx.changes?.byPerson.get(id),
    };
    const node = reuse(
      cache,
      id,
      layout.x[i],
      layout.y[i],
      CHART.cardWidth,
      CHART.cardHeight,
      'person',
      data,
      ctx.selectedId === id,
    );
    nodes.push(node as PersonFlowNode);
  }
  return nodes;
}

function sameData(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  for (const key in b) if (a[key] !== b[key]) return false;
  return true;
}

function reuse(
  cache: Map<string, ChartFlowNode>,
  id: string,
  x: number,
  y: number,
  width: number,
  height: number,
  type: 'person' | 'team',
  data: PersonNodeData | TeamNodeData,
  selected: boolean,
): ChartFlowNode {
  const old = cache.get(id);
  if (
    old &&
    old.position.x === x &&
    old.position.y === y &&
    old.width === width &&
    old.height === height &&
    old.selected === selected &&
    sameData(old.data, data)
  ) {
    return old;
  }
  const node = {
    id,
    type,
    position: { x, y },
    width,
    height,
    data,
    selected,
    zIndex: type === 'team' ? 0 : 1,
    ...(type === 'team' ? { dragHandle: '.team-node-handle', selectable: false } : {}),
  } as ChartFlowNode;
  cache.set(id, node);
  return node;
}
