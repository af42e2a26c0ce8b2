/** Placeholder. */
export function OutlineView() {
  return <div className="empty">Coming soon</div>;
}
