/** Placeholder. */
export function LadderView() {
  return <div className="empty">Coming soon</div>;
}
