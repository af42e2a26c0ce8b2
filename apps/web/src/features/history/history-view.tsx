/** Placeholder. */
export function HistoryView() {
  return <div className="empty">Coming soon</div>;
}
