import { type OnNodeDrag, useReactFlow } from '@xyflow/react';
import { useCallback, useMemo, useRef, useState } from 'react';
import { CHART } from '../../lib/layout/tree-layout';
import { applyChange } from '../../stores/session-actions';
import { useSession } from '../../stores/session-store';
import { setExpanded } from '../../stores/view-store';
import type { ChartFlowNode } from './chart-nodes';
import { type DropPlan, planPersonDrop, planTeamDrop } from './plan-drop';
import type { ChartModel } from './use-chart-model';

interface DragState {
  draggedId: string | null;
  teamId: string | null;
  position: { x: number; y: number } | null;
  target: { id: string; valid: boolean } | null;
  hint: string | null;
}

const IDLE: DragState = { draggedId: null, teamId: null, position: null, target: null, hint: null };

/**
 * Drag-to-reorg on the chart: a person dropped on a manager moves there with their reports
 * (Shift: alone); a team dragged by its header moves under the manager it is dropped on. While
 * dragging, the person under the pointer is the target and a hint says what the drop will do
 * (or why it cannot). A drop is one op, one undo step.
 */
export function useDragReorg(model: ChartModel) {
  const flow = useReactFlow<ChartFlowNode>();
  const [state, setState] = useState<DragState>(IDLE);
  const plan = useRef<DropPlan | null>(null);

  const personAt = useCallback(
    (clientX: number, clientY: number, exclude: string): string | null => {
      const p = flow.screenToFlowPosition({ x: clientX, y: clientY });
      const hits = model.nodeGrid.query({ x: p.x, y: p.y, width: 0, height: 0 });
      for (const i of hits) {
        const id = model.tree.ids[i];
        const inside = p.x >= model.layout.x[i] && p.x <= model.layout.x[i] + CHART.cardWidth;
        if (id !== exclude && inside) return id;
      }
      return null;
    },
    [flow, model],
  );

  const onStart: OnNodeDrag<ChartFlowNode> = useCallback((_e, node) => {
    const teamId = node.type === 'team' ? node.data.team.id : null;
    setState({ ...IDLE, draggedId: teamId ? `team:${teamId}` : node.id, teamId, position: node.position });
    plan.current = null;
  }, []);

  const onDrag: OnNodeDrag<ChartFlowNode> = useCallback(
    (event, node) => {
      const index = useSession.getState().index;
      if (!index) return;
      const teamId = node.type === 'team' ? node.data.team.id : null;
      const point = 'touches' in event ? event.touches[0] : event;
      if (!point) return;
      const target = personAt(point.clientX, point.clientY, node.id);
      const next =
        target === null
          ? null
          : teamId
            ? planTeamDrop(index, teamId, target)
            : planPersonDrop(index, node.id, target, event.shiftKey);
      plan.current = next;
      const hint = next
        ? next.ok
          ? next.label
          : next.reason
        : teamId
          ? 'Drop the team on its new manager'
          : 'Drop on a manager · hold Shift to move this person without their reports';
      setState((s) => {
        const t = target === null ? null : { id: target, valid: next?.ok ?? false };
        if (s.hint === hint && s.target?.id === t?.id && s.target?.valid === t?.valid) return s;
        return { ...s, target: t, hint };
      });
    },
    [personAt],
  );

  const onStop: OnNodeDrag<ChartFlowNode> = useCallback(() => {
    const p = plan.current;
    const target = state.target?.id ?? null;
    plan.current = null;
    setState(IDLE);
    if (!p?.ok || target === null) return;
    const result = applyChange(p.ops, p.label);
    if (result.ok) setExpanded(target, true);
  }, [state.target]);

  const move = useCallback((id: string, position: { x: number; y: number }) => {
    setState((s) => (s.draggedId === id ? { ...s, position } : s));
  }, []);

  return useMemo(() => ({ ...state, onStart, onDrag, onStop, move }), [state, onStart, onDrag, onStop, move]);
}
