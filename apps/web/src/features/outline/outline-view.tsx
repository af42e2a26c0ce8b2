import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import { IconChevron } from '../../components/icons';
import { getReports } from '../../lib/org/org-index';
import { useSession } from '../../stores/session-store';
import { useSpanLookup } from '../../stores/use-analysis';
import { useVisibleTree } from '../../stores/use-visible-tree';
import { setExpanded, useView } from '../../stores/view-store';
import './outline.css';
import { getDisplayName } from '../../lib/org/display-name';

const ROW = 34;
const OVERSCAN = 12;

/**
 * The org as an accessible tree (role="tree"), in step with the chart: the same people shown,
 * the same expand/collapse state, the same selection. Arrow keys move (Right opens, Left closes or
 * goes up), Enter selects. Only the rows in view are rendered, so a 100k-person org scrolls freely.
 */
export function OutlineView() {
  const tree = useVisibleTree()?.t ?? null;
  const index = useSession((s) => s.index);
  const spans = useSpanLookup();
  const selectedId = useView((s) => s.selectedId);
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const active = tree && selectedId ? Math.max(0, tree.ids.indexOf(selectedId)) : 0;
  const rootCount = useMemo(() => (tree ? tree.parent.filter((p) => p === -1).length : 0), [tree]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setHeight(el.clientHeight));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    const el = scroller.current;
    if (!el || !tree) return;
    const top = active * ROW;
    if (top < el.scrollTop || top + ROW > el.scrollTop + el.clientHeight)
      el.scrollTop = top - el.clientHeight / 2;
    el.querySelector<HTMLElement>(`[data-row="${active}"]`)?.focus({ preventScroll: true });
  }, [active, tree]);

  if (!tree || !index) return null;
  const n = tree.ids.length;
  const first = Math.max(0, Math.floor(scrollTop / ROW) - OVERSCAN);
  const last = Math.min(n, Math.ceil((scrollTop + height) / ROW) + OVERSCAN);
  const select = (i: number) => useView.setState({ selectedId: tree.ids[i] });

  const onKeyDown = (e: KeyboardEvent) => {
    const i = active;
    const id = tree.ids[i];
    const hasKids = getReports(index, id).length > 0;
    const open = hasKids && tree.isCollapsed[i] === 0;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown':
        select(Math.min(n - 1, i + 1));
        break;
      case 'ArrowUp':
        select(Math.max(0, i - 1));
        break;
      case 'Home':
        select(0);
        break;
      case 'End':
        select(n - 1);
        break;
      case 'ArrowRight':
        if (hasKids && !open) setExpanded(id, true);
        else if (open) select(i + 1);
        break;
      case 'ArrowLeft':
        if (open) setExpanded(id, false);
        else if (tree.parent[i] >= 0) select(tree.parent[i]);
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  const rows = [];
  for (let i = first; i < last; i++) {
    const id = tree.ids[i];
    const p = index.byId.get(id);
    if (!p) continue;
    const reports = getReports(index, id).length;
    const m = spans.span(id);
    const parent = tree.parent[i];
    const siblings = parent >= 0 ? tree.childOffsets[parent + 1] - tree.childOffsets[parent] : rootCount;
    let pos = 1;
    if (parent >= 0)
      pos = tree.childList.subarray(tree.childOffsets[parent], tree.childOffsets[parent + 1]).indexOf(i) + 1;
    rows.push(
      <div
        key={id}
        role="treeitem"
        data-row={i}
        aria-level={tree.depth[i]}
        aria-setsize={siblings}
        aria-posinset={pos}
        aria-selected={selectedId === id}
        aria-expanded={reports > 0 ? tree.isCollapsed[i] === 0 : undefined}
        tabIndex={i === active ? 0 : -1}
        className="outline-row"
        style={{ top: i * ROW, paddingLeft: 12 + (tree.depth[i] - 1) * 20 }}
        onClick={() => select(i)}
        onKeyDown={onKeyDown}
      >
        {reports > 0 ? (
          <span
            className="outline-toggle is-clickable"
            aria-hidden="true"
            onClick={(e) => {
              e.stopPropagation();
              setExpanded(id, tree.isCollapsed[i] === 1);
            }}
          >
            <IconChevron open={tree.isCollapsed[i] === 0} />
          </span>
        ) : (
          <span className="outline-toggle" />
        )}
        <span className="outline-name">{getDisplayName(p)}</span>
        <span className="outline-title">{p.title}</span>
        {p.level && <span className="outline-level">{p.level}</span>}
        {m && (
          <span className={`outline-span span-${m.status}`}>
            {m.directReports} reports · {m.status === 'ok' ? 'in target' : m.status}
          </span>
        )}
      </div>,
    );
  }
  return (
    <div className="outline-view">
      <p className="outline-help muted">
        The same people as the chart, as a list. Arrow keys move, Right and Left open and close, and the chart
        follows.
      </p>
      <div
        className="outline-scroll"
        ref={scroller}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      >
        <div role="tree" aria-label="Org outline" className="outline-tree" style={{ height: n * ROW }}>
          {rows}
        </div>
      </div>
    </div>
  );
}
