/**
 * Same-document navigations on single-page news sites (pushState, popstate). A content script can't see the
 * page's own `history.pushState` calls, but the Navigation API's `navigatesuccess` event reaches every world, so
 * no extra permission (webNavigation) is needed where it exists; elsewhere `popstate` plus a cheap URL check on
 * the next clicks covers back/forward and most link-driven changes.
 */
const SETTLE_MS = 600;

export function watchNavigation(onNavigate: () => void): () => void {
  let last = location.href.replace(/#.*$/, '');
  let timer: ReturnType<typeof setTimeout> | null = null;
  const check = () => {
    const now = location.href.replace(/#.*$/, '');
    if (now === last) return;
    last = now;
    if (timer !== null) clearTimeout(timer);
    // Let the site render the new story before reading it.
    timer = setTimeout(() => {
      timer = null;
      onNavigate();
    }, SETTLE_MS);
  };
  const nav = (globalThis as unknown as { navigation?: EventTarget }).navigation;
  const deferredCheck = () => setTimeout(check, 50);
  nav?.addEventListener('navigatesuccess', check);
  window.addEventListener('popstate', check);
  if (!nav) document.addEventListener('click', deferredCheck, true);
  return () => {
    nav?.removeEventListener('navigatesuccess', check);
    window.removeEventListener('popstate', check);
    document.removeEventListener('click', deferredCheck, true);
    if (timer !== null) clearTimeout(timer);
  };
}
