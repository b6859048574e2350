/**
 * Late content — comment widgets, donation appeals, live-blog updates injected after load — is caught by one
 * MutationObserver that is debounced (a burst of insertions costs one pass) and bounded (a page that never stops
 * changing stops costing us after a fixed number of passes).
 */
const DEBOUNCE_MS = 400;
const MAX_PASSES = 25;

export interface LateContentOptions {
  /** Nodes of our own (the overlay host) whose insertion is not news. */
  ignore: (node: Node) => boolean;
  onChange: () => void;
}

export function watchLateContent(doc: Document, opts: LateContentOptions): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let passes = 0;
  const observer = new MutationObserver((records) => {
    const relevant = records.some((r) =>
      Array.from(r.addedNodes).some((n) => !opts.ignore(n) && (n.nodeType === 1 || (n.nodeType === 3 && (n.textContent ?? '').trim() !== ''))),
    );
    if (!relevant || timer !== null) return;
    timer = setTimeout(() => {
      timer = null;
      passes++;
      opts.onChange();
      if (passes >= MAX_PASSES) stop();
    }, DEBOUNCE_MS);
  });
  const stop = () => {
    observer.disconnect();
    if (timer !== null) clearTimeout(timer);
    window.removeEventListener('pagehide', stop);
  };
  observer.observe(doc.body ?? doc.documentElement, { childList: true, subtree: true });
  window.addEventListener('pagehide', stop);
  return stop;
}
