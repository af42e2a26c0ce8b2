import { useEffect, useMemo, useState } from 'react';
import {
  collectVisibleTree,
  isExpandedIn,
  pickDefaultDepth,
  type TreeSource,
  type VisibleTree,
} from '../lib/layout/visible-tree';
import { createFocusSource } from '../lib/org/focus';
import { getLayerSizes, getReports, type OrgIndex } from '../lib/org/org-index';
import { useSession } from './session-store';
import { resetExpansion, useView } from './view-store';

/** The team a manager leads (the first team naming them as manager). */
export function teamLedByOf(index: OrgIndex): (id: string) => string | null {
  const led = new Map<string, string>();
  for (const t of index.teamsById.values())
    if (t.kind === 'team' && t.managerId && !led.has(t.managerId)) led.set(t.managerId, t.id);
  return (id) => led.get(id) ?? null;
}

function createSource(index: OrgIndex, depth: number, overrides: ReadonlyMap<string, boolean>): TreeSource {
  const state = { defaultDepth: depth, overrides };
  return {
    roots: index.roots,
    reports: (id) => getReports(index, id),
    isExpanded: (id, d) => isExpandedIn(state, id, d),
    teamLedBy: teamLedByOf(index),
  };
}

/**
 * The org index the chart is laid out for: the live one, but after a change only once the next
 * frame is painted. A drop thus repaints its cards with their new spans first (in the next frame),
 * and the relayout (O(visible)) follows, instead of holding that frame back.
 */
function useLaidOutIndex(): OrgIndex | null {
  const live = useSession((s) => s.index);
  const [index, setIndex] = useState(live);
  useEffect(() => {
    if (live === index) return;
    if (!index || !live || live.byId !== index.byId) {
      setIndex(live); // another org: at once
      return;
    }
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setIndex(live), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [live, index]);
  return live && index && live.byId !== index.byId ? live : index;
}

/**
 * The visible tree of the open scenario, shared by the chart and the outline (so they show the
 * same people): the expand/collapse state over the default depth, or the "find me" focus. Picks
 * the default depth the first time an org is shown. `started` is when it was computed (ms).
 */
export function useVisibleTree(): { t: VisibleTree; started: number } | null {
  const index = useLaidOutIndex();
  const version = index?.version;
  const defaultDepth = useView((s) => s.defaultDepth);
  const overrides = useView((s) => s.overrides);
  const focusId = useView((s) => s.focusId);

  useEffect(() => {
    if (index && defaultDepth === null) {
      const asked = Number(new URLSearchParams(location.search).get('depth'));
      if (asked >= 1) {
        resetExpansion(asked);
        return;
      }
      resetExpansion(pickDefaultDepth(getLayerSizes(index)));
    }
  }, [index, defaultDepth]);

  return useMemo(() => {
    if (!index || defaultDepth === null || version === undefined) return null;
    const started = performance.now();
    const focus = focusId ? createFocusSource(index, focusId, teamLedByOf(index)) : null;
    const t = collectVisibleTree(focus ?? createSource(index, defaultDepth, overrides));
    return { t, started };
  }, [index, version, defaultDepth, overrides, focusId]);
}
