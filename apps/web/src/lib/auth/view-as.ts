/** The header that asks the API to answer as another user (admins only). */
export const VIEW_AS_HEADER = 'X-Reorg-View-As';

const KEY = 'reorg.viewAs';

/** The e-mail of the user an admin views the app as, in this tab (sessionStorage), or null. */
export function getViewAs(): string | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(KEY) || null;
  } catch {
    return null;
  }
}

/** Starts (an e-mail) or stops (null) viewing the app as another user, in this tab. */
export function setViewAs(email: string | null): void {
  try {
    if (email) sessionStorage.setItem(KEY, email);
    else sessionStorage.removeItem(KEY);
  } catch {
    // Storage refused (private mode): the choice lasts until the reload it triggers.
  }
}

/** The headers every API request carries: `X-Reorg-View-As` while viewing as someone. */
export function getApiHeaders(viewAs: string | null = getViewAs()): Record<string, string> {
  return viewAs ? { [VIEW_AS_HEADER]: viewAs } : {};
}
