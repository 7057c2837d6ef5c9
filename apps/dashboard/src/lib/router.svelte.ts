import { parseView, type View } from './routes';

export const router = $state({ path: location.pathname, search: location.search });

export const currentView = (): View => parseView(router.path);

export function navigate(href: string, replace = false): void {
  const url = new URL(href, location.origin);
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  router.path = url.pathname;
  router.search = url.search;
  window.scrollTo(0, 0);
}

/** In-app links (`<a href="/assistants">`) change the view without a page load; the back button goes back. */
export function installLinkHandler(): void {
  window.addEventListener('popstate', () => {
    router.path = location.pathname;
    router.search = location.search;
  });
  document.addEventListener('click', (e) => {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    const a = (e.target as Element | null)?.closest?.('a[href]') as HTMLAnchorElement | null;
    if (!a || a.target || a.hasAttribute('download') || a.origin !== location.origin) return;
    if (a.pathname.startsWith('/api/')) return;
    e.preventDefault();
    navigate(a.pathname + a.search);
  });
}
