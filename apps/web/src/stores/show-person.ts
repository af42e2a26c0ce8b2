import { getChain } from '../lib/org/org-index';
import { useSession } from './session-store';
import { expandAll, revealPerson, useView } from './view-store';

/**
 * Shows a person on the chart: opens every manager above them, leaves a "find me" focus that
 * would hide them, switches to the chart (unless the outline is open) and selects them.
 * `leaveFocus` is called with the navigation change when the focus must go.
 */
export function showPerson(id: string, leaveFocus: () => void): void {
  const index = useSession.getState().index;
  if (!index?.byId.has(id)) return;
  const view = useView.getState();
  const chain = getChain(index, id);
  if (view.focusId && view.focusId !== id) {
    const inFocus =
      chain.includes(view.focusId) ||
      getChain(index, view.focusId).includes(id) ||
      getChain(index, view.focusId)[0] === chain[0];
    if (!inFocus) leaveFocus();
  }
  expandAll(chain);
  revealPerson(id);
}
