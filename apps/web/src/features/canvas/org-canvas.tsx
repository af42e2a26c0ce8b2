import {
  Background,
  BackgroundVariant,
  ControlButton,
  Controls,
  type NodeChange,
  type NodeTypes,
  ReactFlow,
  ReactFlowProvider,
  type ReactFlowState,
  useReactFlow,
  useStore,
} from '@xyflow/react';
import {
  type KeyboardEvent,
  useCallback,
  useDeferredValue,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import '@xyflow/react/dist/base.css';
import './canvas.css';
import { viewportRect } from '../../lib/layout/spatial-grid';
import { CHART } from '../../lib/layout/tree-layout';
import { useScenarioChanges } from '../../stores/changes-store';
import { useSession } from '../../stores/session-store';
import { useSpanLookup } from '../../stores/use-analysis';
import { useReadOnlyReason } from '../../stores/use-permissions';
import { resetExpansion, revealPerson, setExpanded, useView } from '../../stores/view-store';
import { CAMERA_PADDING, cameraFor, subjectRect } from './camera';
import { buildChartNodes, type ChartFlowNode } from './chart-nodes';
import { EdgeLayer } from './edge-layer';
import { type NavKey, navigate } from './keyboard-nav';
import { PersonNode } from './person-node';
import { SpanLegend } from './span-legend';
import { TeamNode } from './team-node';
import { type ChartModel, useChartModel } from './use-chart-model';
import { useDragReorg } from './use-drag-reorg';

const nodeTypes: NodeTypes = { person: PersonNode, team: TeamNode };

/** Below this zoom, cards are drawn compact (name, level and span only). */
export const COMPACT_ZOOM = 0.45;
/** Canvas pixels the culling window snaps to, and screen pixels of margin around the view. */
const SNAP = 480;
const MARGIN = 320;

/** The culling window before React Flow knows its size: nothing yet. */
const NOTHING = { x: 0, y: 0, width: 0, height: 0 };

/** When true (`?cull=0`), every node goes to React Flow: the baseline the benchmarks compare with. */
const CULL = typeof location === 'undefined' || new URLSearchParams(location.search).get('cull') !== '0';

/** The culling window as a string that only changes when the snapped window or the level of detail does. */
function windowKey(s: ReactFlowState): string {
  if (!s.width || !s.height) return '';
  const [x, y, zoom] = s.transform;
  const r = viewportRect({ x, y, zoom }, s.width, s.height, MARGIN);
  const x0 = Math.floor(r.x / SNAP);
  const y0 = Math.floor(r.y / SNAP);
  const x1 = Math.ceil((r.x + r.width) / SNAP);
  const y1 = Math.ceil((r.y + r.height) / SNAP);
  return `${x0},${y0},${x1},${y1},${zoom < COMPACT_ZOOM ? 'c' : 'f'}`;
}

function parseWindow(key: string) {
  if (!key) return null;
  const [x0, y0, x1, y1, lod] = key.split(',');
  return {
    rect: { x: +x0 * SNAP, y: +y0 * SNAP, width: (+x1 - +x0) * SNAP, height: (+y1 - +y0) * SNAP },
    compact: lod === 'c',
  };
}

/** The camera's limits for a subject: cards at least 120 px wide (zoom 0.5), clear of the legend and controls. */
const CAMERA = {
  cardWidth: CHART.cardWidth,
  cardHeight: CHART.cardHeight,
  minZoom: 0.5,
  maxZoom: 1,
  padding: CAMERA_PADDING,
};

function ChartFlow({ model }: { model: ChartModel }) {
  const index = useSession((s) => s.index)!;
  const spans = useSpanLookup();
  const changes = useScenarioChanges()?.marks ?? null;
  const selectedId = useView((s) => s.selectedId);
  const focusId = useView((s) => s.focusId);
  const reveal = useView((s) => s.reveal);
  const levels = useSession((s) => s.org?.ladder);
  const key = useStore(windowKey);
  const win = useMemo(() => parseWindow(key), [key]);
  const flow = useReactFlow();
  const cache = useRef(new Map<string, ChartFlowNode>());
  const drag = useDragReorg(model);
  const readOnly = useReadOnlyReason();
  const placed = useRef(false);

  const laterIndex = useDeferredValue(index);
  const teamSizes = useMemo(() => {
    const sizes = new Map<string, number>();
    for (const p of laterIndex.byId.values())
      if (p.teamId) sizes.set(p.teamId, (sizes.get(p.teamId) ?? 0) + 1);
    return sizes;
  }, [laterIndex]);
  const levelNames = useMemo(() => {
    const m = new Map<string, string>();
    for (const l of [...(levels?.tracks.ic ?? []), ...(levels?.tracks.manager ?? [])]) m.set(l.id, l.name);
    return m;
  }, [levels]);

  const nodes = useMemo(() => {
    const ctx = {
      index,
      spans,
      levelNames,
      selectedId,
      focusId,
      dropTargetId: drag.target?.id ?? null,
      dropValid: drag.target?.valid ?? false,
      compact: win?.compact ?? false,
      draggingTeamId: drag.teamId,
      teamSizes,
      changes,
    };
    const built = buildChartNodes(
      model,
      CULL ? (win?.rect ?? NOTHING) : null,
      ctx,
      cache.current,
      drag.draggedId,
    );
    if (!drag.draggedId || !drag.position) return built;
    const dragKey = drag.teamId ? `team:${drag.teamId}` : drag.draggedId;
    return built.map((n) => (n.id === dragKey ? { ...n, position: drag.position!, dragging: true } : n));
  }, [
    model,
    win,
    index,
    spans,
    levelNames,
    teamSizes,
    changes,
    selectedId,
    focusId,
    drag.target,
    drag.draggedId,
    drag.teamId,
    drag.position,
  ]);

  // First placement: the whole width when it is readable, else the top of the chart around its root.
  useEffect(() => {
    if (placed.current || !key) return;
    placed.current = true;
    const { width } = model.layout;
    const el = document.querySelector('.org-canvas');
    const vw = el?.clientWidth ?? 1200;
    const zoom = Math.min(1, Math.max(0.72, (vw - 64) / Math.max(width, 1)));
    const focus = focusId !== null ? model.positionOf.get(focusId) : undefined;
    const anchor = focus ?? 0;
    const rootRight = (model.layout.x[0] + CHART.cardWidth) * zoom;
    if (width * zoom <= vw - 64 && focus === undefined)
      void flow.setViewport({ x: (vw - width * zoom) / 2, y: 32, zoom });
    else if (focus === undefined && rootRight <= vw - 48) {
      // A wide chart whose top sits near its left edge (reports wrapped under a spine): start there.
      void flow.setViewport({ x: 24, y: 32, zoom });
    } else {
      const ax = model.layout.x[anchor] + CHART.cardWidth / 2;
      const ay = focus !== undefined ? model.layout.y[anchor] - 160 : model.layout.y[anchor];
      void flow.setViewport({ x: vw / 2 - ax * zoom, y: 32 - Math.max(0, ay) * zoom, zoom });
    }
  }, [key, model, flow, focusId]);

  // Bring a person into view when asked (find-me, a finding, ?person=, keyboard): their manager,
  // peers and reports with them, at a zoom where their card reads; no move when all that is in view.
  const revealed = useRef(-1);
  const viewportReady = key !== '';
  useEffect(() => {
    // Once per request: a later relayout (an edit) must not pull the camera back to it.
    // After the first placement (it waits for the viewport's size), so it wins over it; a pan
    // or zoom does not re-run it (a pending request would otherwise move the camera mid-drag).
    if (!viewportReady || !reveal || revealed.current === reveal.seq) return;
    const i = model.positionOf.get(reveal.id);
    if (i === undefined) return;
    revealed.current = reveal.seq;
    const el = document.querySelector('.org-canvas');
    // On narrow screens the details drawer lies over the chart's right side: frame left of it.
    const drawer = document.querySelector<HTMLElement>('.app > .panel[data-open="true"]');
    const covered = drawer && getComputedStyle(drawer).position === 'fixed' ? drawer.offsetWidth : 0;
    const vw = Math.max(320, (el?.clientWidth ?? 1200) - covered);
    const vh = el?.clientHeight ?? 800;
    const at = { ...model.tree, x: model.layout.x, y: model.layout.y };
    const subject = subjectRect(at, i, CAMERA);
    const viewport = flow.getViewport();
    const r = viewportRect(viewport, vw, vh, -CAMERA.padding);
    const inside =
      viewport.zoom >= CAMERA.minZoom &&
      subject.x >= r.x &&
      subject.y >= r.y &&
      subject.x + subject.width <= r.x + r.width &&
      subject.y + subject.height <= r.y + r.height;
    if (!inside) {
      const focus = {
        x: model.layout.x[i],
        y: model.layout.y[i],
        width: CHART.cardWidth,
        height: CHART.cardHeight,
      };
      void flow.setViewport(cameraFor(subject, focus, vw, vh, CAMERA), { duration: 400 });
    }
    requestAnimationFrame(() => {
      const card = document.querySelector<HTMLElement>(
        `.person-card[data-person-id="${CSS.escape(reveal.id)}"]`,
      );
      if (card && document.activeElement?.closest('.org-canvas')) card.focus({ preventScroll: true });
    });
  }, [viewportReady, reveal, model, flow]);

  // React Flow's own fit would fit only the nodes in view (we hand it no others): fit the layout.
  const fitChart = useCallback(() => {
    const el = document.querySelector('.org-canvas');
    const vw = el?.clientWidth ?? 1200;
    const vh = el?.clientHeight ?? 800;
    const { width, height } = model.layout;
    const zoom = Math.max(0.04, Math.min(1, (vw - 48) / Math.max(width, 1), (vh - 48) / Math.max(height, 1)));
    void flow.setViewport(
      { x: (vw - width * zoom) / 2, y: (vh - height * zoom) / 2, zoom },
      { duration: 250 },
    );
  }, [model, flow]);

  const onNodesChange = useCallback(
    (changes: NodeChange<ChartFlowNode>[]) => {
      for (const c of changes) {
        if (c.type === 'position' && c.position && c.dragging) drag.move(c.id, c.position);
        if (c.type === 'select' && c.selected)
          useView.setState(
            c.id.startsWith('team:')
              ? { selectedTeamId: c.id.slice(5) }
              : { selectedId: c.id, selectedTeamId: null },
          );
      }
    },
    [drag],
  );

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLDivElement>) => {
      const sel = useView.getState().selectedId;
      const i = sel !== null ? model.positionOf.get(sel) : undefined;
      if (e.key.startsWith('Arrow') || e.key === 'Home' || e.key === 'End') {
        e.preventDefault();
        const next = i === undefined ? 0 : navigate(model.tree, i, e.key as NavKey);
        if (model.tree.ids[next]) revealPerson(model.tree.ids[next]);
      } else if ((e.key === 'Enter' || e.key === ' ') && i !== undefined && sel) {
        e.preventDefault();
        if (model.tree.childOffsets[i + 1] > model.tree.childOffsets[i] || model.tree.isCollapsed[i]) {
          setExpanded(sel, model.tree.isCollapsed[i] === 1);
        }
      } else if (e.key === 'Escape') useView.setState({ selectedId: null });
    },
    [model],
  );

  return (
    <div
      className={`org-canvas${drag.draggedId ? ' is-dragging' : ''}`}
      onKeyDown={onKeyDown}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: role="application": the chart is one tab stop, arrow keys move between people
      tabIndex={0}
      onFocus={(e) => {
        if (e.target !== e.currentTarget) return;
        // Keyboard focus (Tab) picks a person for the arrow keys; a pointer's focus (a click or
        // the start of a drag) must not move the camera or the selection.
        if (!e.currentTarget.matches(':focus-visible')) return;
        const sel = useView.getState().selectedId;
        const id = sel !== null && model.positionOf.has(sel) ? sel : model.tree.ids[0];
        if (id) revealPerson(id);
      }}
      role="application"
      aria-label="Org chart. Use the arrow keys to move between people, Enter to show or hide reports."
      aria-describedby="chart-help"
    >
      <p id="chart-help" className="sr-only">
        Drag a person onto a manager to move them with their reports; hold Shift to move them alone. Drag a
        team by its header. The outline view lists the same people as a tree.
      </p>
      <ReactFlow<ChartFlowNode>
        nodes={nodes}
        edges={[]}
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onNodeDragStart={drag.onStart}
        onNodeDrag={drag.onDrag}
        onNodeDragStop={drag.onStop}
        onNodeClick={(_, node) => {
          // Teams are not selectable nodes (their header is a drag handle); a click on one still
          // says which team you look at, for the others who have the scenario open.
          if (node.id.startsWith('team:')) useView.setState({ selectedTeamId: node.id.slice(5) });
        }}
        onPaneClick={() => useView.setState({ selectedId: null, selectedTeamId: null })}
        minZoom={0.04}
        maxZoom={1.6}
        nodesDraggable={readOnly === null}
        nodesConnectable={false}
        nodesFocusable={false}
        edgesFocusable={false}
        elementsSelectable
        selectNodesOnDrag={false}
        deleteKeyCode={null}
        multiSelectionKeyCode={null}
        selectionKeyCode={null}
        onlyRenderVisibleElements={false}
        panOnScroll
        zoomOnPinch
        proOptions={{ hideAttribution: true }}
      >
        <Background variant={BackgroundVariant.Dots} gap={22} size={1.2} color="#cdd2da" />
        <EdgeLayer
          model={model}
          rect={CULL ? (win?.rect ?? NOTHING) : null}
          index={index}
          selected={selectedId}
        />
        <Controls showInteractive={false} showFitView={false} position="bottom-right">
          <ControlButton
            className="fit-button"
            onClick={() => resetExpansion(999)}
            title="Expand every level"
            aria-label="Expand every level"
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="M4 6l4 4 4-4M4 2l4 4 4-4" fill="none" stroke="currentColor" strokeWidth="1.6" />
            </svg>
          </ControlButton>
          <ControlButton
            className="fit-button"
            onClick={() => resetExpansion(1)}
            title="Collapse to the top two layers"
            aria-label="Collapse to the top two layers"
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path d="M4 10l4-4 4 4M4 14l4-4 4 4" fill="none" stroke="currentColor" strokeWidth="1.6" />
            </svg>
          </ControlButton>
          <ControlButton
            className="fit-button"
            onClick={fitChart}
            title="Fit the whole chart"
            aria-label="Fit the whole chart"
          >
            <svg viewBox="0 0 16 16" aria-hidden="true">
              <path
                d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4"
                fill="none"
                stroke="currentColor"
                strokeWidth="1.6"
              />
            </svg>
          </ControlButton>
        </Controls>
        <SpanLegend />
        {drag.hint && (
          <div className={`drag-hint${drag.target && !drag.target.valid ? ' is-invalid' : ''}`} role="status">
            {drag.hint}
          </div>
        )}
      </ReactFlow>
    </div>
  );
}

/** The org chart of the open scenario. */
export function OrgCanvas() {
  const model = useChartModel();
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (model && !ready) {
      setReady(true);
      performance.mark('reorg:chart-model');
    }
  }, [model, ready]);
  useEffect(() => {
    // The first frame with people on it (benchmarks read this mark).
    if (!ready) return;
    let frame = 0;
    const check = () => {
      if (document.querySelector('.person-card')) {
        setTimeout(() => {
          performance.mark('reorg:chart-painted');
          dispatchEvent(new Event('reorg:chart-painted'));
        }, 0);
      } else frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
  }, [ready]);
  if (!model) {
    return (
      <div className="empty" aria-busy="true">
        <div className="spinner" />
      </div>
    );
  }
  return (
    <ReactFlowProvider>
      <ChartFlow model={model} />
    </ReactFlowProvider>
  );
}
