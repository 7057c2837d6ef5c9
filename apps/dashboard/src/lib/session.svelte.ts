// The bearer token lives in sessionStorage only: gone when the browser session ends, never put in a URL, never
// logged. Signing out forgets it.
const KEY = 'platform.dashboard.token';

export const session = $state({
  token: sessionStorage.getItem(KEY) as string | null,
  notice: '',
});

export function signIn(token: string): void {
  sessionStorage.setItem(KEY, token);
  session.token = token;
  session.notice = '';
}

export function signOut(notice = ''): void {
  sessionStorage.removeItem(KEY);
  session.token = null;
  session.notice = notice;
}
