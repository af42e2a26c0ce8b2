/** Placeholder. */
export function TeamGraphView() {
  return <div className="empty">Coming soon</div>;
}
