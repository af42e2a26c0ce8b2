/** Pages that are about signing in: never the `next` of a sign-in, and never redirected to it. */
const AUTH_PAGES = ['/signin', '/reset-password'];

/** True for the sign-in and password-reset pages. */
export function isAuthPage(pathname: string): boolean {
  return AUTH_PAGES.some((p) => pathname === p || pathname === `${p}/`);
}

/**
 * Where a request that answered 401 sends the browser: `/signin?next=<path+search>` so that
 * signing in comes back to the same place; plain `/signin` from the start page or an auth page.
 */
export function getSignInUrl(pathname: string, search: string): string {
  if (isAuthPage(pathname) || (pathname === '/' && !search)) return '/signin';
  return `/signin?next=${encodeURIComponent(pathname + search)}`;
}

/**
 * The page to open after signing in: the `next` query parameter when it is a path on this site
 * (starts with one `/`, no scheme, no `//host`, not an auth page), else `/`. Guards against open
 * redirects through a crafted sign-in link.
 */
export function getSafeNext(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if ([...next].some((ch) => ch.charCodeAt(0) < 0x20)) return '/';
  const path = next.split(/[?#]/)[0] ?? '/';
  return isAuthPage(path) ? '/' : next;
}
