import { useEffect, useState } from 'react';
import { type Notice, useSession } from '../stores/session-store';

/** Short messages at the bottom (undo, refused drops, merges), read out by screen readers. */
export function Toasts() {
  const notice = useSession((s) => s.notice);
  const [shown, setShown] = useState<Notice | null>(null);
  useEffect(() => {
    if (!notice) return;
    setShown(notice);
    const t = setTimeout(
      () => setShown((s) => (s?.id === notice.id ? null : s)),
      notice.kind === 'error' ? 6000 : 3500,
    );
    return () => clearTimeout(t);
  }, [notice]);
  return (
    <div className="toasts" aria-live="polite" role="status">
      {shown && <div className={`toast${shown.kind === 'error' ? ' toast-error' : ''}`}>{shown.text}</div>}
    </div>
  );
}
