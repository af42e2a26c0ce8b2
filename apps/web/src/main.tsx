import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { startLiveSync } from './stores/live-sync';
import { loadMe, useMe } from './stores/me-store';
import { usePresence } from './stores/presence-store';
import { applyChange } from './stores/session-actions';
import { useSession } from './stores/session-store';
import { useView } from './stores/view-store';
import './styles/app.css';

/** The stores, for the end-to-end suite and the benchmarks (read-only use). */
(window as unknown as { __reorg: unknown }).__reorg = {
  session: useSession,
  view: useView,
  presence: usePresence,
  me: useMe,
  actions: { applyChange },
};

void loadMe();
startLiveSync();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
