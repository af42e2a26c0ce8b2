import { create } from 'zustand';
import { getMe } from '../lib/api/identity';
import type { Identity } from '../lib/auth/permissions';
import { getViewAs, setViewAs } from '../lib/auth/view-as';

/** The me store: who the app runs for ({@link Identity}), and an error loading it. */
export interface MeState {
  identity: Identity;
  error: string | null;
}

/** The me store (zustand); read it with the selectors of `lib/auth/permissions`. */
export const useMe = create<MeState>()(() => ({ identity: { status: 'loading' }, error: null }));

/**
 * Loads `GET /api/me` (once at start). 404: a server without sign-in, the app runs open; 401
 * already sent the browser to the sign-in page. A view-as the server ignored is forgotten.
 */
export async function loadMe(): Promise<void> {
  try {
    const me = await getMe();
    if (!me) {
      useMe.setState({ identity: { status: 'open' }, error: null });
      return;
    }
    if (getViewAs() && !me.viewAs) setViewAs(null);
    useMe.setState({ identity: { status: 'signed-in', me }, error: null });
  } catch (error) {
    // Network trouble: run as open so the rest of the app can say what went wrong; the server
    // still refuses whatever the caller may not do.
    useMe.setState({ identity: { status: 'open' }, error: (error as Error).message });
  }
}
