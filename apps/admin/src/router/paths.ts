export const LOGIN_PATH = '/login';
export const CHANGE_PASSWORD_PATH = '/change-password';

/** `/login?redirect=%2Fstaff%3Fpage%3D2`: the page to come back to once the member may continue. */
export function withRedirect(path: string, back: string): string {
  return back === '/' ? path : `${path}?redirect=${encodeURIComponent(back)}`;
}

/** The `redirect` of a location's search, kept inside the console: anything else would be an open redirect. */
export function redirectTarget(search: string): string {
  const target = new URLSearchParams(search).get('redirect');
  if (!target || !target.startsWith('/') || target.startsWith('//') || target.startsWith('/\\')) return '/';
  const pathname = target.split(/[?#]/)[0];
  return pathname === LOGIN_PATH || pathname === CHANGE_PASSWORD_PATH ? '/' : target;
}
